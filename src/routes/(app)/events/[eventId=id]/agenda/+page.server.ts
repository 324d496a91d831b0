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
import { agendaItemFieldsWords } from '$lib/server/agenda/agenda-item.words';
import { defineWords } from '$lib/server/i18n/words';
import { outcomesInBrief } from '$lib/server/outcomes/outcome-list.view';
import { formatDate, formatOffset, formatTime } from '$lib/format/datetime';
import { itemTimes } from './times';

/** The words of the agenda page and the builder and form beside it, for its load to send. */
const pageWords = defineWords({
	agenda_actions_label: m.agenda_actions_label,
	agenda_add_button: m.agenda_add_button,
	agenda_add_duration_hint: m.agenda_add_duration_hint,
	agenda_add_heading: m.agenda_add_heading,
	agenda_add_hint: m.agenda_add_hint,
	agenda_drag_hint: m.agenda_drag_hint,
	agenda_drag_title: m.agenda_drag_title,
	agenda_edit: m.agenda_edit,
	agenda_edit_label: m.agenda_edit_label,
	agenda_empty: m.agenda_empty,
	agenda_follow_ups_empty: m.agenda_follow_ups_empty,
	agenda_heading: m.agenda_heading,
	agenda_list_label: m.agenda_list_label,
	agenda_minutes: m.agenda_minutes,
	agenda_no_length: m.agenda_no_length,
	agenda_no_time: m.agenda_no_time,
	agenda_not_published: m.agenda_not_published,
	agenda_remove: m.agenda_remove,
	agenda_remove_label: m.agenda_remove_label,
	agenda_remove_question: m.agenda_remove_question,
	agenda_remove_yes: m.agenda_remove_yes,
	events_back_to_event: m.events_back_to_event,
	events_page_follow_up: m.events_page_follow_up,
	events_page_programme: m.events_page_programme
});

export const load: PageServerLoad = async ({ params, url }) => {
	const agenda = await findAgendaPage(database().db, Number(params.eventId));
	if (!agenda) error(404, m.events_page_not_found());
	const written = writtenOut(agenda);
	return {
		agenda: written,
		titleTag: m.agenda_title_tag({ event: agenda.event.title }),
		status: statusOf(url, written.items),
		words: { ...pageWords(), ...agendaItemFieldsWords() }
	};
};

/**
 * What the last change did (`?moved=…` after Up, Down or a drop, `?added=…`), said in the page's live
 * region; empty when the address names no item of the list.
 */
function statusOf(url: URL, items: { id: number; title: string; times: string }[]): string {
	const moved = Number(url.searchParams.get('moved'));
	const id = moved || Number(url.searchParams.get('added'));
	const index = items.findIndex((item) => item.id === id);
	if (index < 0) return '';
	const item = items[index]!;
	const said = { title: item.title, position: index + 1, count: items.length };
	if (item.times) {
		const times = item.times;
		return moved
			? m.agenda_status_moved_at({ ...said, times })
			: m.agenda_status_added_at({ ...said, times });
	}
	return moved ? m.agenda_status_moved(said) : m.agenda_status_added(said);
}

/**
 * The agenda with its times written out in the event's zone and the reader's language: when the
 * event starts, each item's clock times, whether it runs past the end, the follow-ups' days. The page
 * formats no dates (and loads no date formatting).
 */
function writtenOut(agenda: NonNullable<Awaited<ReturnType<typeof findAgendaPage>>>) {
	const { event } = agenda;
	const zone = event.timeZone;
	return {
		...agenda,
		intro: m.agenda_intro({
			date: formatDate(event.startAt, zone),
			time: formatTime(event.startAt, zone),
			zone,
			offset: formatOffset(event.startAt, zone)
		}),
		overrun:
			agenda.overruns && agenda.clockEnd
				? m.agenda_overruns({
						end: formatTime(agenda.clockEnd, zone),
						eventEnd: formatTime(event.endAt, zone)
					})
				: null,
		items: agenda.items.map((item) => ({ ...item, times: itemTimes(item, zone) })),
		followUps: outcomesInBrief(agenda.followUps, event.id)
	};
}

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
