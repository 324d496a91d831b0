import { error, fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/access';
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
import { Forbidden, NotFound, RuleViolation, StaleRecord } from '$lib/server/errors';
import { fieldErrors, formFields } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	requireRole(locals.user, 'officer');
	const q = (url.searchParams.get('q') ?? '').slice(0, 100);
	const page = await findAgendaItemPage(
		database().db,
		Number(params.eventId),
		Number(params.itemId),
		parsePersonSearch(q)
	);
	if (!page) error(404, 'There is no such agenda item.');
	return { page, q };
};

type ActionEvent = Parameters<Actions[string]>[0];

const ids = (event: ActionEvent) => ({
	eventId: Number(event.params.eventId),
	itemId: Number(event.params.itemId)
});

type Values = Record<string, string | undefined>;

/** Domain refusals as the page shows them: beside the field named, or above the form. */
function refused(e: unknown): { status: 400 | 403 | 404; errors: Record<string, string> } {
	if (e instanceof Forbidden) return { status: 403, errors: { form: e.message } };
	if (e instanceof NotFound) return { status: 404, errors: { form: e.message } };
	if (e instanceof RuleViolation) return { status: 400, errors: { form: e.message, ...e.fields } };
	throw e;
}

export const actions: Actions = {
	/** The item's own fields; refused with the other officer's version beside this one when stale. */
	save: async (event) => {
		const { eventId, itemId } = ids(event);
		const fields = formFields(await event.request.formData(), AGENDA_ITEM_UPDATE_FIELDS);
		const values: Values = { ...fields, published: fields.published ? 'on' : '' };
		try {
			requireRole(event.locals.user, 'officer');
			const parsed = AgendaItemUpdateInput.safeParse(fields);
			if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
			await updateAgendaItem(database().db, actorOf(event), itemId, parsed.data, eventId);
		} catch (e) {
			if (e instanceof StaleRecord) {
				return fail(409, { values, errors: { form: e.message }, current: e.current });
			}
			const { status, errors } = refused(e);
			return fail(status, { values, errors });
		}
		redirect(303, `/events/${eventId}/agenda?moved=${itemId}#item-${itemId}`);
	},
	/** Someone booked elsewhere at the time is named only once the officer says so (`clashOverride`). */
	assign: async (event) => {
		const { eventId, itemId } = ids(event);
		const fields = formFields(await event.request.formData(), ['personId', 'role', 'q', 'clashOverride']);
		const values: Values = { personId: fields.personId, role: fields.role };
		const back = fields.q ? `?q=${encodeURIComponent(fields.q.slice(0, 100))}` : '';
		let added = false;
		try {
			requireRole(event.locals.user, 'officer');
			const parsed = AgendaAssignInput.safeParse(fields);
			if (!parsed.success) return fail(400, { values, assignErrors: fieldErrors(parsed.error) });
			const { personId, role } = parsed.data;
			const result = await assignToAgendaItem(database().db, actorOf(event), itemId, personId, role, {
				eventId,
				clashOverride: fields.clashOverride === '1'
			});
			if (result.status === 'clash') {
				return fail(409, { values, assignErrors: {} as Record<string, string>, clashes: result.clashes });
			}
			added = result.participantAdded;
		} catch (e) {
			const { status, errors } = refused(e);
			return fail(status, { values, assignErrors: errors });
		}
		const notice = `${back ? '&' : '?'}assigned=${fields.personId}${added ? '&added=1' : ''}`;
		redirect(303, `/events/${eventId}/agenda/${itemId}${back}${notice}#people`);
	},
	unassign: async (event) => {
		const { eventId, itemId } = ids(event);
		const fields = formFields(await event.request.formData(), ['personId', 'role']);
		try {
			requireRole(event.locals.user, 'officer');
			const parsed = AgendaAssignInput.safeParse(fields);
			if (!parsed.success)
				return fail(400, { values: {} as Values, assignErrors: fieldErrors(parsed.error) });
			const { personId, role } = parsed.data;
			await unassignFromAgendaItem(database().db, actorOf(event), itemId, personId, role, eventId);
		} catch (e) {
			const { status, errors } = refused(e);
			return fail(status, { values: {} as Values, assignErrors: errors });
		}
		redirect(303, `/events/${eventId}/agenda/${itemId}#people`);
	},
	remove: async (event) => {
		const { eventId, itemId } = ids(event);
		try {
			requireRole(event.locals.user, 'officer');
			await removeAgendaItem(database().db, actorOf(event), itemId, eventId);
		} catch (e) {
			const { status, errors } = refused(e);
			return fail(status, { values: {} as Values, errors });
		}
		redirect(303, `/events/${eventId}/agenda`);
	}
};
