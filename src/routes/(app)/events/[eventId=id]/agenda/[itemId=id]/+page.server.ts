import { formatOffset } from '$lib/format/datetime';
import { itemTimes } from '../times';
import { error, fail, redirect, type ActionFailure } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import {
	AGENDA_ITEM_UPDATE_FIELDS,
	AgendaAssignInput,
	AgendaItemUpdateInput,
	parsePersonSearch
} from '$lib/server/agenda/agenda.input';
import {
	assignToAgendaItem,
	findAgendaItemPage,
	removeAgendaItem,
	unassignFromAgendaItem,
	updateAgendaItem
} from '$lib/server/agenda/agenda.service';
import { database } from '$lib/server/db';
import type { AgendaItemEditView, AgendaItemPageView } from '$lib/server/agenda/agenda.view';
import type { ClashView } from '$lib/server/clashes/clash.service';
import { clashSpan } from '$lib/server/clashes/clash.view';
import {
	attempt,
	failureFrom,
	formFailure,
	invalidInput,
	type FormFailure
} from '$lib/server/http/form-failure';
import { formFields } from '$lib/server/validation';
import type { OnlyForm } from '$lib/forms/failure';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';
import { agendaItemFieldsWords } from '$lib/server/agenda/agenda-item.words';
import { defineWords } from '$lib/server/i18n/words';
import { agendaRoles } from '$lib/vocabulary';

/** The item page's words (its form, the people on it, removing it), for its load to send. */
const pageWords = defineWords({
	agendaRoles,
	agenda_assign_button: m.agenda_assign_button,
	agenda_assign_choose: m.agenda_assign_choose,
	agenda_assign_find: m.agenda_assign_find,
	agenda_assign_find_hint: m.agenda_assign_find_hint,
	agenda_assign_find_label: m.agenda_assign_find_label,
	agenda_assign_found: m.agenda_assign_found,
	agenda_assign_heading: m.agenda_assign_heading,
	agenda_assign_more: m.agenda_assign_more,
	agenda_assign_nobody: m.agenda_assign_nobody,
	agenda_assign_participants: m.agenda_assign_participants,
	agenda_assign_person: m.agenda_assign_person,
	agenda_assign_role: m.agenda_assign_role,
	agenda_clash_anyway: m.agenda_clash_anyway,
	agenda_clash_heading: m.agenda_clash_heading,
	agenda_clash_this_person: m.agenda_clash_this_person,
	agenda_heading: m.agenda_heading,
	agenda_item_assigned: m.agenda_item_assigned,
	agenda_item_assigned_added: m.agenda_item_assigned_added,
	agenda_item_number: m.agenda_item_number,
	agenda_item_remove_heading: m.agenda_item_remove_heading,
	agenda_item_remove_hint: m.agenda_item_remove_hint,
	agenda_item_remove_summary: m.agenda_item_remove_summary,
	agenda_item_title_tag: m.agenda_item_title_tag,
	agenda_itemform_cancel: m.agenda_itemform_cancel,
	agenda_itemform_duration_hint: m.agenda_itemform_duration_hint,
	agenda_itemform_heading: m.agenda_itemform_heading,
	agenda_itemform_length: m.agenda_itemform_length,
	agenda_itemform_minutes: m.agenda_itemform_minutes,
	agenda_itemform_no: m.agenda_itemform_no,
	agenda_itemform_no_length: m.agenda_itemform_no_length,
	agenda_itemform_on_programme: m.agenda_itemform_on_programme,
	agenda_itemform_save: m.agenda_itemform_save,
	agenda_itemform_theirs_heading: m.agenda_itemform_theirs_heading,
	agenda_itemform_theirs_note: m.agenda_itemform_theirs_note,
	agenda_itemform_yes: m.agenda_itemform_yes,
	agenda_no_time: m.agenda_no_time,
	agenda_people_heading: m.agenda_people_heading,
	agenda_people_none: m.agenda_people_none,
	agenda_remove_yes: m.agenda_remove_yes,
	agenda_take_off: m.agenda_take_off,
	agenda_take_off_label: m.agenda_take_off_label,
	content_version_az: m.content_version_az,
	content_version_en: m.content_version_en,
	content_version_ru: m.content_version_ru,
	events_clashes_this: m.events_clashes_this
});

/** The meeting's and the item's times written out in the meeting's zone, so that the page formats none. */
function withTimes(page: AgendaItemPageView) {
	const zone = page.event.timeZone;
	const { item } = page;
	return {
		...page,
		event: { ...page.event, when: clashSpan(page.event) },
		item: { ...item, times: itemTimes(item, zone), offset: item.startAt && formatOffset(item.startAt, zone) }
	};
}

export const load: PageServerLoad = async ({ params, url }) => {
	const q = (url.searchParams.get('q') ?? '').slice(0, 100);
	const page = await findAgendaItemPage(
		database().db,
		Number(params.eventId),
		Number(params.itemId),
		parsePersonSearch(q)
	);
	if (!page) error(404, m.agenda_item_not_found());
	return { page: withTimes(page), q, words: { ...pageWords(), ...agendaItemFieldsWords() } };
};

type ActionEvent = Parameters<Actions[string]>[0];

const ids = (event: ActionEvent) => ({
	eventId: Number(event.params.eventId),
	itemId: Number(event.params.itemId)
});

type Values = Record<string, string | undefined>;

const ASSIGN_FORM = 'assign' as const;

/** The one failure shape, and the clashes to confirm when the person is booked elsewhere. */
type AssignFailure = FormFailure<Values, typeof ASSIGN_FORM> & { clashes?: ClashView[] };

export const actions: Actions = {
	/** The item's own fields; refused with the other officer's version beside this one when stale. */
	save: async (event) => {
		const { eventId, itemId } = ids(event);
		const fields = formFields(await event.request.formData(), AGENDA_ITEM_UPDATE_FIELDS);
		const context = { values: { ...fields, published: fields.published ? 'on' : '' } as Values };
		const parsed = AgendaItemUpdateInput.safeParse(fields);
		if (!parsed.success) return invalidInput(parsed.error, context);
		try {
			await updateAgendaItem(database().db, actorOf(event), itemId, parsed.data, eventId);
		} catch (e) {
			// A stale save carries the item as it now stands, as the page shows it.
			return failureFrom<Values, OnlyForm, AgendaItemEditView>(e, context);
		}
		redirect(303, `/events/${eventId}/agenda?moved=${itemId}#item-${itemId}`);
	},
	/** Someone booked elsewhere at the time is named only once the officer says so (`clashOverride`). */
	assign: async (event): Promise<ActionFailure<AssignFailure>> => {
		const { eventId, itemId } = ids(event);
		const fields = formFields(await event.request.formData(), ['personId', 'role', 'q', 'clashOverride']);
		const context = { form: ASSIGN_FORM, values: { personId: fields.personId, role: fields.role } as Values };
		const back = fields.q ? `?q=${encodeURIComponent(fields.q.slice(0, 100))}` : '';
		const parsed = AgendaAssignInput.safeParse(fields);
		if (!parsed.success) return invalidInput(parsed.error, context);
		const { personId, role } = parsed.data;
		return attempt(context, async () => {
			const result = await assignToAgendaItem(database().db, actorOf(event), itemId, personId, role, {
				eventId,
				clashOverride: fields.clashOverride === '1'
			});
			if (result.status === 'clash') return fail(409, { ...formFailure(context), clashes: result.clashes });
			const notice = `${back ? '&' : '?'}assigned=${personId}${result.participantAdded ? '&added=1' : ''}`;
			redirect(303, `/events/${eventId}/agenda/${itemId}${back}${notice}#people`);
		});
	},
	unassign: async (event) => {
		const { eventId, itemId } = ids(event);
		const fields = formFields(await event.request.formData(), ['personId', 'role']);
		const context = { form: ASSIGN_FORM, values: {} as Values };
		const parsed = AgendaAssignInput.safeParse(fields);
		if (!parsed.success) return invalidInput(parsed.error, context);
		const { personId, role } = parsed.data;
		return attempt(context, async () => {
			await unassignFromAgendaItem(database().db, actorOf(event), itemId, personId, role, eventId);
			redirect(303, `/events/${eventId}/agenda/${itemId}#people`);
		});
	},
	remove: async (event) => {
		const { eventId, itemId } = ids(event);
		return attempt({ values: {} as Values }, async () => {
			await removeAgendaItem(database().db, actorOf(event), itemId, eventId);
			redirect(303, `/events/${eventId}/agenda`);
		});
	}
};
