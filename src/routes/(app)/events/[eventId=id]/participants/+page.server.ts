import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/access';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { Forbidden, NotFound, RuleViolation } from '$lib/server/errors';
import { pageRequest } from '$lib/server/pagination';
import {
	AttendanceInput,
	DelegationAssignInput,
	DelegationCreateInput,
	DelegationRefInput,
	DelegationRenameInput,
	INVITE_FIELDS,
	NEW_PERSON_INVITE_FIELDS,
	NewPersonInviteInput,
	ORGANIZATION_INVITE_FIELDS,
	OrganizationInviteInput,
	ParticipantImportInput,
	ParticipantInviteInput,
	PrecedenceMoveInput,
	RemoveInput,
	RsvpInput
} from '$lib/server/participants/participant.input';
import {
	assignDelegation,
	createDelegation,
	createPersonAndInvite,
	describeRemoval,
	findParticipantsPage,
	importParticipants,
	inviteOrganization,
	inviteParticipant,
	markAttendance,
	markHeadOfDelegation,
	moveParticipant,
	previewParticipantImport,
	recordRsvp,
	removeDelegation,
	removeParticipant,
	renameDelegation,
	resetPrecedence,
	type InviteResult
} from '$lib/server/participants/participant.service';
import { PERSON_FIELDS, PersonCreateInput } from '$lib/server/people/person.input';
import { fieldErrors, formFields } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 100;

export const load: PageServerLoad = async ({ params, locals, url }) => {
	requireRole(locals.user, 'officer');
	const view = await findParticipantsPage(database().db, Number(params.eventId), {
		page: pageRequest(url, PAGE_SIZE, ['id']),
		search: url.searchParams.get('q') ?? ''
	});
	if (!view) error(404, 'There is no such event.');
	return { view, done: url.searchParams.get('done'), counts: doneCounts(url) };
};

/** The numbers a redirect after a write carries for its message (invited 3, skipped 1 …). */
function doneCounts(url: URL) {
	const n = (name: string) => {
		const value = Number(url.searchParams.get(name));
		return Number.isSafeInteger(value) && value >= 0 ? value : 0;
	};
	return { invited: n('invited'), skipped: n('skipped'), created: n('created'), linked: n('linked') };
}

type Form =
	'invite' | 'newPerson' | 'organization' | 'import' | 'delegation' | 'rename' | 'row' | 'remove' | 'order';

/**
 * The beats every action shares: the role checked here as well as in the hooks, the event's id, and
 * the domain's refusals turned into answers shown beside the form they came from.
 */
async function asOfficer(
	event: RequestEvent,
	form: Form,
	run: (eventId: number, data: FormData, keep: (values: Record<string, unknown>) => void) => Promise<unknown>
) {
	const eventId = Number(event.params.eventId);
	// What the form posted, given back with a refusal from the domain so that nothing typed is lost.
	let values: Record<string, unknown> = {};
	const keep = (posted: Record<string, unknown>) => {
		values = posted;
	};
	try {
		requireRole(event.locals.user, 'officer');
		return await run(eventId, await event.request.formData(), keep);
	} catch (e) {
		if (e instanceof Forbidden) return fail(403, { form, message: e.message, values, errors: {} });
		if (e instanceof RuleViolation) return fail(400, { form, message: e.message, values, errors: e.fields });
		if (e instanceof NotFound) return fail(404, { form, message: e.message, values, errors: {} });
		throw e;
	}
}

function base(event: RequestEvent) {
	return `/events/${event.params.eventId}/participants`;
}

function clashOrDone(event: RequestEvent, form: Form, values: Record<string, unknown>, result: InviteResult) {
	if (result.status === 'clash') return fail(409, { form, values, errors: {}, clashes: result.clashes });
	redirect(303, `${base(event)}?done=invited&invited=${result.invited}&skipped=${result.skipped}`);
}

export const actions: Actions = {
	invite: (event) =>
		asOfficer(event, 'invite', async (eventId, data, keep) => {
			const fields = formFields(data, INVITE_FIELDS);
			const values = { ...fields, q: data.get('q') ?? '' };
			keep(values);
			const parsed = ParticipantInviteInput.safeParse(fields);
			if (!parsed.success) return fail(400, { form: 'invite', values, errors: fieldErrors(parsed.error) });
			const result = await inviteParticipant(database().db, actorOf(event), eventId, parsed.data);
			return clashOrDone(event, 'invite', values, result);
		}),

	createAndInvite: (event) =>
		asOfficer(event, 'newPerson', async (eventId, data, keep) => {
			const fields = formFields(data, [...PERSON_FIELDS, ...NEW_PERSON_INVITE_FIELDS]);
			keep(fields);
			const person = PersonCreateInput.safeParse(fields);
			const placement = NewPersonInviteInput.safeParse(fields);
			if (!person.success || !placement.success) {
				const errors = {
					...(person.success ? {} : fieldErrors(person.error)),
					...(placement.success ? {} : fieldErrors(placement.error))
				};
				return fail(400, { form: 'newPerson', values: fields, errors });
			}
			const made = await createPersonAndInvite(database().db, actorOf(event), eventId, person.data, {
				role: placement.data.newRole,
				delegationId: placement.data.newDelegationId
			});
			redirect(303, `${base(event)}?done=created&invited=1&person=${made.personId}`);
		}),

	inviteOrganization: (event) =>
		asOfficer(event, 'organization', async (eventId, data, keep) => {
			const fields = formFields(data, ORGANIZATION_INVITE_FIELDS);
			keep(fields);
			const parsed = OrganizationInviteInput.safeParse(fields);
			if (!parsed.success)
				return fail(400, { form: 'organization', values: fields, errors: fieldErrors(parsed.error) });
			const result = await inviteOrganization(database().db, actorOf(event), eventId, {
				organizationId: parsed.data.bulkOrganizationId,
				includeSubOrganizations: parsed.data.includeSubOrganizations,
				role: parsed.data.bulkRole,
				delegationId: parsed.data.bulkDelegationId,
				clashOverride: parsed.data.clashOverride
			});
			return clashOrDone(event, 'organization', fields, result);
		}),

	previewImport: (event) =>
		asOfficer(event, 'import', async (eventId, data) => {
			const csv = await csvFrom(data);
			const parsed = ParticipantImportInput.safeParse({ csv });
			if (!parsed.success) return fail(400, { form: 'import', csv, errors: fieldErrors(parsed.error) });
			const preview = await previewParticipantImport(database().db, eventId, parsed.data.csv);
			return { form: 'import', csv: parsed.data.csv, preview };
		}),

	/** The preview is made again from the text posted: nothing the browser says about it is trusted. */
	confirmImport: (event) =>
		asOfficer(event, 'import', async (eventId, data) => {
			const csv = await csvFrom(data);
			const parsed = ParticipantImportInput.safeParse({ csv });
			if (!parsed.success) return fail(400, { form: 'import', csv, errors: fieldErrors(parsed.error) });
			const result = await importParticipants(database().db, actorOf(event), eventId, parsed.data.csv);
			if (!result.saved) return fail(400, { form: 'import', csv: parsed.data.csv, preview: result.preview });
			redirect(
				303,
				`${base(event)}?done=imported&created=${result.created}&linked=${result.linked}&skipped=${result.skipped}`
			);
		}),

	createDelegation: (event) =>
		asOfficer(event, 'delegation', async (eventId, data, keep) => {
			const fields = formFields(data, ['delegationName', 'delegationOrganizationId']);
			keep(fields);
			const parsed = DelegationCreateInput.safeParse(fields);
			if (!parsed.success)
				return fail(400, { form: 'delegation', values: fields, errors: fieldErrors(parsed.error) });
			await createDelegation(database().db, actorOf(event), eventId, {
				name: parsed.data.delegationName,
				organizationId: parsed.data.delegationOrganizationId
			});
			redirect(303, `${base(event)}?done=delegation#delegations`);
		}),

	renameDelegation: (event) =>
		asOfficer(event, 'rename', async (eventId, data, keep) => {
			const fields = formFields(data, ['delegationId', 'name']);
			keep(fields);
			const parsed = DelegationRenameInput.safeParse(fields);
			if (!parsed.success)
				return fail(400, { form: 'rename', values: fields, errors: fieldErrors(parsed.error) });
			await renameDelegation(
				database().db,
				actorOf(event),
				eventId,
				parsed.data.delegationId,
				parsed.data.name
			);
			redirect(303, `${base(event)}?done=renamed#delegations`);
		}),

	removeDelegation: (event) =>
		asOfficer(event, 'rename', async (eventId, data) => {
			const parsed = DelegationRefInput.safeParse(formFields(data, ['delegationId']));
			if (!parsed.success)
				return fail(400, { form: 'rename', values: {}, errors: fieldErrors(parsed.error) });
			await removeDelegation(database().db, actorOf(event), eventId, parsed.data.delegationId);
			redirect(303, `${base(event)}?done=sideRemoved#delegations`);
		}),

	assignDelegation: (event) =>
		asOfficer(event, 'row', async (eventId, data) => {
			const parsed = DelegationAssignInput.safeParse(formFields(data, ['participantId', 'delegationId']));
			if (!parsed.success) return fail(400, { form: 'row', values: {}, errors: fieldErrors(parsed.error) });
			await assignDelegation(
				database().db,
				actorOf(event),
				eventId,
				parsed.data.participantId,
				parsed.data.delegationId
			);
			redirect(303, `${base(event)}?done=assigned${keepPage(data)}`);
		}),

	markHead: (event) =>
		asOfficer(event, 'row', async (eventId, data) => {
			const parsed = DelegationRefInputForParticipant(data);
			if (!parsed.success) return fail(400, { form: 'row', values: {}, errors: fieldErrors(parsed.error) });
			await markHeadOfDelegation(database().db, actorOf(event), eventId, parsed.data.participantId);
			redirect(303, `${base(event)}?done=head${keepPage(data)}`);
		}),

	move: (event) =>
		asOfficer(event, 'order', async (eventId, data) => {
			const parsed = PrecedenceMoveInput.safeParse(formFields(data, ['participantId', 'direction']));
			if (!parsed.success) return fail(400, { form: 'order', values: {}, errors: fieldErrors(parsed.error) });
			await moveParticipant(
				database().db,
				actorOf(event),
				eventId,
				parsed.data.participantId,
				parsed.data.direction
			);
			redirect(303, `${base(event)}?done=moved${keepPage(data)}#p-${parsed.data.participantId}`);
		}),

	resetOrder: (event) =>
		asOfficer(event, 'order', async (eventId) => {
			await resetPrecedence(database().db, actorOf(event), eventId);
			redirect(303, `${base(event)}?done=reset`);
		}),

	rsvp: (event) =>
		asOfficer(event, 'row', async (eventId, data) => {
			const parsed = RsvpInput.safeParse(formFields(data, ['participantId', 'rsvp']));
			if (!parsed.success) return fail(400, { form: 'row', values: {}, errors: fieldErrors(parsed.error) });
			await recordRsvp(database().db, actorOf(event), eventId, parsed.data.participantId, parsed.data.rsvp);
			redirect(303, `${base(event)}?done=rsvp${keepPage(data)}#p-${parsed.data.participantId}`);
		}),

	attendance: (event) =>
		asOfficer(event, 'row', async (eventId, data) => {
			const parsed = AttendanceInput.safeParse(formFields(data, ['participantId', 'attendance']));
			if (!parsed.success) return fail(400, { form: 'row', values: {}, errors: fieldErrors(parsed.error) });
			await markAttendance(
				database().db,
				actorOf(event),
				eventId,
				parsed.data.participantId,
				parsed.data.attendance
			);
			redirect(303, `${base(event)}?done=attendance${keepPage(data)}#p-${parsed.data.participantId}`);
		}),

	/** Asks first (their agenda roles go with them); removes only when the confirmation is posted. */
	remove: (event) =>
		asOfficer(event, 'remove', async (eventId, data) => {
			const parsed = RemoveInput.safeParse(formFields(data, ['participantId', 'confirmed']));
			if (!parsed.success)
				return fail(400, { form: 'remove', values: {}, errors: fieldErrors(parsed.error) });
			const db = database().db;
			if (!parsed.data.confirmed) {
				return {
					form: 'remove',
					confirmRemove: await describeRemoval(db, eventId, parsed.data.participantId)
				};
			}
			await removeParticipant(db, actorOf(event), eventId, parsed.data.participantId);
			redirect(303, `${base(event)}?done=removed`);
		})
};

function DelegationRefInputForParticipant(data: FormData) {
	return DelegationAssignInput.pick({ participantId: true }).safeParse(formFields(data, ['participantId']));
}

/** Row actions come back to the page of the list they were on (the rows' forms carry its cursor). */
function keepPage(data: FormData) {
	for (const name of ['after', 'before']) {
		const cursor = data.get(name);
		if (typeof cursor === 'string' && /^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return `&${name}=${cursor}`;
	}
	return '';
}

/** The CSV's text: an uploaded file wins over the text area. */
async function csvFrom(data: FormData): Promise<string> {
	const file = data.get('file');
	// Too large a file is refused by the schema's length check (and the server's body size limit).
	if (file instanceof File && file.size > 0) return file.text();
	const text = data.get('csv');
	return typeof text === 'string' ? text : '';
}
