/**
 * Partners' invitations come in: an iCalendar REQUEST (uploaded, pasted, or found in the office's
 * mailbox by the inbox worker) becomes a draft event with its people, and a later update (higher
 * SEQUENCE) or CANCEL of the same UID changes or cancels that event instead of making another.
 *
 * - The partner's UID is kept in `event.import_uid` (with `import_occurrence`, the RECURRENCE-ID of one
 *   occurrence, '' when the event does not recur), unique together; the event's own `ical_uid` stays
 *   Protokol's, so invitations the office sends for it remain the office's own calendar objects.
 * - A recurring invitation becomes a series with one event per occurrence, from 30 days back to a year
 *   ahead, at most 100 (invitation.parse.ts). An update matches occurrences by RECURRENCE-ID: those
 *   still there are changed, new ones added, those gone from the window cancelled.
 * - People are matched by e-mail address, case-folded; those not in the directory are added. The
 *   office's own address (ORGANIZER_EMAIL) is the office, not a person.
 * - Changing or cancelling an event the office itself has invited people to sends them the update
 *   (queueEventUpdates), as an officer's edit would.
 *
 * Everything is written in one transaction with an audit entry per event; a preview writes nothing.
 */
import { seriesNamed } from '../events/event.service';
import type { Kysely } from 'kysely';
import { formatOffset, formatRange, formatShortDateTime } from '../../format/datetime';
import { formatPersonName } from '../../format/names';
import { formatByteSize } from '../../format/sizes';
import { m } from '../../paraglide/messages.js';
import type { ParticipantRole, RsvpStatus } from '../../vocabulary';
import { recordAction, type Actor } from '../audit/audit';
import { authorize } from '../auth/authorize';
import type { Database, EventUpdate } from '../db/schema';
import { Conflict, NotFound, RuleViolation } from '../errors';
import { insertEventRow, insertParticipantRow, updateEventRow } from '../events/event.repository';
import { queueEventUpdates } from '../invitations/invitation.service';
import { organizerOf } from '../mail/mail.transport';
import { insertPerson } from '../people/person.repository';
import {
	decideInvitation,
	findVenueNamed,
	findWaitingInvitation,
	listImportedEvents,
	listParticipantPersonIds,
	listPeopleByAddresses,
	type ImportedEventRow
} from './invitation-import.repository';
import type { ImportAction, InvitationPreviewView, PersonMatchView } from './invitation-import.view';
import {
	InvalidInvitation,
	MAX_INVITATION_BYTES,
	parseInvitation,
	type Invitation,
	type InvitationPerson
} from './invitation.parse';

/** The form field an invitation's problems are shown beside. */
export const SOURCE_FIELD = 'source';

const officeZone = () => process.env.OFFICE_TIME_ZONE?.trim() || 'Asia/Baku';

/** Reads the calendar or refuses it, the reason beside the field. */
function read(source: string, now: Date): Invitation {
	try {
		return parseInvitation(source, { now, fallbackZone: officeZone() });
	} catch (error) {
		if (error instanceof InvalidInvitation)
			throw new RuleViolation(error.message, { [SOURCE_FIELD]: error.message });
		throw error;
	}
}

interface Plan {
	action: ImportAction;
	what: string;
	existing: ImportedEventRow[];
	venue: { id: number; name: string } | null;
	people: { invited: InvitationPerson; role: ParticipantRole; person: { id: number; name: string } | null }[];
}

const ANSWERS: Record<string, RsvpStatus> = {
	ACCEPTED: 'accepted',
	TENTATIVE: 'tentative',
	DECLINED: 'declined'
};

function roleOf(person: InvitationPerson, organizer: boolean): ParticipantRole {
	if (organizer || person.role === 'CHAIR') return 'host';
	if (person.role === 'OPT-PARTICIPANT' || person.role === 'NON-PARTICIPANT') return 'observer';
	return 'guest';
}

/** The place's candidate venue names: the whole LOCATION, and each part of it between commas or semicolons. */
function placeNames(location: string | null): string[] {
	if (!location) return [];
	const parts = [location, ...location.split(/[,;]/)].map((p) => p.trim().toLowerCase()).filter(Boolean);
	return [...new Set(parts)].slice(0, 20);
}

/** Looks up what the invitation names and decides what importing it would do. Writes nothing. */
async function plan(db: Kysely<Database>, invitation: Invitation): Promise<Plan> {
	const office = organizerOf().email.toLowerCase();
	const invited = [
		...(invitation.organizer ? [{ person: invitation.organizer, organizer: true }] : []),
		...invitation.attendees.map((person) => ({ person, organizer: false }))
	].filter(
		({ person }, i, all) =>
			person.address !== office && all.findIndex((o) => o.person.address === person.address) === i
	);
	const [existing, people, venue] = await Promise.all([
		listImportedEvents(db, invitation.uid),
		listPeopleByAddresses(
			db,
			invited.map((i) => i.person.address)
		),
		findVenueNamed(db, placeNames(invitation.location))
	]);
	const byAddress = new Map<string, { id: number; name: string }>();
	for (const p of people)
		if (!byAddress.has(p.address)) byAddress.set(p.address, { id: p.id, name: formatPersonName(p) });
	const matched = invited.map(({ person, organizer }) => ({
		invited: person,
		role: roleOf(person, organizer),
		person: byAddress.get(person.address) ?? null
	}));
	return {
		...decideAction(invitation, existing),
		existing,
		venue: venue ? { id: venue.id, name: venue.name } : null,
		people: matched
	};
}

function decideAction(
	invitation: Invitation,
	existing: ImportedEventRow[]
): { action: ImportAction; what: string } {
	const occurrences = invitation.recurrence?.occurrences.length ?? 1;
	if (existing.length === 0) {
		if (invitation.cancelled) {
			return {
				action: 'none',
				what: m.inbox_plan_cancels_unknown()
			};
		}
		if (invitation.onlyOccurrence) {
			return {
				action: 'none',
				what: m.inbox_plan_occurrence_unknown()
			};
		}
		return {
			action: 'create',
			what: occurrences > 1 ? m.inbox_plan_creates_series({ count: occurrences }) : m.inbox_plan_creates()
		};
	}
	const imported = Math.max(...existing.map((e) => e.import_sequence ?? 0));
	if (invitation.sequence < imported) {
		return {
			action: 'none',
			what: m.inbox_plan_older({ sequence: invitation.sequence, imported })
		};
	}
	if (invitation.cancelled) {
		const targets = invitation.onlyOccurrence
			? existing.filter((e) => e.import_occurrence === invitation.onlyOccurrence)
			: existing;
		if (targets.every((e) => e.status === 'cancelled')) {
			return { action: 'none', what: m.inbox_plan_cancelled_already() };
		}
		return {
			action: 'cancel',
			what: invitation.onlyOccurrence ? m.inbox_plan_cancels_occurrence() : m.inbox_plan_cancels_event()
		};
	}
	if (invitation.sequence === imported) {
		return { action: 'none', what: m.inbox_plan_same_version() };
	}
	return {
		action: 'update',
		what: invitation.onlyOccurrence
			? m.inbox_plan_updates_occurrence()
			: existing.length > 1 || occurrences > 1
				? m.inbox_plan_updates_series()
				: m.inbox_plan_updates_event()
	};
}

const ACTION_LABELS: Record<ImportAction, (() => string) | null> = {
	create: m.inbox_action_create,
	update: m.inbox_action_update,
	cancel: m.inbox_action_cancel,
	none: null
};

function personView(entry: Plan['people'][number]): PersonMatchView {
	return {
		address: entry.invited.address,
		name: entry.invited.name ?? entry.invited.address,
		person: entry.person,
		role: entry.role
	};
}

function toPreview(invitation: Invitation, p: Plan): InvitationPreviewView {
	const organizer = p.people.find(
		(e) => invitation.organizer && e.invited.address === invitation.organizer.address
	);
	return {
		action: p.action,
		actionLabel: ACTION_LABELS[p.action]?.() ?? null,
		what: p.what,
		method: invitation.method,
		uid: invitation.uid,
		sequence: invitation.sequence,
		title: invitation.title,
		description: invitation.description,
		timeZone: invitation.timeZone,
		zoneGiven: invitation.zoneGiven,
		startAt: invitation.startAt,
		endAt: invitation.endAt,
		range: formatRange(invitation.startAt, invitation.endAt, invitation.timeZone),
		offset: formatOffset(invitation.startAt, invitation.timeZone),
		allDay: invitation.allDay,
		venue: p.venue,
		placeText: p.venue ? null : invitation.location,
		onlineUrl: invitation.onlineUrl,
		organizer: organizer ? personView(organizer) : null,
		attendees: p.people.filter((e) => e !== organizer).map(personView),
		recurrence: invitation.recurrence
			? {
					rule: invitation.recurrence.rule,
					occurrences: invitation.recurrence.occurrences.map(({ startAt, endAt, title, cancelled }) => ({
						startAt,
						endAt,
						range: formatRange(startAt, endAt, invitation.timeZone),
						title,
						cancelled
					})),
					truncated: invitation.recurrence.truncated,
					windowEnd: invitation.recurrence.windowEnd
				}
			: null,
		existing: p.existing.slice(0, 5).map((e) => ({
			id: e.id,
			title: e.title,
			startAt: e.start_at,
			timeZone: e.time_zone,
			range: formatRange(e.start_at, e.start_at, e.time_zone),
			status: e.status
		}))
	};
}

/** What importing the calendar `source` would do, for officers. Writes nothing. */
export async function previewInvitation(
	db: Kysely<Database>,
	actor: Actor,
	source: string,
	now = new Date()
): Promise<InvitationPreviewView> {
	authorize(actor, 'officer');
	const invitation = read(source, now);
	return toPreview(invitation, await plan(db, invitation));
}

/** The import form, for officers: how large a calendar it takes. */
export function getInvitationImportForm(actor: Actor): { maxSize: string } {
	authorize(actor, 'officer');
	return { maxSize: formatByteSize(MAX_INVITATION_BYTES) };
}

export interface ImportResult {
	action: Exclude<ImportAction, 'none'>;
	/** The first event created, changed or cancelled. */
	eventId: number;
	events: number;
}

/**
 * Imports the calendar `source`: creates the draft event (or series), or updates or cancels the one
 * imported before from its UID. Refused, writing nothing, when there is nothing to do. One transaction.
 */
export async function importInvitation(
	db: Kysely<Database>,
	actor: Actor,
	source: string,
	now = new Date()
): Promise<ImportResult> {
	authorize(actor, 'officer');
	const invitation = read(source, now);
	try {
		return await db.transaction().execute((tx) => importInTransaction(tx, actor, invitation, now));
	} catch (error) {
		// Two officers importing the same invitation at once: the second meets event_import_key.
		const code = (error as { code?: unknown }).code;
		if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE') {
			throw new Conflict(m.inbox_error_imported_meanwhile());
		}
		throw error;
	}
}

async function importInTransaction(
	tx: Kysely<Database>,
	actor: Actor,
	invitation: Invitation,
	now: Date
): Promise<ImportResult> {
	const p = await plan(tx, invitation);
	if (p.action === 'none') throw new RuleViolation(p.what);
	const at = now.toISOString();
	const people = await ensurePeople(tx, actor, p, at);
	if (p.action === 'create') {
		// A recurring invitation becomes a series: one of that name, or a new one.
		const seriesId = invitation.recurrence ? await seriesNamed(tx, actor, invitation.title, at) : null;
		const ids = await createEvents(
			tx,
			actor,
			{ invitation, p, people, at },
			occurrencesOf(invitation),
			seriesId
		);
		return { action: 'create', eventId: ids[0]!, events: ids.length };
	}
	if (p.action === 'cancel') {
		const targets = invitation.onlyOccurrence
			? p.existing.filter((e) => e.import_occurrence === invitation.onlyOccurrence)
			: p.existing;
		const live = targets.filter((e) => e.status !== 'cancelled');
		for (const event of live) await cancelImported(tx, actor, event, invitation, now);
		return { action: 'cancel', eventId: live[0]!.id, events: live.length };
	}
	const ids = await updateEvents(tx, actor, invitation, p, people, now);
	return { action: 'update', eventId: ids[0]!, events: ids.length };
}

/** The directory's people for every address, adding those it lacks (audited as created by import). */
async function ensurePeople(
	tx: Kysely<Database>,
	actor: Actor,
	p: Plan,
	at: string
): Promise<{ personId: number; role: ParticipantRole; partstat: string | null; organizer: boolean }[]> {
	const result = [];
	for (const entry of p.people) {
		let personId = entry.person?.id;
		if (personId === undefined) {
			const { given, family } = splitName(entry.invited.name, entry.invited.address);
			const person = await insertPerson(tx, {
				given_name: given,
				family_name: family,
				email: entry.invited.address,
				created_at: at,
				updated_at: at
			});
			personId = person.id;
			await recordAction(tx, actor, {
				action: 'person.create',
				entityType: 'person',
				entityId: person.id,
				after: {
					given_name: given,
					family_name: family,
					email: entry.invited.address,
					via: 'invitation import'
				}
			});
		}
		result.push({
			personId,
			role: entry.role,
			partstat: entry.invited.partstat,
			organizer: entry.role === 'host'
		});
	}
	return result;
}

/** "Anna Keller" → Anna / Keller; "Keller, Anna" → Anna / Keller; none → the address's local part. */
function splitName(name: string | null, address: string): { given: string; family: string } {
	const text = (name ?? '').replace(/^"|"$/g, '').trim();
	if (text.includes(',')) {
		const [family, given] = text.split(',', 2).map((s) => s.trim());
		if (family && given) return { given, family };
	}
	const words = text.split(/\s+/).filter(Boolean);
	if (words.length >= 2) return { given: words.slice(0, -1).join(' '), family: words.at(-1)! };
	const local = address.split('@')[0]!;
	return { given: words[0] ?? local, family: words[0] ? '' : (address.split('@')[1] ?? '') };
}

function descriptionOf(invitation: Invitation, p: Plan): string | null {
	const place =
		!p.venue && invitation.location ? `Place, as the invitation gives it: ${invitation.location}` : null;
	const text = [place, invitation.description].filter(Boolean).join('\n\n');
	return text ? text.slice(0, 5000) : null;
}

type Occurrence = { occurrence: string; startAt: string; endAt: string; title: string; cancelled: boolean };

function occurrencesOf(invitation: Invitation): Occurrence[] {
	return (
		invitation.recurrence?.occurrences ?? [
			{
				occurrence: '',
				startAt: invitation.startAt,
				endAt: invitation.endAt,
				title: invitation.title,
				cancelled: false
			}
		]
	);
}

async function addParticipants(
	tx: Kysely<Database>,
	eventId: number,
	people: Awaited<ReturnType<typeof ensurePeople>>,
	at: string
): Promise<number> {
	const present = await listParticipantPersonIds(
		tx,
		eventId,
		people.map((p) => p.personId)
	);
	let added = 0;
	for (const person of people) {
		if (present.has(person.personId)) continue;
		present.add(person.personId);
		await insertParticipantRow(tx, {
			event_id: eventId,
			person_id: person.personId,
			role: person.role,
			rsvp_status: person.organizer ? 'accepted' : (ANSWERS[person.partstat ?? ''] ?? 'invited'),
			created_at: at,
			updated_at: at
		});
		added++;
	}
	return added;
}

async function createEvents(
	tx: Kysely<Database>,
	actor: Actor,
	{
		invitation,
		p,
		people,
		at
	}: { invitation: Invitation; p: Plan; people: Awaited<ReturnType<typeof ensurePeople>>; at: string },
	occurrences: Occurrence[],
	seriesId: number | null
): Promise<number[]> {
	const ids: number[] = [];
	for (const occurrence of occurrences) {
		const event = await insertEventRow(tx, {
			kind: 'other',
			title: occurrence.title,
			description: descriptionOf(invitation, p),
			start_at: occurrence.startAt,
			end_at: occurrence.endAt,
			// A DATE start: whole days, from midnight in the zone to midnight after the last (as parsed).
			all_day: invitation.allDay ? 1 : 0,
			time_zone: invitation.timeZone,
			venue_id: p.venue?.id ?? null,
			online_url: invitation.onlineUrl,
			status: occurrence.cancelled ? 'cancelled' : 'draft',
			series_id: seriesId,
			ical_uid: `${crypto.randomUUID()}@protokol`,
			import_uid: invitation.uid,
			import_occurrence: occurrence.occurrence,
			import_sequence: invitation.sequence,
			import_organizer: invitation.organizer?.address ?? null,
			created_at: at,
			updated_at: at
		});
		const participants = await addParticipants(tx, event.id, people, at);
		await recordAction(tx, actor, {
			action: 'event.import',
			entityType: 'event',
			entityId: event.id,
			eventId: event.id,
			after: {
				title: event.title,
				start_at: event.start_at,
				end_at: event.end_at,
				time_zone: event.time_zone,
				venue_id: event.venue_id,
				status: event.status,
				series_id: seriesId,
				import_uid: invitation.uid,
				import_occurrence: occurrence.occurrence || null,
				import_sequence: invitation.sequence,
				organizer: invitation.organizer?.address ?? null,
				participants
			}
		});
		ids.push(event.id);
	}
	return ids;
}

/** What attendees of the office's own invitations must see changed (as reviseEvent's SEQUENCED). */
const SEEN = [
	'title',
	'start_at',
	'end_at',
	'all_day',
	'time_zone',
	'venue_id',
	'online_url',
	'status'
] as const;

async function writeImported(
	tx: Kysely<Database>,
	actor: Actor,
	event: ImportedEventRow,
	changes: Pick<EventUpdate, (typeof SEEN)[number] | 'description' | 'status_reason'>,
	invitation: Invitation,
	now: Date,
	action: string
) {
	const before = event as unknown as Record<string, unknown>;
	const changed = Object.keys(changes).filter((key) =>
		key === 'start_at' || key === 'end_at'
			? Date.parse(String(changes[key as 'start_at'])) !== Date.parse(String(before[key]))
			: changes[key as keyof typeof changes] !== before[key]
	);
	const mustSee = changed.some((key) => (SEEN as readonly string[]).includes(key));
	const written = await updateEventRow(
		tx,
		event.id,
		event.version,
		{ ...changes, import_sequence: invitation.sequence, updated_at: now.toISOString() },
		{ raiseSequence: mustSee }
	);
	if (!written) throw new Conflict(m.inbox_error_event_changed());
	const updatesQueued = mustSee ? await queueEventUpdates(tx, actor, event.id, now) : 0;
	await recordAction(tx, actor, {
		action,
		entityType: 'event',
		entityId: event.id,
		eventId: event.id,
		before: Object.fromEntries(changed.map((key) => [key, before[key]])),
		after: {
			...Object.fromEntries(changed.map((key) => [key, changes[key as keyof typeof changes]])),
			import_sequence: invitation.sequence,
			...(updatesQueued > 0 ? { calendar_updates_queued: updatesQueued } : {})
		}
	});
}

function cancelImported(
	tx: Kysely<Database>,
	actor: Actor,
	event: ImportedEventRow,
	invitation: Invitation,
	now: Date
) {
	const by = invitation.organizer?.name ?? invitation.organizer?.address ?? 'the organizer';
	return writeImported(
		tx,
		actor,
		event,
		{ status: 'cancelled', status_reason: `Cancelled by ${by} (their invitation).` },
		invitation,
		now,
		'event.import_cancel'
	);
}

async function updateEvents(
	tx: Kysely<Database>,
	actor: Actor,
	invitation: Invitation,
	p: Plan,
	people: Awaited<ReturnType<typeof ensurePeople>>,
	now: Date
): Promise<number[]> {
	const at = now.toISOString();
	const byOccurrence = new Map(p.existing.map((e) => [e.import_occurrence ?? '', e]));
	const incoming = invitation.onlyOccurrence
		? [
				{
					occurrence: invitation.onlyOccurrence,
					startAt: invitation.startAt,
					endAt: invitation.endAt,
					title: invitation.title,
					cancelled: false
				}
			]
		: occurrencesOf(invitation);
	const ids: number[] = [];
	for (const occurrence of incoming) {
		const event = byOccurrence.get(occurrence.occurrence);
		if (!event) {
			if (invitation.onlyOccurrence) continue;
			// An occurrence the new version adds joins the series.
			const seriesId = p.existing.find((e) => e.series_id !== null)?.series_id ?? null;
			const [created] = await createEvents(tx, actor, { invitation, p, people, at }, [occurrence], seriesId);
			ids.push(created!);
			continue;
		}
		byOccurrence.delete(occurrence.occurrence);
		await writeImported(
			tx,
			actor,
			event,
			{
				title: occurrence.title,
				start_at: occurrence.startAt,
				end_at: occurrence.endAt,
				all_day: invitation.allDay ? 1 : 0,
				time_zone: invitation.timeZone,
				venue_id: p.venue?.id ?? event.venue_id,
				online_url: invitation.onlineUrl ?? event.online_url,
				description: descriptionOf(invitation, p),
				...(occurrence.cancelled ? { status: 'cancelled' } : {})
			},
			invitation,
			now,
			'event.import_update'
		);
		await addParticipants(tx, event.id, people, at);
		ids.push(event.id);
	}
	if (!invitation.onlyOccurrence && invitation.recurrence) {
		// Occurrences of the window the new version no longer has: cancelled, not deleted (kept for the record).
		const windowStart = Date.parse(invitation.recurrence.windowStart);
		const windowEnd = Date.parse(invitation.recurrence.windowEnd);
		for (const gone of byOccurrence.values()) {
			const at = Date.parse(gone.import_occurrence || gone.start_at);
			if (gone.status !== 'cancelled' && at >= windowStart && at <= windowEnd) {
				await cancelImported(tx, actor, gone, invitation, now);
			}
		}
	}
	return ids;
}

export interface InboxInvitationView {
	id: number;
	receivedAt: string;
	/** When it came, in UTC ("17 Dec 2021 10:00"). */
	received: string;
	from: string | null;
	subject: string | null;
	decision: 'accepted' | 'declined' | null;
	eventId: number | null;
	/** What importing it would do; null when its calendar cannot be imported (`problem` says why). */
	preview: InvitationPreviewView | null;
	problem: string | null;
}

async function waitingInvitationOrFail(db: Kysely<Database>, messageId: number) {
	const message = await findWaitingInvitation(db, messageId);
	if (!message) throw new NotFound(m.inbox_invitation_not_found());
	return message;
}

/** An invitation found in the mailbox, with the preview of importing it, for officers; null: none such. */
export async function findInboxInvitation(
	db: Kysely<Database>,
	actor: Actor,
	messageId: number,
	now = new Date()
): Promise<InboxInvitationView | null> {
	authorize(actor, 'officer');
	const message = await findWaitingInvitation(db, messageId);
	if (!message) return null;
	let preview: InvitationPreviewView | null = null;
	let problem: string | null = null;
	try {
		preview = await previewInvitation(db, actor, message.ics ?? '', now);
	} catch (error) {
		if (!(error instanceof RuleViolation)) throw error;
		problem = error.message;
	}
	return {
		id: message.id,
		receivedAt: message.received_at,
		received: formatShortDateTime(message.received_at, 'UTC'),
		from: message.from_address,
		subject: message.subject,
		decision: message.decision,
		eventId: message.event_id,
		preview,
		problem
	};
}

/**
 * Imports an invitation found in the mailbox, once: the import and the message's mark as imported are
 * one transaction, so a second officer (or a second click) finds it handled and changes nothing.
 */
export async function importInboxInvitation(
	db: Kysely<Database>,
	actor: Actor,
	messageId: number,
	now = new Date()
): Promise<ImportResult> {
	authorize(actor, 'officer');
	return db.transaction().execute(async (tx) => {
		const message = await waitingInvitationOrFail(tx, messageId);
		if (message.decision) throw new RuleViolation(m.inbox_error_handled());
		const result = await importInTransaction(tx, actor, read(message.ics ?? '', now), now);
		const at = now.toISOString();
		const decided = await decideInvitation(tx, messageId, {
			decision: 'accepted',
			eventId: result.eventId,
			userId: actor.userId,
			at
		});
		if (!decided) throw new Conflict(m.inbox_error_handled_meanwhile());
		return result;
	});
}

/** Sets an invitation from the mailbox aside without importing it. Audited. */
export async function dismissInboxInvitation(
	db: Kysely<Database>,
	actor: Actor,
	messageId: number,
	now = new Date()
): Promise<void> {
	authorize(actor, 'officer');
	await db.transaction().execute(async (tx) => {
		const message = await waitingInvitationOrFail(tx, messageId);
		const at = now.toISOString();
		if (
			!(await decideInvitation(tx, messageId, {
				decision: 'declined',
				eventId: message.event_id,
				userId: actor.userId,
				at
			}))
		) {
			throw new RuleViolation(m.inbox_error_handled());
		}
		await recordAction(tx, actor, {
			action: 'inbox.invitation_dismissed',
			entityType: 'inbox_message',
			entityId: messageId,
			after: { from: message.from_address, subject: message.subject }
		});
	});
}
