/**
 * The agenda builder: an event's programme, item by item, with the people on each and their roles.
 *
 * Every write runs in one transaction that first takes the event's row lock, so that two officers
 * working on one programme take turns; it rewrites the positions (1, 2, 3 …) and the clock times of all
 * items (agenda.clock.ts: each timed item starts when the one before it ends) and records its audit
 * entry under the event. Positions and clock times are derived, so they are rewritten without raising
 * an item's version: only a change to what the officer typed (kind, title, duration, notes, published)
 * makes a form opened earlier stale.
 */
import type { Kysely, Transaction } from 'kysely';
import { findPersonIdsByName } from '../choosers/chooser.service';
import { listPeopleWithOrganization } from '../people/person.repository';
import { formatWhen } from '../../format/datetime';
import { formatPersonName } from '../../format/names';
import { localizedColumn } from '../../i18n/localized-text';
import { m } from '../../paraglide/messages.js';
import { agendaRoles, eventStatuses, type AgendaRole } from '../../vocabulary';
import { recordAction, type Actor } from '../audit/audit';
import { listClashes, type ClashView } from '../clashes/clash.service';
import type { Database } from '../db/schema';
import { NotFound, RuleViolation, StaleRecord } from '../errors';
import { findEvent, listHostsForEvents } from '../events/event.repository';
import { toHostViews } from '../events/event.view';
import { clockEnd, runClock, sameInstant } from './agenda.clock';
import { AGENDA_MAX_ITEMS, type AgendaItemInput, type AgendaItemUpdateInput } from './agenda.input';
import { versionColumns } from '../content/content-versions.input';
import {
	deleteAgendaItem,
	deleteAgendaRole,
	findAgendaItem,
	findAgendaRole,
	findParticipantOfPerson,
	findPersonToAssign,
	insertAgendaItem,
	insertAgendaRole,
	insertParticipant,
	listAgendaItems,
	listAgendaRoles,
	listParticipantChoices,
	listRolesOfAgendaItem,
	lockEventForAgenda,
	nextRolePosition,
	placeAgendaItem,
	updateAgendaItemFields,
	type AgendaItemRow
} from './agenda.repository';
import {
	toAgendaEventView,
	toAgendaItemEditViews,
	toFoundPeople,
	toParticipantOptions,
	toProgrammeItems,
	type AgendaItemEditView,
	type AgendaItemPageView,
	type AgendaPageView,
	type ProgrammeView
} from './agenda.view';
import { authorize } from '../auth/authorize';
import { listOutcomesFollowedUpAt } from '../outcomes/outcome.service';
import type { OutcomeView } from '../outcomes/outcome.view';
import { resolvePostsOnEventDate } from '../people/person-position.service';

type Db = Kysely<Database>;
type Tx = Transaction<Database> | Kysely<Database>;

/** How many participants an item's page offers in its list; beyond that the officer searches by name. */
export const PARTICIPANT_CHOICES = 300;
/** How many people a name search on an item's page shows. */
export const PEOPLE_FOUND = 20;

// Reading ------------------------------------------------------------------------------------------------

/** The builder's page: the event and every item with its people. Three queries, whatever the size. */
export async function findAgendaPage(
	db: Db,
	eventId: number
): Promise<(AgendaPageView & { followUps: OutcomeView[] }) | null> {
	const [event, items, roles, followUps] = await Promise.all([
		findEvent(db, eventId),
		listAgendaItems(db, eventId),
		listAgendaRoles(db, eventId),
		listOutcomesFollowedUpAt(db, eventId)
	]);
	if (!event) return null;
	const end = clockEnd(event.start_at, items.map(clockItem));
	return {
		event: toAgendaEventView(event),
		items: toAgendaItemEditViews(items, roles),
		clockEnd: end,
		overruns: end !== null && Date.parse(end) > Date.parse(event.end_at),
		followUps
	};
}

/** People whose names start with the words typed, through the choosers' index (never the whole directory). */
async function findPeopleToPick(db: Db, text: string) {
	return listPeopleWithOrganization(db, await findPersonIdsByName(db, text, PEOPLE_FOUND));
}

/**
 * One item's page: the item, the event's participants to pick from and, when the officer searched by
 * name, the people found through the choosers' index. Eight queries at most.
 */
export async function findAgendaItemPage(
	db: Db,
	eventId: number,
	itemId: number,
	searchWords: string[] = []
): Promise<AgendaItemPageView | null> {
	const [event, item, roles, participants, found] = await Promise.all([
		findEvent(db, eventId),
		findAgendaItem(db, itemId),
		listRolesOfAgendaItem(db, itemId),
		listParticipantChoices(db, eventId, PARTICIPANT_CHOICES),
		findPeopleToPick(db, searchWords.join(' '))
	]);
	if (!event || !item || item.event_id !== eventId) return null;
	return {
		event: toAgendaEventView(event),
		item: toAgendaItemEditViews([item], roles)[0]!,
		participants: toParticipantOptions(participants.slice(0, PARTICIPANT_CHOICES)),
		moreParticipants: participants.length > PARTICIPANT_CHOICES,
		found: toFoundPeople(found)
	};
}

/** The printed programme: the event, its hosts and its published items. Four queries. */
export async function findProgramme(db: Db, eventId: number): Promise<ProgrammeView | null> {
	const [event, hosts, items, roles] = await Promise.all([
		findEvent(db, eventId),
		listHostsForEvents(db, [eventId]),
		listAgendaItems(db, eventId),
		listAgendaRoles(db, eventId)
	]);
	if (!event) return null;
	const title = localizedColumn(event, 'title');
	return {
		id: event.id,
		title: title.text,
		titleLocale: title.fallbackLocale,
		theme: event.theme,
		startAt: event.start_at,
		endAt: event.end_at,
		timeZone: event.time_zone,
		allDay: event.all_day === 1,
		when: formatWhen({
			startAt: event.start_at,
			endAt: event.end_at,
			timeZone: event.time_zone,
			allDay: event.all_day === 1
		}),
		place: event.venue_name
			? [event.venue_name, event.venue_address, event.venue_city].filter(Boolean).join(', ')
			: null,
		// A programme printed for a cancelled or postponed event says so at the top.
		statusLabel:
			event.status === 'cancelled' || event.status === 'postponed'
				? eventStatuses.labels[event.status]
				: null,
		hosts: toHostViews(hosts).get(eventId) ?? [],
		items: toProgrammeItems(items, roles)
	};
}

// The clock ----------------------------------------------------------------------------------------------

function clockItem(item: Pick<AgendaItemRow, 'id' | 'duration_minutes' | 'start_at' | 'end_at'>) {
	return {
		id: item.id,
		durationMinutes: item.duration_minutes,
		startAt: item.start_at,
		endAt: item.end_at
	};
}

/**
 * Gives the items, in the order given, the positions 1 … n and their clock times from the event's start,
 * writing only the rows that change. Answers the items as they now stand.
 */
async function settleAgenda(
	tx: Tx,
	eventStart: string,
	ordered: readonly AgendaItemRow[],
	now: string,
	/** An item taken off the clock just now: its old times go rather than stay as given times. */
	offTheClock?: number
): Promise<AgendaItemRow[]> {
	const times = runClock(
		eventStart,
		ordered.map((item) =>
			item.id === offTheClock ? { ...clockItem(item), startAt: null, endAt: null } : clockItem(item)
		)
	);
	const settled: AgendaItemRow[] = [];
	for (const [index, item] of ordered.entries()) {
		const { startAt, endAt } = times[index]!;
		const position = index + 1;
		if (
			item.position !== position ||
			!sameInstant(item.start_at, startAt) ||
			!sameInstant(item.end_at, endAt)
		) {
			await placeAgendaItem(tx, item.id, { position, start_at: startAt, end_at: endAt, updated_at: now });
		}
		settled.push({ ...item, position, start_at: startAt, end_at: endAt });
	}
	return settled;
}

/**
 * Rewrites the clock times of an event's agenda from its start, inside the caller's transaction: for
 * whoever changes an event's start (the event editor), so that the stored times stay true.
 */
export async function retimeAgenda(tx: Tx, eventId: number): Promise<void> {
	const event = await lockEventForAgenda(tx, eventId);
	if (!event) throw new NotFound(m.events_page_not_found());
	await settleAgenda(tx, event.start_at, await listAgendaItems(tx, eventId), new Date().toISOString());
}

// Writing ------------------------------------------------------------------------------------------------

/** The title's versions in other languages as their columns (content versions, issue 18 §2). */
const titleColumns = (input: AgendaItemInput) =>
	versionColumns('title', {
		locale: input.titleLocale ?? null,
		az: input.titleAz ?? null,
		en: input.titleEn ?? null,
		ru: input.titleRu ?? null
	});

const summary = (item: AgendaItemRow) => ({
	kind: item.kind,
	title: item.title,
	titleLocale: item.title_locale,
	titleAz: item.title_az,
	titleEn: item.title_en,
	titleRu: item.title_ru,
	durationMinutes: item.duration_minutes,
	notes: item.notes,
	published: item.is_published === 1
});

const orderOf = (items: readonly AgendaItemRow[]) => items.map((item) => `${item.id} ${item.title}`);

async function lockedEvent(tx: Tx, eventId: number) {
	const event = await lockEventForAgenda(tx, eventId);
	if (!event) throw new NotFound(m.events_page_not_found());
	return event;
}

/** The item, which must belong to `eventId` when one is given (the event of the page that sent the form). */
async function itemOrFail(tx: Tx, itemId: number, eventId?: number) {
	const item = await findAgendaItem(tx, itemId);
	if (!item || (eventId !== undefined && item.event_id !== eventId)) {
		throw new NotFound(m.agenda_error_item_gone());
	}
	return item;
}

/** Adds an item at the end of the programme; its clock times follow from those before it. */
export async function addAgendaItem(
	db: Db,
	actor: Actor,
	eventId: number,
	input: AgendaItemInput
): Promise<AgendaItemEditView> {
	authorize(actor, 'officer');
	const now = new Date().toISOString();
	return db.transaction().execute(async (tx) => {
		const event = await lockedEvent(tx, eventId);
		const items = await listAgendaItems(tx, eventId);
		// The same bound a reorder is held to: a programme the builder can still show and move whole.
		if (items.length >= AGENDA_MAX_ITEMS) {
			throw new RuleViolation(m.agenda_error_too_many({ max: AGENDA_MAX_ITEMS }));
		}
		const values = {
			event_id: eventId,
			position: items.length + 1,
			kind: input.kind,
			title: input.title,
			...titleColumns(input),
			duration_minutes: input.durationMinutes,
			notes: input.notes,
			is_published: input.published ? 1 : 0,
			start_at: null,
			end_at: null,
			created_at: now,
			updated_at: now
		} as const;
		const { id } = await insertAgendaItem(tx, values);
		const settled = await settleAgenda(tx, event.start_at, [...items, { ...values, id, version: 1 }], now);
		const item = settled.at(-1)!;
		await recordAction(tx, actor, {
			action: 'agenda_item.add',
			entityType: 'agenda_item',
			entityId: id,
			eventId,
			after: { ...summary(item), position: item.position, startAt: item.start_at, endAt: item.end_at }
		});
		return toAgendaItemEditViews([item], [])[0]!;
	});
}

/**
 * Saves what the officer typed for an item, if nobody saved it since they opened it (StaleRecord with
 * the item as it stands otherwise, and nothing written). Clearing the duration takes the item off the
 * clock: it then has no times until it is given a duration again.
 */
export async function updateAgendaItem(
	db: Db,
	actor: Actor,
	itemId: number,
	input: AgendaItemUpdateInput,
	eventId?: number
): Promise<AgendaItemEditView> {
	authorize(actor, 'officer');
	const now = new Date().toISOString();
	return db.transaction().execute(async (tx) => {
		const before = await itemOrFail(tx, itemId, eventId);
		const event = await lockedEvent(tx, before.event_id);
		const values = {
			kind: input.kind,
			title: input.title,
			...titleColumns(input),
			duration_minutes: input.durationMinutes,
			notes: input.notes,
			is_published: input.published ? (1 as const) : (0 as const),
			updated_at: now
		};
		if (!(await updateAgendaItemFields(tx, itemId, input.version, values))) {
			const current = await itemOrFail(tx, itemId);
			throw new StaleRecord(toAgendaItemEditViews([current], await listRolesOfAgendaItem(tx, itemId))[0]!);
		}
		const settled = await settleAgenda(
			tx,
			event.start_at,
			await listAgendaItems(tx, before.event_id),
			now,
			before.duration_minutes !== null && input.durationMinutes === null ? itemId : undefined
		);
		const after = settled.find((item) => item.id === itemId)!;
		await recordAction(tx, actor, {
			action: 'agenda_item.update',
			entityType: 'agenda_item',
			entityId: itemId,
			eventId: before.event_id,
			before: { ...summary(before), startAt: before.start_at, endAt: before.end_at },
			after: { ...summary(after), startAt: after.start_at, endAt: after.end_at }
		});
		return toAgendaItemEditViews([after], await listRolesOfAgendaItem(tx, itemId))[0]!;
	});
}

/** Removes an item and the roles on it; the items after it move up and close the gap in time. */
export async function removeAgendaItem(
	db: Db,
	actor: Actor,
	itemId: number,
	eventId?: number
): Promise<void> {
	authorize(actor, 'officer');
	const now = new Date().toISOString();
	await db.transaction().execute(async (tx) => {
		const item = await itemOrFail(tx, itemId, eventId);
		const event = await lockedEvent(tx, item.event_id);
		const roles = await listRolesOfAgendaItem(tx, itemId);
		await deleteAgendaItem(tx, itemId);
		await settleAgenda(tx, event.start_at, await listAgendaItems(tx, item.event_id), now);
		await recordAction(tx, actor, {
			action: 'agenda_item.remove',
			entityType: 'agenda_item',
			entityId: itemId,
			eventId: item.event_id,
			before: {
				...summary(item),
				position: item.position,
				startAt: item.start_at,
				endAt: item.end_at,
				people: roles.map((r) => `${formatPersonName(r)} (${agendaRoles.labels[r.role]})`)
			}
		});
	});
}

/** Swaps an item with the one before (up) or after (down) it. */
export async function moveAgendaItem(
	db: Db,
	actor: Actor,
	itemId: number,
	direction: 'up' | 'down',
	eventId?: number
): Promise<void> {
	authorize(actor, 'officer');
	const now = new Date().toISOString();
	await db.transaction().execute(async (tx) => {
		const item = await itemOrFail(tx, itemId, eventId);
		const event = await lockedEvent(tx, item.event_id);
		const items = await listAgendaItems(tx, item.event_id);
		const index = items.findIndex((i) => i.id === itemId);
		const other = direction === 'up' ? index - 1 : index + 1;
		if (other < 0 || other >= items.length) {
			const message = (direction === 'up' ? m.agenda_error_first_already : m.agenda_error_last_already)({
				title: item.title
			});
			throw new RuleViolation(message, { order: message });
		}
		const ordered = items.slice();
		[ordered[index], ordered[other]] = [ordered[other]!, ordered[index]!];
		const settled = await settleAgenda(tx, event.start_at, ordered, now);
		await recordAction(tx, actor, {
			action: direction === 'up' ? 'agenda_item.move_up' : 'agenda_item.move_down',
			entityType: 'agenda_item',
			entityId: itemId,
			eventId: item.event_id,
			before: { position: index + 1, order: orderOf(items) },
			after: { position: other + 1, order: orderOf(settled) }
		});
	});
}

/**
 * Puts the event's items in the order given, first to last. The list must name every item of the event
 * exactly once and nothing else (someone may have added or removed one since the page was opened);
 * otherwise nothing changes.
 */
export async function reorderAgendaItems(
	db: Db,
	actor: Actor,
	eventId: number,
	orderedIds: readonly number[]
): Promise<void> {
	authorize(actor, 'officer');
	const now = new Date().toISOString();
	await db.transaction().execute(async (tx) => {
		const event = await lockedEvent(tx, eventId);
		const items = await listAgendaItems(tx, eventId);
		const byId = new Map(items.map((item) => [item.id, item]));
		const named = new Set(orderedIds);
		if (
			orderedIds.length !== items.length ||
			named.size !== orderedIds.length ||
			orderedIds.some((id) => !byId.has(id))
		) {
			const message = m.agenda_error_order_changed();
			throw new RuleViolation(message, { order: message });
		}
		const settled = await settleAgenda(
			tx,
			event.start_at,
			orderedIds.map((id) => byId.get(id)!),
			now
		);
		await recordAction(tx, actor, {
			action: 'agenda.reorder',
			entityType: 'event',
			entityId: eventId,
			eventId,
			before: { order: orderOf(items) },
			after: { order: orderOf(settled) }
		});
	});
}

export type AgendaAssignment =
	| { status: 'assigned'; participantId: number; participantAdded: boolean }
	/** Not saved: the person is booked at another event during this one. */
	| { status: 'clash'; clashes: ClashView[] };

/**
 * Names a person on an item in a role. Someone who does not take part in the event yet is added as a
 * participant first (role speaker, RSVP invited), with the position, rank and organisation they held on
 * the event's date (from their history, else as they are now) kept as those of this event; when they are booked at another event (not cancelled) during this
 * one, nothing is saved and the clashes are answered, unless the officer chose to go ahead
 * (`clashOverride`, audited with the clashing events).
 */
export async function assignToAgendaItem(
	db: Db,
	actor: Actor,
	itemId: number,
	personId: number,
	role: AgendaRole,
	options: { eventId?: number; clashOverride?: boolean } = {}
): Promise<AgendaAssignment> {
	authorize(actor, 'officer');
	const now = new Date().toISOString();
	return db.transaction().execute(async (tx) => {
		const item = await itemOrFail(tx, itemId, options.eventId);
		const event = await lockedEvent(tx, item.event_id);
		const person = await findPersonToAssign(tx, personId);
		if (!person) {
			const message = m.agenda_error_no_person();
			throw new RuleViolation(message, { personId: message });
		}
		const name = formatPersonName(person);
		let participant = await findParticipantOfPerson(tx, item.event_id, personId);
		const participantAdded = !participant;
		if (participant && (await findAgendaRole(tx, itemId, participant.id, role))) {
			const message = m.agenda_error_already_in_role({ name, role: agendaRoles.labels[role].toLowerCase() });
			throw new RuleViolation(message, { personId: message });
		}
		if (!participant) {
			const clashes =
				event.status === 'cancelled'
					? []
					: await listClashes(tx, {
							startAt: event.start_at,
							endAt: event.end_at,
							personIds: [personId],
							exceptEventId: event.id
						});
			if (clashes.length > 0 && !options.clashOverride) return { status: 'clash', clashes };
			const [held] = await resolvePostsOnEventDate(tx, event, [person]);
			const values = {
				event_id: item.event_id,
				person_id: personId,
				role: 'speaker',
				position_at_event: held!.position,
				rank_at_event: held!.rank,
				organization_id: held!.organization_id,
				rsvp_status: 'invited',
				invited_at: now,
				created_at: now,
				updated_at: now
			} as const;
			const { id } = await insertParticipant(tx, values);
			participant = { id, person_id: personId, role: 'speaker' };
			await recordAction(tx, actor, {
				action: 'participant.add',
				entityType: 'event_participant',
				entityId: id,
				eventId: item.event_id,
				after: {
					person: name,
					role: values.role,
					rsvp: values.rsvp_status,
					positionAtEvent: values.position_at_event,
					rankAtEvent: values.rank_at_event,
					organizationId: values.organization_id,
					reason: `named on “${item.title}”`,
					...(clashes.length > 0 ? { clashOverridden: clashes.map((c) => c.event.id) } : {})
				}
			});
		}
		await insertAgendaRole(tx, {
			agenda_item_id: itemId,
			participant_id: participant.id,
			role,
			position: await nextRolePosition(tx, itemId)
		});
		await recordAction(tx, actor, {
			action: 'agenda_item.assign',
			entityType: 'agenda_item',
			entityId: itemId,
			eventId: item.event_id,
			after: { item: item.title, person: name, role }
		});
		return { status: 'assigned', participantId: participant.id, participantAdded };
	});
}

/** Takes a person's role on an item away. They remain a participant of the event. */
export async function unassignFromAgendaItem(
	db: Db,
	actor: Actor,
	itemId: number,
	personId: number,
	role: AgendaRole,
	eventId?: number
): Promise<void> {
	authorize(actor, 'officer');
	await db.transaction().execute(async (tx) => {
		const item = await itemOrFail(tx, itemId, eventId);
		await lockedEvent(tx, item.event_id);
		const participant = await findParticipantOfPerson(tx, item.event_id, personId);
		if (!participant || !(await deleteAgendaRole(tx, itemId, participant.id, role))) {
			throw new NotFound(m.agenda_error_role_gone());
		}
		const person = await findPersonToAssign(tx, personId);
		await recordAction(tx, actor, {
			action: 'agenda_item.unassign',
			entityType: 'agenda_item',
			entityId: itemId,
			eventId: item.event_id,
			before: { item: item.title, person: person ? formatPersonName(person) : personId, role }
		});
	});
}
