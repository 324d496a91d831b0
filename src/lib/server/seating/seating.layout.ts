/**
 * The geometry and the rules of a seating plan, pure: where a seat is (counted the protocol way: 1 the
 * centre, then the centre's right, left, second right, second left …), the order guests are seated in
 * from precedence, and what is wrong with a plan as it stands. No database, no HTTP.
 */
import { m } from '../../paraglide/messages.js';
import { getLocale } from '../../paraglide/runtime.js';

export type TableShape = 'round' | 'long' | 'facing' | 'behind';
export type Layout = 'banquet' | 'bilateral';

export interface TableSpec {
	shape: TableShape;
	seats: number;
	/** For a row behind a bilateral table: behind side 1 or 2. */
	side: number | null;
}

export interface SeatPlace {
	/** The side of a facing table (1 or 2); 1 for any other table. */
	side: number;
	hand: 'centre' | 'right' | 'left';
	/** Seats away from the centre: 0 for the centre. */
	distance: number;
}

/** Where seat `seat` (1-based) of a table is, relative to its centre. */
export function seatPlace(table: TableSpec, seat: number): SeatPlace {
	let side = table.side ?? 1;
	let k = seat;
	if (table.shape === 'facing') {
		const perSide = Math.ceil(table.seats / 2);
		side = seat > perSide ? 2 : 1;
		k = seat > perSide ? seat - perSide : seat;
	}
	if (k === 1) return { side, hand: 'centre', distance: 0 };
	return k % 2 === 0
		? { side, hand: 'right', distance: k / 2 }
		: { side, hand: 'left', distance: (k - 1) / 2 };
}

const NEAREST = {
	right: [m.seating_place_right_1, m.seating_place_right_2, m.seating_place_right_3],
	left: [m.seating_place_left_1, m.seating_place_left_2, m.seating_place_left_3]
};

/** "centre", "2nd on the right", in the reader's language. */
export function describePlace(place: SeatPlace): string {
	if (place.hand === 'centre') return m.seating_place_centre();
	const nearest = NEAREST[place.hand][place.distance - 1];
	if (nearest) return nearest();
	const further = place.hand === 'right' ? m.seating_place_right : m.seating_place_left;
	return further({ number: place.distance });
}

/** A guest as the rules see them: their rank in the event's order of precedence (0 the highest). */
export interface SeatingGuest {
	participantId: number;
	rank: number;
	isHost: boolean;
	/** A head of delegation: at the centre of their side at a bilateral meeting. */
	isHead: boolean;
	delegationId: number | null;
	/** Interpreters and note-takers sit behind at a bilateral meeting. */
	sitsBehind: boolean;
}

export interface GenerateOptions {
	layout: Layout;
	/** Banquet: the top table's shape and seats, and every other table's. */
	topShape: 'round' | 'long';
	topSeats: number;
	shape: 'round' | 'long';
	seatsPerTable: number;
	keepDelegations: boolean;
	alternateHosts: boolean;
}

export interface GeneratedTable extends TableSpec {
	name: string;
	/** Participant ids by seat number (index 0 is seat 1); null: an empty seat. */
	seated: (number | null)[];
}

/** Each delegation's members moved up to follow its first (highest) member, in their order. */
function withDelegationsTogether(guests: SeatingGuest[]): SeatingGuest[] {
	const blocks = new Map<number | string, SeatingGuest[]>();
	for (const guest of guests) {
		const key = guest.delegationId ?? `alone-${guest.participantId}`;
		const block = blocks.get(key);
		if (block) block.push(guest);
		else blocks.set(key, [guest]);
	}
	return [...blocks.values()].flat();
}

/**
 * The order a banquet seats its guests in, from seat 1 of the top table onward: the host, the guest of
 * honour (the highest guest who is not a host), then everyone by precedence; with hosts alternating, the
 * seats go guest, guest, host, host … so that each side of the table alternates; with delegations kept
 * together, a delegation follows its highest member.
 */
export function banquetOrder(
	guests: SeatingGuest[],
	options: Pick<GenerateOptions, 'keepDelegations' | 'alternateHosts'>
) {
	const byRank = [...guests].sort((a, b) => a.rank - b.rank);
	const host = byRank.find((g) => g.isHost) ?? byRank[0];
	if (!host) return [];
	const rest = byRank.filter((g) => g !== host);
	const together = (list: SeatingGuest[]) => (options.keepDelegations ? withDelegationsTogether(list) : list);
	if (!options.alternateHosts) return [host, ...together(rest)];
	const visitors = together(rest.filter((g) => !g.isHost));
	const hosts = together(rest.filter((g) => g.isHost));
	const order = [host];
	for (let k = 2; visitors.length + hosts.length > 0; k++) {
		const wanted = Math.floor((k - 2) / 2) % 2 === 0 ? visitors : hosts;
		order.push((wanted.length > 0 ? wanted : wanted === visitors ? hosts : visitors).shift()!);
	}
	return order;
}

/** A banquet: the top table seated from its centre, then further tables, each from its own centre. */
export function generateBanquet(guests: SeatingGuest[], options: GenerateOptions): GeneratedTable[] {
	const order = banquetOrder(guests, options).map((g) => g.participantId);
	const tables: GeneratedTable[] = [
		{ name: m.seating_top_table(), shape: options.topShape, seats: options.topSeats, side: null, seated: [] }
	];
	let at = 0;
	tables[0]!.seated = order.slice(0, options.topSeats);
	at = options.topSeats;
	while (at < order.length) {
		tables.push({
			name: m.seating_add_default_name({ number: tables.length + 1 }),
			shape: options.shape,
			seats: options.seatsPerTable,
			side: null,
			seated: order.slice(at, at + options.seatsPerTable)
		});
		at += options.seatsPerTable;
	}
	return tables;
}

/**
 * A bilateral meeting: one long table, the hosts' delegation on side 1 and the visitors' on side 2
 * facing them, heads of delegation at the centre and members by precedence outward (right, left,
 * right …); interpreters and note-takers in a row behind their side.
 */
export function generateBilateral(
	guests: SeatingGuest[],
	sideOf: (guest: SeatingGuest) => 1 | 2
): GeneratedTable[] {
	const byRank = [...guests].sort((a, b) => a.rank - b.rank);
	const front = (side: 1 | 2) => byRank.filter((g) => sideOf(g) === side && !g.sitsBehind);
	const behind = (side: 1 | 2) => byRank.filter((g) => sideOf(g) === side && g.sitsBehind);
	// The head first: a head of delegation or host, else whoever ranks highest on the side.
	const headFirst = (list: SeatingGuest[]) => {
		const head = list.find((g) => g.isHead || g.isHost) ?? list[0];
		return head ? [head, ...list.filter((g) => g !== head)] : [];
	};
	const one = headFirst(front(1));
	const two = headFirst(front(2));
	const perSide = Math.max(one.length, two.length, 1);
	const pad = (list: SeatingGuest[]) =>
		Array.from({ length: perSide }, (_, i) => list[i]?.participantId ?? null);
	const tables: GeneratedTable[] = [
		{
			name: m.seating_table_meeting(),
			shape: 'facing',
			seats: perSide * 2,
			side: null,
			seated: [...pad(one), ...pad(two)]
		}
	];
	for (const side of [1, 2] as const) {
		const row = behind(side);
		if (row.length === 0) continue;
		tables.push({
			name: side === 1 ? m.seating_table_behind_hosts() : m.seating_table_behind_visitors(),
			shape: 'behind',
			seats: row.length,
			side,
			seated: row.map((g) => g.participantId)
		});
	}
	return tables;
}

export interface PlacedGuest {
	participantId: number;
	tableId: number;
	tableName: string;
	seat: number;
	place: SeatPlace;
}

export interface GuestFacts {
	name: string;
	rank: number;
	isHost: boolean;
	delegationId: number | null;
	/** Accepted, tentative, invited or attended: expected, so should have a seat. */
	expected: boolean;
}

export type SeatingWarning =
	| { kind: 'twice'; participantId: number; message: string }
	| { kind: 'unseated'; participantId: number; message: string }
	| { kind: 'declined'; participantId: number; message: string }
	| { kind: 'precedence'; participantId: number; message: string };

/**
 * What is wrong with a plan: a guest in two seats, an expected guest without a seat, a guest who will not
 * come in a seat, and a seat out of precedence — someone nearer the centre than a guest of higher
 * precedence on the same side of the same table. Under the plan's own rules: with delegations kept
 * together only members of one delegation are compared, with hosts alternating only hosts with hosts
 * and guests with guests.
 */
export function findWarnings(
	placed: PlacedGuest[],
	guests: Map<number, GuestFacts>,
	rules: { keepDelegations: boolean; alternateHosts: boolean }
): SeatingWarning[] {
	const warnings: SeatingWarning[] = [];
	const seatsOf = new Map<number, PlacedGuest[]>();
	for (const p of placed) seatsOf.set(p.participantId, [...(seatsOf.get(p.participantId) ?? []), p]);
	const label = (p: PlacedGuest) => m.seating_seat_label({ table: p.tableName, seat: p.seat });
	const nameOf = (id: number) => guests.get(id)?.name ?? m.seating_warning_guest_gone();
	for (const [id, seats] of seatsOf) {
		if (seats.length > 1) {
			warnings.push({
				kind: 'twice',
				participantId: id,
				message: m.seating_warning_twice({
					name: nameOf(id),
					seats: new Intl.ListFormat(getLocale(), { type: 'conjunction' }).format(seats.map(label))
				})
			});
		}
		const facts = guests.get(id);
		if (facts && !facts.expected) {
			warnings.push({
				kind: 'declined',
				participantId: id,
				message: m.seating_warning_declined({ name: facts.name, seat: label(seats[0]!) })
			});
		}
	}
	for (const [id, facts] of guests) {
		if (facts.expected && !seatsOf.has(id)) {
			warnings.push({
				kind: 'unseated',
				participantId: id,
				message: m.seating_warning_unseated({ name: facts.name })
			});
		}
	}
	const groups = new Map<string, PlacedGuest[]>();
	for (const p of placed) {
		if (p.place.hand === 'centre' || !guests.has(p.participantId)) continue;
		const key = `${p.tableId}/${p.place.side}/${p.place.hand}`;
		groups.set(key, [...(groups.get(key) ?? []), p]);
	}
	const comparable = (a: GuestFacts, b: GuestFacts) =>
		(!rules.keepDelegations || a.delegationId === b.delegationId) &&
		(!rules.alternateHosts || a.isHost === b.isHost);
	for (const group of groups.values()) {
		group.sort((a, b) => a.place.distance - b.place.distance);
		group.forEach((further, j) => {
			const f = guests.get(further.participantId)!;
			const nearer = group.slice(0, j).find((n) => {
				const facts = guests.get(n.participantId)!;
				return comparable(facts, f) && facts.rank > f.rank;
			});
			if (!nearer) return;
			warnings.push({
				kind: 'precedence',
				participantId: further.participantId,
				message: m.seating_warning_precedence({
					nearer: nameOf(nearer.participantId),
					nearerSeat: label(nearer),
					further: f.name,
					furtherSeat: label(further)
				})
			});
		});
	}
	return warnings;
}

/** A point of the drawn plan, in millimetres from the table's centre. */
export interface SeatPoint {
	x: number;
	y: number;
}

/** Millimetres between seats: around a round table, and along a long one (where names sit above). */
const SEAT_PITCH = 16;
const LONG_PITCH = 32;

/** Where a seat is drawn around its table (y grows downward; a table's centre seat faces the room's top). */
export function seatPoint(table: TableSpec, seat: number): SeatPoint {
	const place = seatPlace(table, seat);
	// Seen from above, a guest on side 1 faces down: their right hand is the drawing's left.
	const signed = place.hand === 'right' ? -place.distance : place.distance;
	const point = (x: number, y: number): SeatPoint => ({
		x: Math.round(x * 10) / 10 || 0,
		y: Math.round(y * 10) / 10 || 0
	});
	if (table.shape === 'round') {
		const radius = Math.max(22, (table.seats * SEAT_PITCH) / (2 * Math.PI) + 8);
		const angle = (signed * 2 * Math.PI) / table.seats;
		return {
			x: Math.round(radius * Math.sin(angle) * 10) / 10,
			y: Math.round(-radius * Math.cos(angle) * 10) / 10
		};
	}
	if (table.shape === 'facing') {
		// Side 2 faces up: its right hand is the drawing's right.
		return place.side === 1 ? point(signed * LONG_PITCH, -14) : point(-signed * LONG_PITCH, 14);
	}
	if (table.shape === 'behind') {
		return point((table.side === 2 ? -signed : signed) * LONG_PITCH, 0);
	}
	return point(signed * LONG_PITCH, -10);
}
