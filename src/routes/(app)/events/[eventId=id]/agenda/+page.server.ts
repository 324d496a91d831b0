import { error, redirect } from '@sveltejs/kit';
import type { z } from 'zod';
import { actorOf } from '$lib/server/auth/actor';
import {
	AGENDA_ITEM_FIELDS,
	AgendaItemInput,
	AgendaItemRef,
	AgendaMoveInput,
	AgendaReorderInput
} from '$lib/server/agenda/agenda.input';
import {
	addAgendaItem,
	findAgendaPage,
	moveAgendaItem,
	removeAgendaItem,
	reorderAgendaItems
} from '$lib/server/agenda/agenda.service';
import { database } from '$lib/server/db';
import { attempt, invalidInput } from '$lib/server/http/form-failure';
import { formFields } from '$lib/server/validation';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const agenda = await findAgendaPage(database().db, Number(params.eventId));
	if (!agenda) error(404, m.events_page_not_found());
	return { agenda };
};

type ActionEvent = Parameters<Actions[string]>[0];

/**
 * The beats the list's order actions share (move, reorder, remove): the form read and checked, one
 * service called (it checks the role), its refusal shown above the list.
 */
async function changeOrder<T>(
	event: ActionEvent,
	schema: z.ZodType<T>,
	names: readonly string[],
	run: (input: T, eventId: number) => Promise<unknown>,
	after: (input: T) => string = () => ''
) {
	const eventId = Number(event.params.eventId);
	const context = { form: 'order' as const, values: {} };
	const parsed = schema.safeParse(formFields(await event.request.formData(), names));
	if (!parsed.success) return invalidInput(parsed.error, context);
	return attempt(context, async () => {
		await run(parsed.data, eventId);
		redirect(303, `/events/${eventId}/agenda${after(parsed.data)}`);
	});
}

export const actions: Actions = {
	/** A new item at the end of the programme. */
	add: async (event) => {
		const eventId = Number(event.params.eventId);
		const fields = formFields(await event.request.formData(), AGENDA_ITEM_FIELDS);
		const context = { form: 'add' as const, values: { ...fields, published: fields.published ? 'on' : '' } };
		const parsed = AgendaItemInput.safeParse(fields);
		if (!parsed.success) return invalidInput(parsed.error, context);
		return attempt(context, async () => {
			const item = await addAgendaItem(database().db, actorOf(event), eventId, parsed.data);
			redirect(303, `/events/${eventId}/agenda?added=${item.id}#item-${item.id}`);
		});
	},
	/** Up or Down: the plain-form way to reorder, by keyboard and without JavaScript. */
	move: (event) =>
		changeOrder(
			event,
			AgendaMoveInput,
			['itemId', 'direction'],
			(input, eventId) =>
				moveAgendaItem(database().db, actorOf(event), input.itemId, input.direction, eventId),
			(input) => `?moved=${input.itemId}#item-${input.itemId}`
		),
	/** The whole order at once, as drag and drop sends it. */
	reorder: (event) =>
		changeOrder(
			event,
			AgendaReorderInput,
			['order', 'moved'],
			(input, eventId) => reorderAgendaItems(database().db, actorOf(event), eventId, input.order),
			(input) => (input.moved ? `?moved=${input.moved}#item-${input.moved}` : '')
		),
	remove: (event) =>
		changeOrder(event, AgendaItemRef, ['itemId'], (input, eventId) =>
			removeAgendaItem(database().db, actorOf(event), input.itemId, eventId)
		)
};
