/**
 * Seating plans: one per event, generated from the order of precedence and then moved seat by seat.
 * Every signed-in reader may see a plan (guests' needs on it only for officers); only officers change
 * it. Each saved change moves the plan on one version and records what moved (guest, from seat, to
 * seat), so that a change made after the plan was printed shows as such. Writes check the version the
 * officer saw, refuse a seat beyond its table or a guest of another event with a message, and write all
 * or nothing in one transaction, audited.
 */
import { m } from '../../paraglide/messages.js';
import type { Kysely, Transaction } from 'kysely';
import { recordAction, type Actor } from '../audit/audit';
import { hasRole } from '../auth/access';
import { authorize } from '../auth/authorize';
import type { Database } from '../db/schema';
import { Conflict, NotFound, RuleViolation } from '../errors';
import { findEvent } from '../events/event.repository';
import { getEventNeeds } from '../guest-needs/guest-needs.service';
import type { GuestNeeds } from '../guest-needs/guest-needs.view';
import { describeSpan } from '../participants/participant.view';
import { listDelegations } from '../participants/participant.repository';
import type { SeatRef, SeatingGenerateInput, SeatingTableInput } from './seating.input';
import {
	findWarnings,
	generateBanquet,
	generateBilateral,
	type GeneratedTable,
	type SeatingGuest,
	type SeatingWarning
} from './seating.layout';
import {
	bumpPlanVersion,
	deleteSeat,
	deleteTable,
	deleteTablesOfPlan,
	findPlanOfEvent,
	insertChanges,
	insertPlan,
	insertSeats,
	insertTable,
	listChangesAfter,
	listGuests,
	listSeats,
	listTables,
	setPrintedVersion,
	updateTable,
	type SeatingGuestRow,
	type SeatingPlanRow,
	type SeatingTableRow,
	type SeatRow
} from './seating.repository';
import {
	guestFacts,
	placedGuests,
	seatLabel,
	toChangeView,
	toGuestChoices,
	toTableViews,
	type GuestChoice,
	type SeatingChangeView,
	type TableView
} from './seating.view';

/** A seating plan is bounded as a printed list is: an event with more guests than this says so. */
export const SEATING_LIMIT = 1000;
const CHANGES_SHOWN = 200;

export interface SeatingPlanView {
	event: { id: number; title: string; when: string; venue: string | null; kind: string };
	/** Officers may change the plan; they alone see guests' needs on it. */
	canEdit: boolean;
	plan: {
		version: number;
		printedVersion: number | null;
		layout: 'banquet' | 'bilateral';
		keepDelegations: boolean;
		alternateHosts: boolean;
	} | null;
	tables: TableView[];
	/** Officers only, as the guest list below: they tell who declined or has not answered. */
	warnings: SeatingWarning[];
	/** What moved since the version last printed (every change when never printed), newest first. */
	changes: SeatingChangeView[];
	guests: GuestChoice[];
	/** The generate form's first values: a bilateral meeting's event suggests its layout. */
	suggestedLayout: 'banquet' | 'bilateral';
	truncated: boolean;
}

/**
 * The seating plan of an event as its pages show it, guests' needs as marks for officers (unless
 * `needs` is false: printouts travel); null when there is no such event. Ten queries at most, whatever
 * the number of guests.
 */
export async function findSeatingPlan(
	db: Kysely<Database>,
	actor: Actor,
	eventId: number,
	{ needs: showNeeds = true }: { needs?: boolean } = {}
): Promise<SeatingPlanView | null> {
	const officer = actor.role === 'system' || hasRole({ role: actor.role }, 'officer');
	const [event, plan, rows, needs] = await Promise.all([
		findEvent(db, eventId),
		findPlanOfEvent(db, eventId),
		listGuests(db, eventId, SEATING_LIMIT),
		officer && showNeeds ? getEventNeeds(db, actor, eventId) : null
	]);
	if (!event) return null;
	const guests = rows.slice(0, SEATING_LIMIT);
	const [tables, seats, changes] = plan
		? await Promise.all([
				listTables(db, plan.id),
				listSeats(db, plan.id),
				listChangesAfter(db, plan.id, plan.printed_version ?? 0, CHANGES_SHOWN)
			])
		: [[], [], []];
	const placed = placedGuests(tables, seats);
	// The warnings and the forms' guest list tell who declined or has not answered: officers only, as
	// the participants page is.
	const warnings = plan && officer ? findWarnings(placed, guestFacts(guests), rulesOf(plan)) : [];
	const needsById = needs ? new Map<number, GuestNeeds>(needs.guests.map((g) => [g.participantId, g])) : null;
	const venue = event.venue_name ? [event.venue_name, event.venue_city].filter(Boolean).join(', ') : null;
	return {
		event: {
			id: event.id,
			title: event.title,
			when: describeSpan(event.start_at, event.end_at, event.time_zone, event.all_day === 1),
			venue,
			kind: event.kind
		},
		canEdit: officer,
		plan: plan
			? {
					version: plan.version,
					printedVersion: plan.printed_version,
					layout: plan.layout,
					...rulesOf(plan)
				}
			: null,
		tables: toTableViews(tables, seats, guests, needsById, new Set(warnings.map((w) => w.participantId))),
		warnings,
		changes: changes.slice(0, CHANGES_SHOWN).map(toChangeView),
		guests: officer ? toGuestChoices(guests, placed) : [],
		suggestedLayout: event.kind === 'bilateral_meeting' ? 'bilateral' : 'banquet',
		truncated: rows.length > SEATING_LIMIT
	};
}

const rulesOf = (plan: SeatingPlanRow) => ({
	keepDelegations: plan.keep_delegations === 1,
	alternateHosts: plan.alternate_hosts === 1
});

const stale = (version: number) => new Conflict(m.seating_error_stale({ version }));

interface Move {
	participantId: number | null;
	guestName: string | null;
	from: string | null;
	to: string | null;
	summary?: string;
}

interface PlanState {
	plan: SeatingPlanRow;
	tables: SeatingTableRow[];
	seats: SeatRow[];
	guests: SeatingGuestRow[];
}

/**
 * Loads the event's plan at the version the officer saw, runs `change`, then moves the plan on one
 * version and records what moved, with the audit entry. Nothing moved, nothing written.
 */
async function changePlan(
	db: Kysely<Database>,
	actor: Actor,
	eventId: number,
	version: number | null,
	action: string,
	change: (tx: Transaction<Database>, state: PlanState) => Promise<Move[]>,
	now: Date
): Promise<void> {
	authorize(actor, 'officer');
	await db.transaction().execute(async (tx) => {
		const plan = await findPlanOfEvent(tx, eventId);
		if (!plan) {
			if (!(await findEvent(tx, eventId))) throw new NotFound(m.seating_error_no_such_event());
			throw new RuleViolation(m.seating_error_no_plan_yet());
		}
		if (version !== plan.version) throw stale(plan.version);
		const [tables, seats, guests] = await Promise.all([
			listTables(tx, plan.id),
			listSeats(tx, plan.id),
			listGuests(tx, eventId, SEATING_LIMIT)
		]);
		const moves = await change(tx, { plan, tables, seats, guests });
		if (moves.length === 0) return;
		const at = now.toISOString();
		if (!(await bumpPlanVersion(tx, plan.id, plan.version, { updated_at: at }))) throw stale(plan.version);
		await insertChanges(
			tx,
			moves.map((move) => ({
				plan_id: plan.id,
				version: plan.version + 1,
				participant_id: move.participantId,
				guest_name: move.guestName,
				from_seat: move.from,
				to_seat: move.to,
				summary: move.summary ?? null,
				changed_at: at
			}))
		);
		await recordAction(tx, actor, {
			action,
			entityType: 'seating_plan',
			entityId: plan.id,
			eventId,
			before: { version: plan.version },
			after: { version: plan.version + 1, moved: moves }
		});
	});
}

/**
 * A write of the plan that takes `input`: the officer's role checked, the plan loaded at `version`, then
 * `change` (what it returns is what moved), the version moved on and the audit entry written.
 */
function planWrite<Input>(
	action: string,
	change: (tx: Transaction<Database>, state: PlanState, input: Input) => Promise<Move[]>
) {
	return (
		db: Kysely<Database>,
		actor: Actor,
		eventId: number,
		version: number | null,
		input: Input,
		now = new Date()
	): Promise<void> =>
		changePlan(db, actor, eventId, version, action, (tx, state) => change(tx, state, input), now);
}

/** A change of the plan as a whole (a table added, removed, resized), said in a sentence. */
const note = (summary: string): Move => ({
	participantId: null,
	guestName: null,
	from: null,
	to: null,
	summary
});

const labelIn = (tables: SeatingTableRow[]) => (s: SeatRow) =>
	seatLabel(
		tables.find((t) => t.id === s.table_id)!,
		s.seat
	);

function nameOf(guests: SeatingGuestRow[], participantId: number): string {
	const row = guests.find((g) => g.id === participantId);
	return row ? [row.honorific, row.given_name, row.family_name].filter(Boolean).join(' ') : 'A guest';
}

/** The table and seat asked for, or a message beside the field: a table of another plan, a seat beyond it. */
function seatOf(tables: SeatingTableRow[], ref: SeatRef, field: string): SeatingTableRow {
	const table = tables.find((t) => t.id === ref.tableId);
	if (!table)
		throw new RuleViolation(m.seating_error_no_such_table(), {
			[field]: m.seating_error_table_of_plan()
		});
	if (ref.seat < 1 || ref.seat > table.seats) {
		const message = m.seating_error_seat_range({ table: table.name, seats: table.seats });
		throw new RuleViolation(message, { [field]: message });
	}
	return table;
}

function guestOf(guests: SeatingGuestRow[], participantId: number, field = 'participantId'): SeatingGuestRow {
	const row = guests.find((g) => g.id === participantId);
	if (!row) {
		const message = m.seating_error_not_a_guest();
		throw new RuleViolation(message, { [field]: message });
	}
	return row;
}

const INTERPRETER = /\b(interpret|translat|note[- ]?tak|rapporteur|minute[- ]?tak)/i;

/** Who the rules seat: everyone expected (not declined, not a no-show), by precedence. */
function seatingGuests(rows: SeatingGuestRow[]): SeatingGuest[] {
	return rows
		.map((row, rank) => ({ row, rank }))
		.filter(({ row }) => row.rsvp_status !== 'declined' && row.rsvp_status !== 'no_show')
		.map(({ row, rank }) => ({
			participantId: row.id,
			rank,
			isHost: row.role === 'host',
			isHead: row.role === 'head_of_delegation',
			delegationId: row.delegation_id,
			sitsBehind:
				row.role === 'observer' ||
				INTERPRETER.test(row.position_at_event ?? '') ||
				INTERPRETER.test(row.current_position ?? '')
		}));
}

/**
 * Makes the event's plan afresh from the order of precedence (replacing the tables and seats it had, at
 * the version the officer saw; null when it had none): a banquet's top table and further tables, or a
 * bilateral table with its rows behind. Declined guests get no seat. Audited; recorded as one change.
 */
export async function generateSeatingPlan(
	db: Kysely<Database>,
	actor: Actor,
	eventId: number,
	version: number | null,
	input: SeatingGenerateInput,
	now = new Date()
): Promise<void> {
	authorize(actor, 'officer');
	await db.transaction().execute((tx) => writeGeneratedPlan(tx, actor, eventId, version, input, now));
}

/** generateSeatingPlan's writes, inside the caller's transaction (the demo data's loader has its own). */
export async function writeGeneratedPlan(
	tx: Transaction<Database>,
	actor: Actor,
	eventId: number,
	version: number | null,
	input: SeatingGenerateInput,
	now: Date
): Promise<void> {
	const at = now.toISOString();
	const event = await findEvent(tx, eventId);
	if (!event) throw new NotFound(m.seating_error_no_such_event());
	const existing = await findPlanOfEvent(tx, eventId);
	if ((existing?.version ?? null) !== version) {
		throw existing ? stale(existing.version) : new Conflict(m.seating_error_plan_removed());
	}
	const rows = await listGuests(tx, eventId, SEATING_LIMIT);
	if (rows.length > SEATING_LIMIT) {
		throw new RuleViolation(m.seating_error_too_many({ max: SEATING_LIMIT }));
	}
	const guests = seatingGuests(rows);
	if (guests.length === 0) throw new RuleViolation(m.seating_error_nobody());
	let tables: GeneratedTable[];
	if (input.layout === 'bilateral') {
		const delegations = await listDelegations(tx, eventId);
		const hostDelegation =
			delegations.find((d) => rows.some((r) => r.delegation_id === d.id && r.role === 'host'))?.id ??
			delegations[0]?.id ??
			null;
		tables = generateBilateral(guests, (g) =>
			g.delegationId === null ? (g.isHost ? 1 : 2) : g.delegationId === hostDelegation ? 1 : 2
		);
	} else {
		tables = generateBanquet(guests, { ...input, layout: 'banquet' });
	}
	const rules = {
		layout: input.layout,
		keep_delegations: input.keepDelegations ? 1 : 0,
		alternate_hosts: input.alternateHosts ? 1 : 0,
		updated_at: at
	};
	let planId: number;
	let newVersion: number;
	if (existing) {
		if (!(await bumpPlanVersion(tx, existing.id, existing.version, rules))) throw stale(existing.version);
		await deleteTablesOfPlan(tx, existing.id);
		planId = existing.id;
		newVersion = existing.version + 1;
	} else {
		planId = (await insertPlan(tx, { event_id: eventId, ...rules, created_at: at })).id;
		newVersion = 1;
	}
	const seats: { table_id: number; seat: number; participant_id: number }[] = [];
	for (const [i, table] of tables.entries()) {
		const { id } = await insertTable(tx, {
			plan_id: planId,
			position: i + 1,
			name: table.name,
			shape: table.shape,
			seats: table.seats,
			side: table.side
		});
		table.seated.forEach((participantId, s) => {
			if (participantId !== null) seats.push({ table_id: id, seat: s + 1, participant_id: participantId });
		});
	}
	await insertSeats(tx, seats);
	const summary =
		`Generated from precedence: ${input.layout === 'bilateral' ? 'a bilateral meeting' : 'a meal or reception'}, ` +
		`${tables.length} ${tables.length === 1 ? 'table' : 'tables'}, ${seats.length} guests seated` +
		(input.keepDelegations ? ', delegations kept together' : '') +
		(input.alternateHosts ? ', hosts and guests alternating' : '') +
		'.';
	await insertChanges(tx, [
		{
			plan_id: planId,
			version: newVersion,
			participant_id: null,
			guest_name: null,
			from_seat: null,
			to_seat: null,
			summary,
			changed_at: at
		}
	]);
	await recordAction(tx, actor, {
		action: 'seating.generate',
		entityType: 'seating_plan',
		entityId: planId,
		eventId,
		before: existing ? { version: existing.version } : null,
		after: { version: newVersion, ...rules, tables: tables.length, seated: seats.length }
	});
}

/**
 * Seats a guest at a seat. Their seat (or seats) before is left; whoever sat at the seat asked for takes
 * the guest's former seat, or has none when the guest had none.
 */
export const seatGuest = planWrite<{ participantId: number; to: SeatRef }>(
	'seating.move',
	async (tx, { tables, seats, guests }, input) => {
		const guest = guestOf(guests, input.participantId);
		const table = seatOf(tables, input.to, 'to');
		const to = seatLabel(table, input.to.seat);
		const theirs = seats.filter((s) => s.participant_id === guest.id);
		const occupant = seats.find((s) => s.table_id === table.id && s.seat === input.to.seat);
		if (occupant?.participant_id === guest.id && theirs.length === 1) return [];
		const labelOf = labelIn(tables);
		const moves: Move[] = [];
		for (const s of theirs) await deleteSeat(tx, s.table_id, s.seat);
		if (occupant && occupant.participant_id !== guest.id) {
			await deleteSeat(tx, occupant.table_id, occupant.seat);
			const freed = theirs[0];
			if (freed)
				await insertSeats(tx, [
					{ table_id: freed.table_id, seat: freed.seat, participant_id: occupant.participant_id }
				]);
			moves.push({
				participantId: occupant.participant_id,
				guestName: nameOf(guests, occupant.participant_id),
				from: to,
				to: freed ? labelOf(freed) : null
			});
		}
		await insertSeats(tx, [{ table_id: table.id, seat: input.to.seat, participant_id: guest.id }]);
		moves.unshift({
			participantId: guest.id,
			guestName: nameOf(guests, guest.id),
			from: theirs.length > 0 ? theirs.map(labelOf).join(' and ') : null,
			to
		});
		return moves;
	}
);

/** Swaps whoever sits at two seats (either may be empty: then it is a move). */
export const swapSeats = planWrite<{ a: SeatRef; b: SeatRef }>(
	'seating.swap',
	async (tx, { tables, seats, guests }, input) => {
		const tableA = seatOf(tables, input.a, 'a');
		const tableB = seatOf(tables, input.b, 'b');
		if (tableA.id === tableB.id && input.a.seat === input.b.seat) return [];
		const at = (t: SeatingTableRow, seat: number) =>
			seats.find((s) => s.table_id === t.id && s.seat === seat);
		const inA = at(tableA, input.a.seat);
		const inB = at(tableB, input.b.seat);
		if (!inA && !inB) return [];
		const labelA = seatLabel(tableA, input.a.seat);
		const labelB = seatLabel(tableB, input.b.seat);
		if (inA) await deleteSeat(tx, tableA.id, input.a.seat);
		if (inB) await deleteSeat(tx, tableB.id, input.b.seat);
		const moves: Move[] = [];
		if (inA) {
			await insertSeats(tx, [
				{ table_id: tableB.id, seat: input.b.seat, participant_id: inA.participant_id }
			]);
			moves.push({
				participantId: inA.participant_id,
				guestName: nameOf(guests, inA.participant_id),
				from: labelA,
				to: labelB
			});
		}
		if (inB) {
			await insertSeats(tx, [
				{ table_id: tableA.id, seat: input.a.seat, participant_id: inB.participant_id }
			]);
			moves.push({
				participantId: inB.participant_id,
				guestName: nameOf(guests, inB.participant_id),
				from: labelB,
				to: labelA
			});
		}
		return moves;
	}
);

/** Takes a guest's seat (or seats) away. */
export const unseatGuest = planWrite<{ participantId: number }>(
	'seating.unseat',
	async (tx, { tables, seats, guests }, { participantId }) => {
		const guest = guestOf(guests, participantId);
		const theirs = seats.filter((s) => s.participant_id === guest.id);
		for (const s of theirs) await deleteSeat(tx, s.table_id, s.seat);
		return theirs.map((s) => ({
			participantId: guest.id,
			guestName: nameOf(guests, guest.id),
			from: labelIn(tables)(s),
			to: null
		}));
	}
);

/** Adds a table after the others, empty. */
export const addSeatingTable = planWrite<SeatingTableInput>(
	'seating.add_table',
	async (tx, { plan, tables }, input) => {
		if (tables.some((t) => t.name.toLowerCase() === input.name.toLowerCase())) {
			throw new RuleViolation(m.seating_error_name_taken(), { name: m.seating_error_name_taken() });
		}
		const position = Math.max(0, ...tables.map((t) => t.position)) + 1;
		await insertTable(tx, { plan_id: plan.id, position, ...input, side: null });
		return [note(`Added ${input.name} (${input.seats} seats).`)];
	}
);

/** Renames a table or changes its shape or seats; a table cannot lose a seat someone sits at. */
export const changeSeatingTable = planWrite<SeatingTableInput & { tableId: number }>(
	'seating.change_table',
	async (tx, { tables, seats }, { tableId, ...input }) => {
		const table = seatOf(tables, { tableId, seat: 1 }, 'tableId');
		if (tables.some((t) => t.id !== table.id && t.name.toLowerCase() === input.name.toLowerCase())) {
			throw new RuleViolation(m.seating_error_name_taken(), { name: m.seating_error_name_taken() });
		}
		const last = Math.max(0, ...seats.filter((s) => s.table_id === table.id).map((s) => s.seat));
		if (input.seats < last) {
			const message = m.seating_error_seat_taken({ seat: last, table: table.name });
			throw new RuleViolation(message, { seats: message });
		}
		// A bilateral table and its rows keep their shape: their seats are counted by side.
		const shape = table.shape === 'facing' || table.shape === 'behind' ? table.shape : input.shape;
		if (table.name === input.name && table.seats === input.seats && table.shape === shape) return [];
		await updateTable(tx, table.id, { name: input.name, shape, seats: input.seats });
		const renamed = input.name === table.name ? '' : `${input.name}, `;
		return [note(`${table.name} is now ${renamed}${input.seats} seats.`)];
	}
);

/** Takes a table away; its guests lose their seats (the plan then warns they have none). */
export const removeSeatingTable = planWrite<{ tableId: number }>(
	'seating.remove_table',
	async (tx, { tables, seats, guests }, { tableId }) => {
		const table = seatOf(tables, { tableId, seat: 1 }, 'tableId');
		await deleteTable(tx, table.id);
		return [
			note(`Removed ${table.name}.`),
			...seats
				.filter((s) => s.table_id === table.id)
				.map((s) => ({
					participantId: s.participant_id,
					guestName: nameOf(guests, s.participant_id),
					from: seatLabel(table, s.seat),
					to: null
				}))
		];
	}
);

/**
 * Marks the version the officer printed (or sent out) as the one printed: the plan page then shows only
 * what moved after it. Refused when the plan moved on since.
 */
export async function markSeatingPrinted(
	db: Kysely<Database>,
	actor: Actor,
	eventId: number,
	version: number | null
): Promise<void> {
	authorize(actor, 'officer');
	await db.transaction().execute(async (tx) => {
		const plan = await findPlanOfEvent(tx, eventId);
		if (!plan) throw new NotFound(m.seating_error_no_plan());
		if (version !== plan.version || !(await setPrintedVersion(tx, plan.id, plan.version)))
			throw stale(plan.version);
		await recordAction(tx, actor, {
			action: 'seating.printed',
			entityType: 'seating_plan',
			entityId: plan.id,
			eventId,
			before: { printedVersion: plan.printed_version },
			after: { printedVersion: plan.version }
		});
	});
}
