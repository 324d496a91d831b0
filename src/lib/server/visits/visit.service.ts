/**
 * The programme of an official or working visit: the visit and its delegation, its items in order
 * (meetings that are events of their own, and logistics), and each member's itinerary — printed, on
 * their personal link and in their feed — holding only what concerns them. A meeting's time is read
 * from its event, so moving the event moves it in every itinerary. Writes are the officers', each in
 * one transaction with its audit entry; anyone signed in reads.
 */
import type { Kysely } from 'kysely';
import { instantToZoned } from '../../format/datetime';
import { m } from '../../paraglide/messages.js';
import { recordAction, type Actor } from '../audit/audit';
import { authorize } from '../auth/authorize';
import { getNamedChoices, type ChooserField, type NamedChoices } from '../choosers/chooser.service';
import { countExisting } from '../db/references';
import type { Database } from '../db/schema';
import { NotFound, RuleViolation, StaleRecord } from '../errors';
import type { IcalEventInput } from '../ical/ical.calendar';
import { toPage, type Page, type PageRequest } from '../pagination';
import { formText } from '../validation';
import { timingCertainties } from '../../vocabulary';
import type { ItemFormValues, ItemInput, VisitFormValues, VisitInput } from './visit.input';
import {
	deleteVisitItem,
	findEventStart,
	findVisit,
	findVisitItemRow,
	findVisitRow,
	insertVisit,
	insertVisitItem,
	listEventsAround,
	listItemPeople,
	listLogisticsOfPerson,
	listParticipations,
	listVisitItems,
	listVisitMembers,
	listVisits,
	listVisitsOfMember,
	replaceItemPeople,
	replaceVisitMembers,
	setVisitItemPosition,
	shiftVisitItems,
	updateVisit,
	updateVisitItem,
	type VisitItemRow
} from './visit.repository';
import {
	byDay,
	toItemView,
	toMemberView,
	toVisitListItem,
	toVisitView,
	type ItemView,
	type MemberView,
	type ProgrammeDay,
	type VisitListItem,
	type VisitView
} from './visit.view';

const DAY_MS = 86_400_000;

/** One page of visits, latest first. One query. */
export async function getVisitList(
	db: Kysely<Database>,
	page: PageRequest
): Promise<{ visits: Page<VisitListItem> }> {
	const rows = await listVisits(db, page);
	const visits = toPage(rows, page, (row) => [row.starts_on, row.id]);
	return { visits: { ...visits, items: visits.items.map(toVisitListItem) } };
}

interface Programme {
	visit: VisitView;
	members: MemberView[];
	items: ItemView[];
	/** Who takes part in each linked meeting, of the members. */
	participants: Map<number, Set<number>>;
}

/** The visit, its members and its whole programme: four queries, five with meetings in it. */
async function readProgramme(db: Kysely<Database>, visitId: number): Promise<Programme | null> {
	const [row, memberRows, itemRows, named] = await Promise.all([
		findVisit(db, visitId),
		listVisitMembers(db, visitId),
		listVisitItems(db, visitId),
		listItemPeople(db, visitId)
	]);
	if (!row) return null;
	const members = memberRows.map(toMemberView);
	const nameOf = new Map(members.map((member) => [member.id, member.name]));
	const namedBy = new Map<number, number[]>();
	for (const { item_id, person_id } of named)
		namedBy.set(item_id, [...(namedBy.get(item_id) ?? []), person_id]);
	const eventIds = itemRows.flatMap((item) => (item.event_id === null ? [] : [item.event_id]));
	const participations = await listParticipations(
		db,
		eventIds,
		members.map((member) => member.id)
	);
	const participants = new Map<number, Set<number>>();
	for (const { event_id, person_id } of participations) {
		participants.set(event_id, (participants.get(event_id) ?? new Set()).add(person_id));
	}
	const visit = toVisitView(row);
	const items = itemRows.map((item: VisitItemRow) =>
		toItemView(item, visit.timeZone, (itemId) => {
			const ids = namedBy.get(itemId) ?? [];
			return { ids, names: ids.map((id) => nameOf.get(id) ?? '') };
		})
	);
	return { visit, members, items, participants };
}

export interface VisitPage {
	visit: VisitView;
	members: MemberView[];
	days: ProgrammeDay[];
}

/** The visit's page and its printable programme, or null when there is no such visit. */
export async function findVisitPage(db: Kysely<Database>, visitId: number): Promise<VisitPage | null> {
	const programme = await readProgramme(db, visitId);
	if (!programme) return null;
	return {
		visit: programme.visit,
		members: programme.members,
		days: byDay(programme.items, programme.visit.timeZone)
	};
}

/**
 * Whether an item is in a member's itinerary: a meeting when they take part in its event, logistics
 * when it is for the whole delegation or names them.
 */
function concerns(item: ItemView, personId: number, participants: Map<number, Set<number>>): boolean {
	if (item.eventId !== null) return participants.get(item.eventId)?.has(personId) ?? false;
	return item.forEveryone || item.personIds.includes(personId);
}

export interface Itinerary {
	visit: VisitView;
	member: MemberView;
	days: ProgrammeDay[];
}

/** One member's itinerary of the visit, or null when there is no such visit or they are not a member. */
export async function findItinerary(
	db: Kysely<Database>,
	visitId: number,
	personId: number
): Promise<Itinerary | null> {
	const programme = await readProgramme(db, visitId);
	const member = programme?.members.find((member) => member.id === personId);
	if (!programme || !member) return null;
	const items = programme.items.filter((item) => concerns(item, personId, programme.participants));
	// Logistics details a member needs, but never another member's name: their itinerary is theirs.
	const own = items.map((item) => ({
		...item,
		concerns: item.forEveryone || item.eventId !== null ? item.concerns : member.name,
		personIds: []
	}));
	return { visit: programme.visit, member, days: byDay(own, programme.visit.timeZone) };
}

/** A visit as its member's personal link shows it: never the officers' notes on the visit. */
export interface PersonalItinerary {
	visit: Omit<VisitView, 'notes' | 'version'>;
	days: ProgrammeDay[];
}

/** What a personal link shows: each visit the person is a member of, latest first, with their itinerary. */
export async function findItinerariesOfPerson(
	db: Kysely<Database>,
	personId: number,
	limit = 5
): Promise<PersonalItinerary[]> {
	const visits = await listVisitsOfMember(db, personId, limit);
	const found = await Promise.all(visits.map((visit) => findItinerary(db, visit.id, personId)));
	return found
		.filter((itinerary): itinerary is Itinerary => itinerary !== null)
		.map(({ visit: { notes: _notes, version: _version, ...visit }, days }) => ({ visit, days }));
}

/** A person's logistics items as VEVENTs for their feed, in the feed's window (a meeting is its own event). */
export async function listLogisticsEvents(
	db: Kysely<Database>,
	personId: number,
	window: { from: string; to: string },
	limit: number
): Promise<IcalEventInput[]> {
	const rows = await listLogisticsOfPerson(db, personId, window, limit);
	return rows.map((row) => {
		const details = [
			row.flight && `${m.visits_detail_flight()}: ${row.flight}`,
			row.greeter && `${m.visits_field_greeted_by()}: ${row.greeter}`,
			row.destination && `${m.visits_field_to()}: ${row.destination}`,
			row.vehicle && `${m.visits_field_vehicle()}: ${row.vehicle}`,
			row.driver && `${m.visits_field_driver()}: ${row.driver}`,
			row.timing !== 'exact' && m.ical_timing_assumed({ timing: timingCertainties.labels[row.timing] }),
			row.notes
		].filter(Boolean);
		return {
			uid: `visit-item-${row.id}@protokol`,
			sequence: row.version - 1,
			stamp: row.updated_at,
			start: row.start_at!,
			end: row.end_at!,
			timeZone: row.time_zone!,
			summary: `${row.title} (${row.visit_title})`,
			description: details.join('\n') || null,
			location: row.place,
			status: 'CONFIRMED' as const,
			lastModified: row.updated_at
		};
	});
}

// ——— The visit ————————————————————————————————————————————————————————————————————————————————————

export const VISIT_CHOOSERS: Record<string, ChooserField> = {
	organizationId: { kind: 'organization' },
	hostOrganizationId: { kind: 'organization' },
	memberIds: { kind: 'person', multiple: true }
};

/** The people and organisations the form's values name (the choosers find any other). One query a kind. */
export async function getVisitFormChoices(
	db: Kysely<Database>,
	values: Partial<VisitFormValues>
): Promise<NamedChoices> {
	return getNamedChoices(db, {
		person: [values.memberIds],
		organization: [values.organizationId, values.hostOrganizationId]
	});
}

/** The edit page's form, or null when there is no such visit. */
export async function findVisitForm(db: Kysely<Database>, visitId: number) {
	const [row, members] = await Promise.all([findVisitRow(db, visitId), listVisitMembers(db, visitId)]);
	if (!row) return null;
	const values: VisitFormValues = {
		title: row.title,
		kind: row.kind,
		organizationId: formText(row.organization_id),
		hostOrganizationId: formText(row.host_organization_id),
		memberIds: members.map((member) => member.id).join(','),
		startsOn: row.starts_on,
		endsOn: row.ends_on,
		timeZone: row.time_zone,
		timing: row.timing,
		notes: formText(row.notes),
		version: String(row.version)
	};
	return { title: row.title, values, named: await getVisitFormChoices(db, values) };
}

async function checkVisitReferences(tx: Kysely<Database>, input: VisitInput) {
	const organizations = [input.organizationId, input.hostOrganizationId].filter(
		(id): id is number => id !== null
	);
	const found = await countExisting(tx, { person: input.memberIds, organization: organizations, event: [] });
	if (found.person !== input.memberIds.length) {
		throw new RuleViolation(m.visits_error_member_gone(), {
			memberIds: m.visits_error_people()
		});
	}
	if (found.organization !== new Set(organizations).size) {
		const message = m.visits_error_organization();
		throw new RuleViolation(m.visits_error_organization_gone(), {
			organizationId: message,
			hostOrganizationId: message
		});
	}
}

const visitColumns = (input: VisitInput) => ({
	title: input.title,
	kind: input.kind,
	organization_id: input.organizationId,
	host_organization_id: input.hostOrganizationId,
	starts_on: input.startsOn,
	ends_on: input.endsOn,
	time_zone: input.timeZone,
	timing: input.timing,
	notes: input.notes
});

/** Records a visit and its delegation; audited. */
export async function planVisit(
	db: Kysely<Database>,
	actor: Actor,
	input: VisitInput,
	now = new Date()
): Promise<number> {
	authorize(actor, 'officer');
	return db.transaction().execute(async (tx) => {
		await checkVisitReferences(tx, input);
		const at = now.toISOString();
		const { id } = await insertVisit(tx, { ...visitColumns(input), created_at: at, updated_at: at });
		await replaceVisitMembers(tx, id, input.memberIds);
		await recordAction(tx, actor, {
			action: 'visit.create',
			entityType: 'visit',
			entityId: id,
			after: input
		});
		return id;
	});
}

/**
 * Saves the visit and its delegation if nobody did since `version`; otherwise StaleRecord and nothing
 * written. Members no longer in the delegation leave the items that named them. Audited.
 */
export async function reviseVisit(
	db: Kysely<Database>,
	actor: Actor,
	visitId: number,
	version: number,
	input: VisitInput,
	now = new Date()
): Promise<void> {
	authorize(actor, 'officer');
	await db.transaction().execute(async (tx) => {
		const before = await findVisitRow(tx, visitId);
		if (!before) throw new NotFound(m.visits_not_found());
		await checkVisitReferences(tx, input);
		if (
			!(await updateVisit(tx, visitId, version, { ...visitColumns(input), updated_at: now.toISOString() }))
		) {
			throw new StaleRecord((await findVisitForm(tx, visitId))?.values, m.visits_error_stale());
		}
		await replaceVisitMembers(tx, visitId, input.memberIds);
		await recordAction(tx, actor, {
			action: 'visit.revise',
			entityType: 'visit',
			entityId: visitId,
			before: toInputShape(before),
			after: input
		});
	});
}

function toInputShape(row: NonNullable<Awaited<ReturnType<typeof findVisitRow>>>) {
	return {
		title: row.title,
		kind: row.kind,
		organizationId: row.organization_id,
		hostOrganizationId: row.host_organization_id,
		startsOn: row.starts_on,
		endsOn: row.ends_on,
		timeZone: row.time_zone,
		timing: row.timing,
		notes: row.notes
	};
}

// ——— The programme ——————————————————————————————————————————————————————————————————————————————————

export interface ItemFormChoices {
	members: MemberView[];
	/** Events of the visit's days (a day either side), to link as a meeting. */
	events: { id: number; label: string }[];
	timeZone: string;
}

const EVENTS_OFFERED = 100;

/** What the item form offers: the delegation and the events of the visit's days. Null: no such visit. */
export async function getItemFormChoices(
	db: Kysely<Database>,
	visitId: number
): Promise<{ visit: VisitView; choices: ItemFormChoices } | null> {
	const [row, members] = await Promise.all([findVisit(db, visitId), listVisitMembers(db, visitId)]);
	if (!row) return null;
	const from = new Date(Date.parse(`${row.starts_on}T00:00:00Z`) - 2 * DAY_MS).toISOString();
	const to = new Date(Date.parse(`${row.ends_on}T00:00:00Z`) + 3 * DAY_MS).toISOString();
	const events = await listEventsAround(db, from, to, EVENTS_OFFERED);
	return {
		visit: toVisitView(row),
		choices: {
			members: members.map(toMemberView),
			timeZone: row.time_zone,
			events: events.map((e) => ({
				id: e.id,
				label: `${instantToZoned(e.start_at, e.time_zone).replace('T', ' ')} ${e.title}`
			}))
		}
	};
}

/** An item's edit form, or null when the visit has no such item. */
export async function findItemForm(db: Kysely<Database>, visitId: number, itemId: number) {
	const [row, named] = await Promise.all([findVisitItemRow(db, itemId), listItemPeople(db, visitId)]);
	if (!row || row.visit_id !== visitId) return null;
	const zone = row.time_zone ?? '';
	const values: ItemFormValues = {
		kind: row.kind,
		eventId: formText(row.event_id),
		title: formText(row.title),
		start: row.start_at ? instantToZoned(row.start_at, zone) : '',
		end: row.end_at ? instantToZoned(row.end_at, zone) : '',
		timeZone: zone,
		place: formText(row.place),
		destination: formText(row.destination),
		flight: formText(row.flight),
		greeter: formText(row.greeter),
		vehicle: formText(row.vehicle),
		driver: formText(row.driver),
		notes: formText(row.notes),
		forEveryone: row.for_everyone === 1 ? 'on' : '',
		personIds: named
			.filter((n) => n.item_id === itemId)
			.map((n) => n.person_id)
			.join(','),
		timing: row.timing,
		version: String(row.version)
	};
	return values;
}

function itemColumns(input: ItemInput) {
	if (input.kind === 'meeting') {
		return {
			kind: input.kind,
			event_id: input.eventId,
			title: null,
			start_at: null,
			end_at: null,
			time_zone: null,
			place: null,
			destination: null,
			flight: null,
			greeter: null,
			vehicle: null,
			driver: null,
			notes: input.notes,
			for_everyone: 1 as const,
			timing: 'exact' as const
		};
	}
	return {
		kind: input.kind,
		event_id: null,
		title: input.title,
		start_at: input.startAt,
		end_at: input.endAt,
		time_zone: input.timeZone,
		place: input.place,
		destination: input.destination,
		flight: input.flight,
		greeter: input.greeter,
		vehicle: input.vehicle,
		driver: input.driver,
		notes: input.notes,
		for_everyone: input.forEveryone ? (1 as const) : (0 as const),
		timing: input.timing
	};
}

/** The visit must exist, a meeting's event too, and whom an item names must be of the delegation. */
async function checkItem(tx: Kysely<Database>, visitId: number, input: ItemInput) {
	const visit = await findVisitRow(tx, visitId);
	if (!visit) throw new NotFound(m.visits_not_found());
	if (input.kind === 'meeting' && (await findEventStart(tx, input.eventId)) === null) {
		throw new RuleViolation(m.visits_error_no_event(), {
			eventId: m.visits_error_choose_event()
		});
	}
	if (input.kind !== 'meeting' && !input.forEveryone) {
		const members = new Set((await listVisitMembers(tx, visitId)).map((member) => member.id));
		if (input.personIds.some((id) => !members.has(id))) {
			const message = m.visits_error_members_only();
			throw new RuleViolation(message, { personIds: message });
		}
	}
	return visit;
}

/** Where an item starting at `startAt` goes: before the first item that starts later. */
async function positionFor(tx: Kysely<Database>, visitId: number, startAt: string | null) {
	const items = await listVisitItems(tx, visitId);
	const later = startAt === null ? undefined : items.find((item) => item.start_at! > startAt);
	if (later) {
		await shiftVisitItems(tx, visitId, later.position);
		return later.position;
	}
	return items.length === 0 ? 0 : Math.max(...items.map((item) => item.position)) + 1;
}

/** Adds an item to the programme where its start falls; audited. */
export async function addVisitItem(
	db: Kysely<Database>,
	actor: Actor,
	visitId: number,
	input: ItemInput,
	now = new Date()
): Promise<number> {
	authorize(actor, 'officer');
	return db.transaction().execute(async (tx) => {
		await checkItem(tx, visitId, input);
		const startAt = input.kind === 'meeting' ? await findEventStart(tx, input.eventId) : input.startAt;
		const at = now.toISOString();
		const { id } = await insertVisitItem(tx, {
			...itemColumns(input),
			visit_id: visitId,
			position: await positionFor(tx, visitId, startAt),
			created_at: at,
			updated_at: at
		});
		if (input.kind !== 'meeting') await replaceItemPeople(tx, id, input.personIds);
		await recordAction(tx, actor, {
			action: 'visit_item.create',
			entityType: 'visit_item',
			entityId: id,
			eventId: input.kind === 'meeting' ? input.eventId : null,
			after: { visitId, ...input }
		});
		return id;
	});
}

/** Saves every field of the item if nobody did since `version`; otherwise StaleRecord. Audited. */
export async function reviseVisitItem(
	db: Kysely<Database>,
	actor: Actor,
	visitId: number,
	itemId: number,
	version: number,
	input: ItemInput,
	now = new Date()
): Promise<void> {
	authorize(actor, 'officer');
	await db.transaction().execute(async (tx) => {
		const before = await findVisitItemRow(tx, itemId);
		if (!before || before.visit_id !== visitId) throw new NotFound(m.visits_item_not_found());
		await checkItem(tx, visitId, input);
		if (
			!(await updateVisitItem(tx, itemId, version, { ...itemColumns(input), updated_at: now.toISOString() }))
		) {
			throw new StaleRecord(await findItemForm(tx, visitId, itemId), m.visits_error_item_stale());
		}
		await replaceItemPeople(tx, itemId, input.kind === 'meeting' ? [] : input.personIds);
		await recordAction(tx, actor, {
			action: 'visit_item.revise',
			entityType: 'visit_item',
			entityId: itemId,
			eventId: input.kind === 'meeting' ? input.eventId : before.event_id,
			before,
			after: input
		});
	});
}

/** Takes an item out of the programme (a meeting's event stays); audited. */
export async function removeVisitItem(
	db: Kysely<Database>,
	actor: Actor,
	visitId: number,
	itemId: number
): Promise<void> {
	authorize(actor, 'officer');
	await db.transaction().execute(async (tx) => {
		const before = await findVisitItemRow(tx, itemId);
		if (!before || before.visit_id !== visitId) throw new NotFound(m.visits_item_not_found());
		await deleteVisitItem(tx, itemId);
		await recordAction(tx, actor, {
			action: 'visit_item.remove',
			entityType: 'visit_item',
			entityId: itemId,
			eventId: before.event_id,
			before
		});
	});
}

/** Moves an item one place up or down the programme (nothing at either end); audited. */
export async function moveVisitItem(
	db: Kysely<Database>,
	actor: Actor,
	visitId: number,
	itemId: number,
	direction: 'up' | 'down',
	now = new Date()
): Promise<void> {
	authorize(actor, 'officer');
	await db.transaction().execute(async (tx) => {
		const items = await listVisitItems(tx, visitId);
		const index = items.findIndex((item) => item.id === itemId);
		if (index < 0) throw new NotFound(m.visits_item_not_found());
		const other = items[direction === 'up' ? index - 1 : index + 1];
		if (!other) return;
		const at = now.toISOString();
		// Numbered 0, 1, 2 … in the order shown, the two swapped: no two items ever share a place.
		const order = items.map((item) => item.id);
		const otherIndex = order.indexOf(other.id);
		[order[index], order[otherIndex]] = [other.id, itemId];
		for (const [position, id] of order.entries()) {
			if (items.find((item) => item.id === id)!.position !== position) {
				await setVisitItemPosition(tx, id, position, at);
			}
		}
		await recordAction(tx, actor, {
			action: 'visit_item.move',
			entityType: 'visit_item',
			entityId: itemId,
			after: { visitId, direction }
		});
	});
}
