/**
 * Planning events: scheduling, editing, moving, postponing, cancelling, duplicating and deleting, each in
 * one transaction with its audit entry. What the pages show is read in event-read.service.ts.
 */
import { DateTime } from 'luxon';
import type { Kysely, Selectable } from 'kysely';
import { instantToZoned, zonedToInstant } from '../../format/datetime';
import type { EventStatus } from '../../vocabulary';
import { retimeAgenda } from '../agenda/agenda.service';
import { queueDeletionCancellations, queueEventUpdates } from '../invitations/invitation.service';
import { recordAction, type Actor } from '../audit/audit';
import { listClashes, type ClashView } from '../clashes/clash.service';
import { clashSpan } from '../clashes/clash.view';
import type { Database, EventTable } from '../db/schema';
import { NotFound, RuleViolation, StaleRecord, type FieldErrors } from '../errors';
import { findVenue, insertVenue } from '../venues/venue.repository';
import { emptyEventForm, toEventFormValues, type EventSaveOutcome } from './event-form.view';
import type { EventFormValues, EventInput } from './event.input';
import {
	countEventRecords,
	deleteEventRow,
	findEvent,
	findEventSeries,
	findEventSeriesByName,
	insertAgendaItemRow,
	insertAgendaRoleRows,
	insertEventRow,
	insertEventSeries,
	insertParticipantRow,
	listAgendaItemsForCopy,
	listAgendaItemTimes,
	listAgendaRolesForCopy,
	listEventHostIds,
	listExistingOrganizationIds,
	listParticipantsWithAgendaRoles,
	replaceEventHosts,
	unlinkOutcomesOfEvent,
	updateAgendaItemTimes,
	updateEventRow,
	type EventDetailRow,
	type ParticipantWithRolesRow
} from './event.repository';
import { followMove, type Move } from './event.schedule';
import { authorize } from '../auth/authorize';
import { versionColumns } from '../content/content-versions.input';
import { alignPostsAtEvents } from '../people/person-position.service';

/** The columns of an event as the audit trail records them. */
function auditSnapshot(row: Selectable<EventTable>) {
	return {
		kind: row.kind,
		title: row.title,
		title_locale: row.title_locale,
		title_az: row.title_az,
		title_en: row.title_en,
		title_ru: row.title_ru,
		theme: row.theme,
		description: row.description,
		start_at: row.start_at,
		end_at: row.end_at,
		time_zone: row.time_zone,
		timing: row.timing,
		venue_id: row.venue_id,
		online_url: row.online_url,
		status: row.status,
		status_reason: row.status_reason,
		series_id: row.series_id,
		is_public: row.is_public,
		all_day: row.all_day,
		ical_uid: row.ical_uid
	};
}

/** Changes attendees must see: RFC 5545 wants SEQUENCE raised for them, and only for them. */
const SEQUENCED: readonly (keyof ReturnType<typeof auditSnapshot>)[] = [
	'title',
	'start_at',
	'end_at',
	'all_day',
	'time_zone',
	'venue_id',
	'online_url',
	'status'
];

interface References {
	/** The zone events at the chosen venue default to, or null without a venue. */
	venueZone: string | null;
	venueId: number | null;
	seriesId: number | null;
}

/** Checks that every record the form names exists, writing nothing. */
async function checkReferences(tx: Kysely<Database>, input: EventInput): Promise<References> {
	const problems: FieldErrors = {};
	let venueZone: string | null = null;
	let venueId: number | null = null;
	if (input.venue.kind === 'existing') {
		const venue = await findVenue(tx, input.venue.id);
		if (venue) [venueZone, venueId] = [venue.time_zone, venue.id];
		else problems.venueId = 'That venue no longer exists: choose another.';
	} else if (input.venue.kind === 'new') {
		venueZone = input.venue.venue.timeZone;
	}
	let seriesId: number | null = null;
	if (input.series.kind === 'existing') {
		const series = await findEventSeries(tx, input.series.id);
		if (series) seriesId = series.id;
		else problems.seriesId = 'That series no longer exists: choose another.';
	}
	const named = [...input.hosts, ...input.coHosts];
	const existing = new Set(await listExistingOrganizationIds(tx, named));
	if (input.hosts.some((id) => !existing.has(id))) problems.hosts = 'A host chosen no longer exists.';
	if (input.coHosts.some((id) => !existing.has(id))) problems.coHosts = 'A co-host chosen no longer exists.';
	if (Object.keys(problems).length > 0) {
		throw new RuleViolation('Some of the records named in the form do not exist.', problems);
	}
	return { venueZone, venueId, seriesId };
}

/** Creates the venue and the series the form described, when it described new ones. */
async function writeReferences(
	tx: Kysely<Database>,
	actor: Actor,
	input: EventInput,
	references: References,
	at: string
): Promise<{ venueId: number | null; seriesId: number | null }> {
	let { venueId, seriesId } = references;
	if (input.venue.kind === 'new') {
		const { name, address, city, countryCode, timeZone } = input.venue.venue;
		const venue = await insertVenue(tx, {
			name,
			address: address ?? null,
			city,
			country_code: countryCode,
			time_zone: timeZone,
			created_at: at,
			updated_at: at
		});
		venueId = venue.id;
		await recordAction(tx, actor, {
			action: 'venue.create',
			entityType: 'venue',
			entityId: venue.id,
			after: { name, address: address ?? null, city, country_code: countryCode, time_zone: timeZone }
		});
	}
	if (input.series.kind === 'new') seriesId = await seriesNamed(tx, actor, input.series.name, at);
	return { venueId, seriesId };
}

/**
 * The series of that name, made (and audited) when there is none yet: inside a write that has checked
 * the role (the event form's new series, a recurring invitation imported).
 */
export async function seriesNamed(
	tx: Kysely<Database>,
	actor: Actor,
	name: string,
	at: string
): Promise<number> {
	const found = await findEventSeriesByName(tx, name);
	if (found) return found.id;
	const series = await insertEventSeries(tx, { name, created_at: at, updated_at: at });
	await recordAction(tx, actor, {
		action: 'event_series.create',
		entityType: 'event_series',
		entityId: series.id,
		after: { name: series.name }
	});
	return series.id;
}

/** The zone the event is in: the one chosen, or else its venue's. */
function zoneOf(input: EventInput, references: References): string {
	const zone = input.timeZone ?? references.venueZone;
	if (!zone) {
		throw new RuleViolation('Choose a time zone.', {
			timeZone: 'Choose a time zone: without a venue there is no zone to take.'
		});
	}
	return zone;
}

function checkEndAfterStart(startAt: string, endAt: string) {
	if (Date.parse(endAt) <= Date.parse(startAt)) {
		throw new RuleViolation('The end must be after the start.', {
			end: 'The end must be after the start.'
		});
	}
}

function hostRows(input: EventInput) {
	return [
		...input.hosts.map((organizationId) => ({ organizationId, role: 'host' as const })),
		...input.coHosts.map((organizationId) => ({ organizationId, role: 'co_host' as const }))
	];
}

function eventColumns(
	input: EventInput,
	times: { startAt: string; endAt: string; timeZone: string },
	ids: { venueId: number | null; seriesId: number | null }
) {
	return {
		kind: input.kind,
		title: input.title,
		...versionColumns('title', input.titleVersions),
		theme: input.theme,
		description: input.description,
		start_at: times.startAt,
		end_at: times.endAt,
		time_zone: times.timeZone,
		timing: input.timing,
		venue_id: ids.venueId,
		online_url: input.onlineUrl,
		status: input.status,
		status_reason: input.statusReason,
		series_id: ids.seriesId,
		is_public: input.isPublic ? 1 : 0,
		all_day: input.allDay ? 1 : 0
	} as const;
}

/** The time the officer asked for, as the clash warning shows it beside the clashing events'. */
function proposedSpan(startAt: string, endAt: string, timeZone: string, allDay: boolean) {
	const span = { startAt, endAt, timeZone, allDay };
	return { ...span, when: clashSpan(span) };
}

/** Clashes that stop a save until the officer chooses to save anyway; cancelled events clash with nothing. */
async function clashesFor(
	tx: Kysely<Database>,
	status: EventStatus,
	query: Parameters<typeof listClashes>[1]
): Promise<ClashView[]> {
	return status === 'cancelled' ? [] : listClashes(tx, query);
}

export interface SaveOptions {
	/** The officer saw the clashes and saves anyway; the override is audited. */
	overrideClashes?: boolean;
	now?: Date;
}

/**
 * Creates an event with its hosts (and the venue or series the form described as new). When it clashes
 * with another event at the same venue, nothing is written and the clashes come back, unless the officer
 * chose to save anyway. One transaction, audited.
 */
export async function scheduleEvent(
	db: Kysely<Database>,
	actor: Actor,
	input: EventInput,
	{ overrideClashes = false, now = new Date() }: SaveOptions = {}
): Promise<EventSaveOutcome> {
	authorize(actor, 'officer');
	const at = now.toISOString();
	return db
		.transaction()
		.execute((tx) => insertEventWithRelations(tx, actor, input, { overrideClashes, at }));
}

/**
 * Creates another edition of an event from the form (see findDuplicateForm) with a new calendar UID, and
 * copies its programme: every agenda item, its times moved with the start, and the people with roles on
 * the items, invited afresh (no answers, no attendance). Outcomes, correspondence and the other
 * participants stay with the original. Clashes of the new time with the venue or those people hold the
 * copy back unless the officer chose to save anyway. One transaction, audited.
 */
export async function duplicateEvent(
	db: Kysely<Database>,
	actor: Actor,
	sourceId: number,
	input: EventInput,
	{ overrideClashes = false, now = new Date() }: SaveOptions = {}
): Promise<EventSaveOutcome> {
	authorize(actor, 'officer');
	const at = now.toISOString();
	return db.transaction().execute(async (tx) => {
		const source = await findEvent(tx, sourceId);
		if (!source) throw new NotFound('There is no such event to copy.');
		return insertEventWithRelations(tx, actor, input, { overrideClashes, at }, source);
	});
}

/**
 * The one path by which an event is created, scheduled or duplicated (`source`): check what the form
 * names, place its times in the event's zone, stop at clashes with the venue (and, for a copy, with the
 * people it copies) unless overridden, then write the new venue or series, the event with a new calendar
 * UID, its hosts and, for a copy, the programme; one audit entry.
 */
async function insertEventWithRelations(
	tx: Kysely<Database>,
	actor: Actor,
	input: EventInput,
	{ overrideClashes, at }: { overrideClashes: boolean; at: string },
	source?: EventDetailRow
): Promise<EventSaveOutcome> {
	const references = await checkReferences(tx, input);
	const timeZone = zoneOf(input, references);
	const startAt = zonedToInstant(input.start, timeZone);
	const endAt = zonedToInstant(input.end, timeZone);
	checkEndAfterStart(startAt, endAt);
	const people = source ? await listParticipantsWithAgendaRoles(tx, source.id) : [];
	const clashes = await clashesFor(tx, input.status, {
		startAt,
		endAt,
		venueId: references.venueId,
		personIds: people.map((p) => p.person_id)
	});
	if (clashes.length > 0 && !overrideClashes) {
		return { saved: false, clashes, proposed: proposedSpan(startAt, endAt, timeZone, input.allDay) };
	}

	const ids = await writeReferences(tx, actor, input, references, at);
	const event = await insertEventRow(tx, {
		...eventColumns(input, { startAt, endAt, timeZone }, ids),
		ical_uid: newIcalUid(),
		created_at: at,
		updated_at: at
	});
	await replaceEventHosts(tx, event.id, hostRows(input));
	const copied = source
		? await copyProgramme(tx, source, people, { eventId: event.id, startAt, timeZone }, at)
		: {};

	const clashesOverridden = clashes.map((c) => c.event.id);
	await recordAction(tx, actor, {
		action: source ? 'event.duplicate' : 'event.create',
		entityType: 'event',
		entityId: event.id,
		eventId: event.id,
		after: {
			...(source ? { copied_from: source.id } : {}),
			...auditSnapshot(event),
			hosts: input.hosts,
			co_hosts: input.coHosts,
			...copied,
			...(clashesOverridden.length > 0 ? { clash_overridden: clashesOverridden } : {})
		}
	});
	return { saved: true, eventId: event.id, clashesOverridden };
}

/**
 * Copies the programme of one event into a new one: its agenda items, moved with the start, the people
 * with roles on them (`people`), invited afresh, and those roles. Returns how many items and people it
 * copied, for the audit entry.
 */
async function copyProgramme(
	tx: Kysely<Database>,
	source: EventDetailRow,
	people: ParticipantWithRolesRow[],
	{ eventId, startAt, timeZone }: { eventId: number; startAt: string; timeZone: string },
	at: string
): Promise<{ agenda_items: number; participants: number }> {
	const move = {
		fromStart: source.start_at,
		toStart: startAt,
		fromZone: source.time_zone,
		toZone: timeZone
	};
	const itemIds = new Map<number, number>();
	for (const item of await listAgendaItemsForCopy(tx, source.id)) {
		// Whatever else the programme records about an item is copied as it is.
		const {
			id,
			event_id: _event,
			created_at: _created,
			updated_at: _updated,
			version: _version,
			...shape
		} = item;
		const copy = await insertAgendaItemRow(tx, {
			...shape,
			event_id: eventId,
			start_at: item.start_at === null ? null : followMove(item.start_at, move),
			end_at: item.end_at === null ? null : followMove(item.end_at, move),
			created_at: at,
			updated_at: at
		});
		itemIds.set(id, copy.id);
	}
	await retimeAgenda(tx, eventId);
	const participantIds = new Map<number, number>();
	for (const person of people) {
		const copy = await insertParticipantRow(tx, {
			event_id: eventId,
			person_id: person.person_id,
			role: person.role,
			// Title and rank as they stand today; the new event records them again when it is held.
			position_at_event: person.position,
			rank_at_event: person.rank,
			organization_id: person.person_organization_id ?? person.organization_id,
			rsvp_status: 'invited',
			invited_at: null,
			responded_at: null,
			created_at: at,
			updated_at: at
		});
		participantIds.set(person.id, copy.id);
	}
	// Titles as they stand today, unless a person's history gives the post held on the new date.
	await alignPostsAtEvents(tx, { eventIds: [eventId] }, at);
	const roles = await listAgendaRolesForCopy(tx, source.id);
	await insertAgendaRoleRows(
		tx,
		roles.flatMap((role) => {
			const agendaItemId = itemIds.get(role.agenda_item_id);
			const participantId = participantIds.get(role.participant_id);
			return agendaItemId && participantId
				? [{ ...role, agenda_item_id: agendaItemId, participant_id: participantId }]
				: [];
		})
	);
	return { agenda_items: itemIds.size, participants: participantIds.size };
}

function newIcalUid(): string {
	return `${crypto.randomUUID()}@protokol`;
}

async function staleEvent(tx: Kysely<Database>, eventId: number): Promise<StaleRecord<EventFormValues>> {
	const [event, hosts] = await Promise.all([findEvent(tx, eventId), listEventHostIds(tx, eventId)]);
	if (!event)
		return new StaleRecord(emptyEventForm(), 'Someone else deleted this event after you opened it.');
	return new StaleRecord(toEventFormValues(event, hosts));
}

/**
 * Saves an edited event, if nobody saved it since the officer opened it (`version`); otherwise throws
 * StaleRecord with the event as it now stands, and writes nothing. Moving the start moves the end (unless
 * the end was changed too) and every timed agenda item, keeping their wall-clock distance from the start.
 * A change of time, venue, status or title raises the iCalendar sequence. A new time or venue that clashes
 * with another event is not saved unless the officer chose to save anyway; that choice is audited.
 */
export async function reviseEvent(
	db: Kysely<Database>,
	actor: Actor,
	eventId: number,
	version: number,
	input: EventInput,
	{ overrideClashes = false, now = new Date() }: SaveOptions = {}
): Promise<EventSaveOutcome> {
	authorize(actor, 'officer');
	const at = now.toISOString();
	return db.transaction().execute(async (tx) => {
		const [current, currentHosts] = await Promise.all([
			findEvent(tx, eventId),
			listEventHostIds(tx, eventId)
		]);
		if (!current) throw new NotFound('There is no such event.');
		if (current.version !== version) throw new StaleRecord(toEventFormValues(current, currentHosts));
		const references = await checkReferences(tx, input);
		const timeZone = zoneOf(input, references);
		const startAt = zonedToInstant(input.start, timeZone);
		const move = {
			fromStart: current.start_at,
			toStart: startAt,
			fromZone: current.time_zone,
			toZone: timeZone
		};
		const moved = Date.parse(startAt) !== Date.parse(current.start_at) || timeZone !== current.time_zone;
		// A new start with the end left as it was moves the whole event.
		const endUntouched = input.end === instantToZoned(current.end_at, current.time_zone);
		const endAt =
			moved && endUntouched ? followMove(current.end_at, move) : zonedToInstant(input.end, timeZone);
		checkEndAfterStart(startAt, endAt);

		const placeChanged = input.venue.kind === 'new' || references.venueId !== current.venue_id;
		const timeChanged =
			Date.parse(startAt) !== Date.parse(current.start_at) ||
			Date.parse(endAt) !== Date.parse(current.end_at);
		const revived = current.status === 'cancelled' && input.status !== 'cancelled';
		const clashes =
			timeChanged || placeChanged || revived
				? await clashesFor(tx, input.status, {
						startAt,
						endAt,
						venueId: references.venueId,
						exceptEventId: eventId
					})
				: [];
		if (clashes.length > 0 && !overrideClashes) {
			return { saved: false, clashes, proposed: proposedSpan(startAt, endAt, timeZone, input.allDay) };
		}

		const ids = await writeReferences(tx, actor, input, references, at);
		const next = eventColumns(input, { startAt, endAt, timeZone }, ids);
		const before = auditSnapshot(current);
		const changed = (Object.keys(next) as (keyof typeof next)[]).filter((key) =>
			key === 'start_at' || key === 'end_at'
				? Date.parse(next[key]) !== Date.parse(before[key])
				: next[key] !== before[key]
		);
		const hostsBefore = currentHosts.map((h) => `${h.role}:${h.organization_id}`).join(',');
		const hostsAfter = hostRows(input)
			.map((h) => `${h.role}:${h.organizationId}`)
			.join(',');
		const hostsChanged = hostsBefore !== hostsAfter;
		if (changed.length === 0 && !hostsChanged) return { saved: true, eventId, clashesOverridden: [] };

		const attendeesMustSee = changed.some((key) => SEQUENCED.includes(key));
		const written = await updateEventRow(
			tx,
			eventId,
			version,
			{ ...next, updated_at: at },
			{ raiseSequence: attendeesMustSee }
		);
		if (!written) throw await staleEvent(tx, eventId);
		if (hostsChanged) await replaceEventHosts(tx, eventId, hostRows(input));
		const agendaItemsMoved = moved ? await moveAgenda(tx, eventId, move, at) : 0;
		// Items with a duration run on the programme's clock from the new start (src/lib/server/agenda).
		if (moved) await retimeAgenda(tx, eventId);
		// On another day, people may have held another post (src/lib/server/people/person-position.service.ts).
		const postsRealigned = moved ? await alignPostsAtEvents(tx, { eventIds: [eventId] }, at) : [];
		const updatesQueued = attendeesMustSee ? await queueEventUpdates(tx, actor, eventId, now) : 0;

		const clashesOverridden = clashes.map((c) => c.event.id);
		await recordAction(tx, actor, {
			action: 'event.update',
			entityType: 'event',
			entityId: eventId,
			eventId,
			before: {
				...Object.fromEntries(changed.map((key) => [key, before[key]])),
				...(hostsChanged ? { hosts: hostsBefore } : {})
			},
			after: {
				...Object.fromEntries(changed.map((key) => [key, next[key]])),
				...(hostsChanged ? { hosts: hostsAfter } : {}),
				...(agendaItemsMoved > 0 ? { agenda_items_moved: agendaItemsMoved } : {}),
				...(postsRealigned.length > 0 ? { posts_at_event: postsRealigned } : {}),
				...(updatesQueued > 0 ? { calendar_updates_queued: updatesQueued } : {}),
				...(clashesOverridden.length > 0 ? { clash_overridden: clashesOverridden } : {})
			}
		});
		return { saved: true, eventId, clashesOverridden };
	});
}

/**
 * Moves an event to start at `startAt` (an instant), as the calendar's drag and move form ask: the
 * event as it stands with only its start changed, saved by reviseEvent — so the end and the agenda
 * follow, clashes hold it back unless overridden, attendees get their update, and the audit entry is
 * the edit form's. Refused with StaleRecord when the event changed since `version`.
 */
export async function moveEvent(
	db: Kysely<Database>,
	actor: Actor,
	{ eventId, version, startAt }: { eventId: number; version: number; startAt: string },
	options: SaveOptions = {}
): Promise<EventSaveOutcome> {
	authorize(actor, 'officer');
	const [current, hosts] = await Promise.all([findEvent(db, eventId), listEventHostIds(db, eventId)]);
	if (!current) throw new NotFound('There is no such event.');
	const byRole = (role: string) => hosts.filter((h) => h.role === role).map((h) => h.organization_id);
	// What the edit form would send back untouched; the form's rules for a new record (a venue or an
	// online link) are not asked again of a record only moved.
	const input: EventInput = {
		kind: current.kind,
		title: current.title,
		titleVersions: {
			locale: current.title_locale,
			az: current.title_az,
			en: current.title_en,
			ru: current.title_ru
		},
		theme: current.theme,
		description: current.description,
		...movedTimes(current, startAt),
		allDay: current.all_day === 1,
		timeZone: current.time_zone,
		timing: current.timing,
		venue: current.venue_id === null ? { kind: 'none' } : { kind: 'existing', id: current.venue_id },
		onlineUrl: current.online_url,
		status: current.status,
		statusReason: current.status_reason,
		series: current.series_id === null ? { kind: 'none' } : { kind: 'existing', id: current.series_id },
		isPublic: current.is_public === 1,
		hosts: byRole('host'),
		coHosts: byRole('co_host')
	};
	return reviseEvent(db, actor, eventId, version, input, options);
}

/**
 * The new start as the edit form reads it, the end where the service's own rule puts it (see
 * reviseEvent). An all-day event moves by whole days: it still starts at midnight of its new first day
 * and keeps its number of days.
 */
function movedTimes(
	current: { start_at: string; end_at: string; time_zone: string; all_day: number },
	startAt: string
): { start: string; end: string } {
	const start = instantToZoned(startAt, current.time_zone);
	const end = instantToZoned(current.end_at, current.time_zone);
	if (current.all_day !== 1) return { start, end };
	const day = (local: string) => DateTime.fromISO(local.slice(0, 10), { zone: 'utc' });
	const days = day(end).diff(day(instantToZoned(current.start_at, current.time_zone)), 'days').days;
	const first = day(start);
	return { start: `${first.toISODate()}T00:00`, end: `${first.plus({ days }).toISODate()}T00:00` };
}

/** Moves every timed agenda item of the event with it; returns how many moved. */
async function moveAgenda(tx: Kysely<Database>, eventId: number, move: Move, at: string): Promise<number> {
	const items = await listAgendaItemTimes(tx, eventId);
	let moved = 0;
	for (const item of items) {
		const startAt = item.start_at === null ? null : followMove(item.start_at, move);
		const endAt = item.end_at === null ? null : followMove(item.end_at, move);
		if (startAt === item.start_at && endAt === item.end_at) continue;
		await updateAgendaItemTimes(tx, item.id, { start_at: startAt, end_at: endAt, updated_at: at });
		moved++;
	}
	return moved;
}

export type StatusChange = 'postpone' | 'cancel' | 'reinstate';

const STATUS_AFTER: Record<StatusChange, EventStatus> = {
	postpone: 'postponed',
	cancel: 'cancelled',
	reinstate: 'planned'
};

/**
 * Postpones or cancels the event, keeping the reason to show on its page, or brings a postponed or
 * cancelled one back as planned (its reason goes; the audit trail keeps it). Audited; the calendar
 * sequence is raised, since every attendee must see it.
 */
export async function changeEventStatus(
	db: Kysely<Database>,
	actor: Actor,
	{
		eventId,
		version,
		change,
		reason
	}: { eventId: number; version: number; change: StatusChange; reason: string | null },
	now = new Date()
): Promise<void> {
	authorize(actor, 'officer');
	const at = now.toISOString();
	await db.transaction().execute(async (tx) => {
		const current = await findEvent(tx, eventId);
		if (!current) throw new NotFound('There is no such event.');
		if (current.version !== version) throw await staleEvent(tx, eventId);
		if (change !== 'reinstate' && current.status === 'held') {
			throw new RuleViolation('This event has been held: it can no longer be postponed or cancelled.');
		}
		if (change === 'postpone' && current.status === 'cancelled') {
			throw new RuleViolation('A cancelled event cannot be postponed: reinstate it first.');
		}
		if (change === 'reinstate' && current.status !== 'postponed' && current.status !== 'cancelled') {
			throw new RuleViolation('Only a postponed or cancelled event can be reinstated.');
		}
		const status = STATUS_AFTER[change];
		const written = await updateEventRow(
			tx,
			eventId,
			version,
			{ status, status_reason: change === 'reinstate' ? null : reason, updated_at: at },
			{ raiseSequence: true }
		);
		if (!written) throw await staleEvent(tx, eventId);
		const updatesQueued = await queueEventUpdates(tx, actor, eventId, now);
		await recordAction(tx, actor, {
			action: `event.${change}`,
			entityType: 'event',
			entityId: eventId,
			eventId,
			before: { status: current.status, status_reason: current.status_reason },
			after: {
				status,
				status_reason: change === 'reinstate' ? null : reason,
				...(updatesQueued > 0 ? { calendar_updates_queued: updatesQueued } : {})
			}
		});
	});
}

/**
 * Deletes the event with its hosts, agenda, participants and links to letters and follow-ups. Outcomes
 * recorded at it stay, no longer naming it. Refused with StaleRecord when it changed since the officer
 * looked. The audit entry keeps everything the event was.
 */
export async function deleteEvent(
	db: Kysely<Database>,
	actor: Actor,
	eventId: number,
	version: number,
	now = new Date()
): Promise<void> {
	authorize(actor, 'officer');
	await db.transaction().execute(async (tx) => {
		const [current, hosts, counts] = await Promise.all([
			findEvent(tx, eventId),
			listEventHostIds(tx, eventId),
			countEventRecords(tx, eventId)
		]);
		if (!current) throw new NotFound('There is no such event.');
		let cancellationsQueued = 0;
		if (current.version === version) {
			await unlinkOutcomesOfEvent(tx, eventId, now.toISOString());
			cancellationsQueued = await queueDeletionCancellations(tx, actor, eventId, now);
		}
		if (current.version !== version || !(await deleteEventRow(tx, eventId, version))) {
			throw new StaleRecord(
				toEventFormValues(current, hosts),
				'Someone else changed this event after you opened it. Look at it again before deleting it.'
			);
		}
		await recordAction(tx, actor, {
			action: 'event.delete',
			entityType: 'event',
			entityId: eventId,
			eventId,
			before: {
				...auditSnapshot(current),
				hosts: hosts.filter((h) => h.role === 'host').map((h) => h.organization_id),
				co_hosts: hosts.filter((h) => h.role === 'co_host').map((h) => h.organization_id),
				agenda_items: Number(counts.agenda_items),
				participants: Number(counts.participants),
				outcomes_unlinked: Number(counts.outcomes),
				correspondence_unlinked: Number(counts.correspondence),
				...(cancellationsQueued > 0 ? { calendar_cancellations_queued: cancellationsQueued } : {})
			}
		});
	});
}
