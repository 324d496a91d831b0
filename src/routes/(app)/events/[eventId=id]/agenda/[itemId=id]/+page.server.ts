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
import type { AgendaItemEditView } from '$lib/server/agenda/agenda.view';
import type { ClashView } from '$lib/server/clashes/clash.service';
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

export const load: PageServerLoad = async ({ params, url }) => {
	const q = (url.searchParams.get('q') ?? '').slice(0, 100);
	const page = await findAgendaItemPage(
		database().db,
		Number(params.eventId),
		Number(params.itemId),
		parsePersonSearch(q)
	);
	if (!page) error(404, m.agenda_item_not_found());
	return { page, q, words: agendaItemFieldsWords() };
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
