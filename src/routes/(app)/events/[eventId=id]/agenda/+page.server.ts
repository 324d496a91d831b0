import { error, fail, redirect } from '@sveltejs/kit';
import type { z } from 'zod';
import { requireRole } from '$lib/server/auth/access';
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
import { Forbidden, NotFound, RuleViolation } from '$lib/server/errors';
import { fieldErrors, formFields } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	requireRole(locals.user, 'officer');
	const agenda = await findAgendaPage(database().db, Number(params.eventId));
	if (!agenda) error(404, 'There is no such event.');
	return { agenda };
};

type ActionEvent = Parameters<Actions[string]>[0];

/**
 * The beats the list's order actions share (move, reorder, remove): the role checked here as well as in
 * the hooks, the form read and checked, one service called, its refusal shown above the list.
 */
async function changeOrder<T>(
	event: ActionEvent,
	schema: z.ZodType<T>,
	names: readonly string[],
	run: (input: T, eventId: number) => Promise<unknown>,
	after: (input: T) => string = () => ''
) {
	const eventId = Number(event.params.eventId);
	try {
		requireRole(event.locals.user, 'officer');
		const parsed = schema.safeParse(formFields(await event.request.formData(), names));
		if (!parsed.success) {
			return fail(400, { orderError: Object.values(fieldErrors(parsed.error))[0] ?? 'Check the form.' });
		}
		await run(parsed.data, eventId);
		redirect(303, `/events/${eventId}/agenda${after(parsed.data)}`);
	} catch (e) {
		if (e instanceof Forbidden) return fail(403, { orderError: e.message });
		if (e instanceof NotFound) return fail(404, { orderError: e.message });
		if (e instanceof RuleViolation) return fail(400, { orderError: e.message });
		throw e;
	}
}

export const actions: Actions = {
	/** A new item at the end of the programme. */
	add: async (event) => {
		const eventId = Number(event.params.eventId);
		const fields = formFields(await event.request.formData(), AGENDA_ITEM_FIELDS);
		const values = { ...fields, published: fields.published ? 'on' : '' };
		try {
			requireRole(event.locals.user, 'officer');
			const parsed = AgendaItemInput.safeParse(fields);
			if (!parsed.success) return fail(400, { addValues: values, addErrors: fieldErrors(parsed.error) });
			const item = await addAgendaItem(database().db, actorOf(event), eventId, parsed.data);
			redirect(303, `/events/${eventId}/agenda?added=${item.id}#item-${item.id}`);
		} catch (e) {
			if (e instanceof Forbidden) return fail(403, { addValues: values, addErrors: { form: e.message } });
			if (e instanceof NotFound) return fail(404, { addValues: values, addErrors: { form: e.message } });
			if (e instanceof RuleViolation) {
				return fail(400, { addValues: values, addErrors: { form: e.message, ...e.fields } });
			}
			throw e;
		}
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
