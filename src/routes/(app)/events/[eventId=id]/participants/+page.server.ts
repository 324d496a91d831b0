import { error, fail, redirect, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { actorOf } from '$lib/server/auth/actor';
import { resolveChosen } from '$lib/server/choosers/chooser.service';
import { database } from '$lib/server/db';
import {
	attempt,
	formFailure,
	invalidInput,
	unresolvedChoices,
	withChoosers,
	type FormContext,
	type FormFailure
} from '$lib/server/http/form-failure';
import { pageRequest } from '$lib/server/pagination';
import {
	assignDelegation,
	createDelegation,
	markHeadOfDelegation,
	moveParticipant,
	removeDelegation,
	renameDelegation,
	resetPrecedence
} from '$lib/server/participants/delegation.service';
import {
	importParticipants,
	previewParticipantImport
} from '$lib/server/participants/participant-import.service';
import {
	createPersonAndInvite,
	describeRemoval,
	inviteOrganization,
	inviteParticipant,
	removeParticipant,
	type InviteResult
} from '$lib/server/participants/participant-invite.service';
import { findParticipantsPage } from '$lib/server/participants/participant-read.service';
import { markAttendance, recordRsvp } from '$lib/server/participants/participant-rsvp.service';
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
import { PERSON_FIELDS, PersonCreateInput, readSomeoneElse } from '$lib/server/people/person.input';
import { PERSON_CHOOSERS } from '$lib/server/people/person.service';
import type { PersonMatchView } from '$lib/server/people/person.view';
import type {
	ClashWarning,
	ImportPreviewView,
	ParticipantListItem,
	ParticipantsPageView
} from '$lib/server/participants/participant.view';
import { formatShortDateTime } from '$lib/format/datetime';
import { fieldErrors, formFields } from '$lib/server/validation';
import type { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { pageWords } from './words.server';
import { answerPanels } from './answers';
import { laterPanels } from './later';
import { listWords } from '$lib/server/i18n/list.words';
import { personFieldWords } from '$lib/server/people/person-fields.words';

const PAGE_SIZE = 100;

export const load: PageServerLoad = async ({ params, url }) => {
	const view = await findParticipantsPage(database().db, Number(params.eventId), {
		page: pageRequest(url, PAGE_SIZE, ['id']),
		search: url.searchParams.get('q') ?? ''
	});
	if (!view) error(404, m.participants_error_no_such_event());
	// So that the server draws a form's answer with its panel (on-demand.svelte.ts), and the forms started
	// on first use (later.ts) in full; at once after the first.
	await Promise.all([answerPanels.load(), laterPanels.load()]);
	const after = url.searchParams.get('after');
	const before = url.searchParams.get('before');
	return {
		view: withTimes(view),
		// The people found, as the invitation's list names them: [id, label].
		people: view.found.map((p) => {
			const person = `${p.name}${p.organization ? `, ${p.organization.acronym ?? p.organization.name}` : ''}`;
			return [p.id, p.invited ? m.participants_found_invited({ person }) : person] as const;
		}),
		sides: view.delegations.map((d) => [d.id, d.name] as const),
		// The search stays in the action's address, so that a refused invitation comes back with its list.
		inviteAction: view.search ? `?/invite&q=${encodeURIComponent(view.search)}` : '?/invite',
		// The cursor of the page shown, carried by row forms so that they come back to it.
		cursor: after ? { name: 'after', value: after } : before ? { name: 'before', value: before } : null,
		notice: noticeOf(url),
		words: { ...listWords(), ...pageWords(), ...personFieldWords() }
	};
};

/**
 * The list with when each participant was invited and answered written out in the event's zone, so
 * that the page does no date formatting (and loads none).
 */
function withTimes(view: ParticipantsPageView) {
	const zone = view.event.timeZone;
	const at = (instant: string | null) => (instant ? formatShortDateTime(instant, zone) : null);
	const written = (p: ParticipantListItem) => ({
		...p,
		invitedWhen: at(p.invitedAt),
		respondedWhen: at(p.respondedAt)
	});
	return {
		...view,
		participants: { ...view.participants, items: view.participants.items.map(written) },
		unanswered: view.unanswered.map(written)
	};
}

/** What a write that counts nothing said after its redirect (`?done=moved`), by its name. */
const PLAIN_NOTICES: Record<string, () => string> = {
	created: m.participants_notice_created,
	delegation: m.participants_notice_side_created,
	renamed: m.participants_notice_side_renamed,
	sideRemoved: m.participants_notice_side_removed,
	assigned: m.participants_notice_side_changed,
	head: m.participants_notice_head,
	moved: m.participants_notice_moved,
	reset: m.participants_notice_reset,
	rsvp: m.participants_notice_rsvp,
	attendance: m.participants_notice_attendance,
	removed: m.participants_notice_removed
};

/** What the write before the redirect did, said in the page's language (`?done=invited&invited=3`). */
function noticeOf(url: URL): string | null {
	const n = (name: string) => {
		const value = Number(url.searchParams.get(name));
		return Number.isSafeInteger(value) && value >= 0 ? value : 0;
	};
	const [invited, skipped, created, linked] = [n('invited'), n('skipped'), n('created'), n('linked')];
	const done = url.searchParams.get('done') ?? '';
	if (done === 'invited') {
		if (invited === 0 && skipped > 0) return m.participants_notice_nobody_new({ skipped });
		return skipped > 0
			? m.participants_notice_invited_skipped({ invited, skipped })
			: m.participants_notice_invited({ invited });
	}
	if (done === 'imported') {
		const counts = { created, linked, skipped };
		if (skipped > 0)
			return created === 1
				? m.participants_notice_imported_skipped_one(counts)
				: m.participants_notice_imported_skipped_other(counts);
		return created === 1
			? m.participants_notice_imported_one(counts)
			: m.participants_notice_imported_other(counts);
	}
	return Object.hasOwn(PLAIN_NOTICES, done) ? PLAIN_NOTICES[done]!() : null;
}

type Form =
	'invite' | 'newPerson' | 'organization' | 'import' | 'delegation' | 'rename' | 'row' | 'remove' | 'order';

type Values = Record<string, string | undefined>;
type Context = FormContext<Values, Form>;

/**
 * The one failure shape, with the clashes to confirm (invitations), the preview to fix (CSV import) or
 * the people someone new may be already (adding and inviting them).
 */
type ParticipantsFailure = FormFailure<Values, Form> & {
	clashes?: ClashWarning[];
	preview?: ImportPreviewView;
	matches?: PersonMatchView[];
};

/**
 * The beats every write shares: the event's id, one service (it checks the role), and the domain's
 * refusals turned into the answer shown beside the form they came from.
 */
function onEvent<T>(
	event: RequestEvent,
	context: Context,
	write: (eventId: number) => Promise<T>
): Promise<T | ActionFailure<ParticipantsFailure>> {
	return attempt(context, () => write(Number(event.params.eventId)));
}

function base(event: RequestEvent) {
	return `/events/${event.params.eventId}/participants`;
}

function clashOrDone(event: RequestEvent, context: Context, result: InviteResult) {
	if (result.status === 'clash') return fail(409, { ...formFailure(context), clashes: result.clashes });
	redirect(303, `${base(event)}?done=invited&invited=${result.invited}&skipped=${result.skipped}`);
}

/** The fields the list's small forms post: their own, and the list page they were on. */
const ParticipantRowInput = DelegationAssignInput.pick({ participantId: true });

const SMALL_FORM_FIELDS = [
	'participantId',
	'delegationId',
	'name',
	'direction',
	'rsvp',
	'attendance',
	'confirmed'
];

/**
 * A small form (a row of the list, a side, the order): read, checked by its schema, written, and back to
 * the list with what `write` says (`done=…`); refused above the list.
 */
function smallForm<T>(
	form: Form,
	schema: z.ZodType<T, unknown>,
	write: (event: RequestEvent, eventId: number, input: T, fields: Values) => Promise<string>
) {
	return async (event: RequestEvent) => {
		const fields = formFields(await event.request.formData(), [...SMALL_FORM_FIELDS, 'after', 'before']);
		const context: Context = { form, values: fields };
		const parsed = schema.safeParse(fields);
		if (!parsed.success) return invalidInput(parsed.error, context);
		return onEvent(event, context, async (eventId) => {
			redirect(303, `${base(event)}?${await write(event, eventId, parsed.data, fields)}`);
		});
	};
}

export const actions: Actions = {
	invite: async (event): Promise<ActionFailure<ParticipantsFailure>> => {
		const data = await event.request.formData();
		const fields = formFields(data, INVITE_FIELDS);
		const search = data.get('q');
		const context: Context = {
			form: 'invite',
			values: { ...fields, q: typeof search === 'string' ? search : '' }
		};
		const parsed = ParticipantInviteInput.safeParse(fields);
		if (!parsed.success) return invalidInput(parsed.error, context);
		return onEvent(event, context, async (eventId) =>
			clashOrDone(
				event,
				context,
				await inviteParticipant(database().db, actorOf(event), eventId, parsed.data)
			)
		);
	},

	createAndInvite: async (event): Promise<ActionFailure<ParticipantsFailure>> => {
		const data = await event.request.formData();
		const chosen = await resolveChosen(database().db, data, PERSON_CHOOSERS);
		const fields = formFields(data, [...PERSON_FIELDS, ...NEW_PERSON_INVITE_FIELDS]);
		const context: Context = { form: 'newPerson', values: fields };
		const unresolved = unresolvedChoices(chosen, context);
		if (unresolved) return unresolved;
		const person = PersonCreateInput.safeParse(fields);
		const placement = NewPersonInviteInput.safeParse(fields);
		if (!person.success || !placement.success) {
			// Every field's message at once, the person's and the invitation's alike.
			const errors = {
				...(person.success ? {} : fieldErrors(person.error)),
				...(placement.success ? {} : fieldErrors(placement.error))
			};
			return fail(400, { ...formFailure(context, errors), choosers: chosen.choosers });
		}
		const answer = await onEvent(event, context, async (eventId) => {
			const made = await createPersonAndInvite(database().db, actorOf(event), eventId, person.data, {
				role: placement.data.newRole,
				delegationId: placement.data.newDelegationId,
				someoneElse: readSomeoneElse(data)
			});
			if (made.status === 'likely-duplicates') {
				return fail(409, { ...formFailure(context), matches: made.matches });
			}
			redirect(303, `${base(event)}?done=created&invited=1&person=${made.personId}`);
		});
		return withChoosers(answer, chosen);
	},

	inviteOrganization: async (event): Promise<ActionFailure<ParticipantsFailure>> => {
		const data = await event.request.formData();
		const chosen = await resolveChosen(database().db, data, {
			bulkOrganizationId: { kind: 'organization' }
		});
		const fields = formFields(data, ORGANIZATION_INVITE_FIELDS);
		const context: Context = { form: 'organization', values: fields };
		const unresolved = unresolvedChoices(chosen, context);
		if (unresolved) return unresolved;
		const parsed = OrganizationInviteInput.safeParse(fields);
		if (!parsed.success) return withChoosers(invalidInput(parsed.error, context), chosen);
		const answer = await onEvent(event, context, async (eventId) => {
			const result = await inviteOrganization(database().db, actorOf(event), eventId, {
				organizationId: parsed.data.bulkOrganizationId,
				includeSubOrganizations: parsed.data.includeSubOrganizations,
				role: parsed.data.bulkRole,
				delegationId: parsed.data.bulkDelegationId,
				clashOverride: parsed.data.clashOverride
			});
			return clashOrDone(event, context, result);
		});
		return withChoosers(answer, chosen);
	},

	previewImport: async (event) => {
		const csv = await csvFrom(await event.request.formData());
		const context: Context = { form: 'import', values: { csv } };
		const parsed = ParticipantImportInput.safeParse({ csv });
		if (!parsed.success) return invalidInput(parsed.error, context);
		return onEvent(event, context, async (eventId) => {
			const preview = await previewParticipantImport(database().db, eventId, parsed.data.csv);
			return { importPreview: { csv: parsed.data.csv, preview } };
		});
	},

	/** The preview is made again from the text posted: nothing the browser says about it is trusted. */
	confirmImport: async (event): Promise<ActionFailure<ParticipantsFailure>> => {
		const csv = await csvFrom(await event.request.formData());
		const context: Context = { form: 'import', values: { csv } };
		const parsed = ParticipantImportInput.safeParse({ csv });
		if (!parsed.success) return invalidInput(parsed.error, context);
		return onEvent(event, context, async (eventId) => {
			const result = await importParticipants(database().db, actorOf(event), eventId, parsed.data.csv);
			if (!result.saved) return fail(400, { ...formFailure(context), preview: result.preview });
			redirect(
				303,
				`${base(event)}?done=imported&created=${result.created}&linked=${result.linked}&skipped=${result.skipped}`
			);
		});
	},

	createDelegation: async (event) => {
		const data = await event.request.formData();
		const chosen = await resolveChosen(database().db, data, {
			delegationOrganizationId: { kind: 'organization' }
		});
		const fields = formFields(data, ['delegationName', 'delegationOrganizationId']);
		const context: Context = { form: 'delegation', values: fields };
		const unresolved = unresolvedChoices(chosen, context);
		if (unresolved) return unresolved;
		const parsed = DelegationCreateInput.safeParse(fields);
		if (!parsed.success) return withChoosers(invalidInput(parsed.error, context), chosen);
		const answer = await onEvent(event, context, async (eventId) => {
			await createDelegation(database().db, actorOf(event), eventId, {
				name: parsed.data.delegationName,
				organizationId: parsed.data.delegationOrganizationId
			});
			redirect(303, `${base(event)}?done=delegation#delegations`);
		});
		return withChoosers(answer, chosen);
	},

	renameDelegation: smallForm('rename', DelegationRenameInput, async (event, eventId, input) => {
		await renameDelegation(database().db, actorOf(event), eventId, input.delegationId, input.name);
		return 'done=renamed#delegations';
	}),

	removeDelegation: smallForm('rename', DelegationRefInput, async (event, eventId, input) => {
		await removeDelegation(database().db, actorOf(event), eventId, input.delegationId);
		return 'done=sideRemoved#delegations';
	}),

	assignDelegation: smallForm('row', DelegationAssignInput, async (event, eventId, input, fields) => {
		await assignDelegation(database().db, actorOf(event), eventId, input.participantId, input.delegationId);
		return `done=assigned${keepPage(fields)}`;
	}),

	markHead: smallForm('row', ParticipantRowInput, async (event, eventId, input, fields) => {
		await markHeadOfDelegation(database().db, actorOf(event), eventId, input.participantId);
		return `done=head${keepPage(fields)}`;
	}),

	move: smallForm('order', PrecedenceMoveInput, async (event, eventId, input, fields) => {
		await moveParticipant(database().db, actorOf(event), eventId, input.participantId, input.direction);
		return `done=moved${keepPage(fields)}#p-${input.participantId}`;
	}),

	resetOrder: (event) =>
		onEvent(event, { form: 'order', values: {} }, async (eventId) => {
			await resetPrecedence(database().db, actorOf(event), eventId);
			redirect(303, `${base(event)}?done=reset`);
		}),

	rsvp: smallForm('row', RsvpInput, async (event, eventId, input, fields) => {
		await recordRsvp(database().db, actorOf(event), eventId, input.participantId, input.rsvp);
		return `done=rsvp${keepPage(fields)}#p-${input.participantId}`;
	}),

	attendance: smallForm('row', AttendanceInput, async (event, eventId, input, fields) => {
		await markAttendance(database().db, actorOf(event), eventId, input.participantId, input.attendance);
		return `done=attendance${keepPage(fields)}#p-${input.participantId}`;
	}),

	/** Asks first (their agenda roles go with them); removes only when the confirmation is posted. */
	remove: async (event) => {
		const fields = formFields(await event.request.formData(), ['participantId', 'confirmed']);
		const context: Context = { form: 'remove', values: fields };
		const parsed = RemoveInput.safeParse(fields);
		if (!parsed.success) return invalidInput(parsed.error, context);
		return onEvent(event, context, async (eventId) => {
			const db = database().db;
			if (!parsed.data.confirmed) {
				return { confirmRemove: await describeRemoval(db, eventId, parsed.data.participantId) };
			}
			await removeParticipant(db, actorOf(event), eventId, parsed.data.participantId);
			redirect(303, `${base(event)}?done=removed`);
		});
	}
};

/** Row actions come back to the page of the list they were on (the rows' forms carry its cursor). */
function keepPage(fields: Values) {
	for (const name of ['after', 'before']) {
		const cursor = fields[name];
		if (cursor && /^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return `&${name}=${cursor}`;
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
