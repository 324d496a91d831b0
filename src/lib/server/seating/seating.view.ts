/** What the seating pages receive: tables with their seats drawn, warnings, what moved, the forms' choices. */
import { m } from '../../paraglide/messages.js';
import { rsvpStatuses, type RsvpStatus } from '../../vocabulary';
import { toPersonAtEvent } from '../events/event.view';
import type { GuestNeeds } from '../guest-needs/guest-needs.view';
import type { SeatingChangeTable } from '../db/schema';
import type { Selectable } from 'kysely';
import {
	describePlace,
	seatPlace,
	seatPoint,
	type GuestFacts,
	type PlacedGuest,
	type SeatingWarning,
	type TableShape
} from './seating.layout';
import type { SeatingGuestRow, SeatingPlanRow, SeatingTableRow, SeatRow } from './seating.repository';

/** Each shape's name, read in the reader's language. */
export const SHAPE_LABELS: Record<TableShape, () => string> = {
	round: m.seating_shape_round,
	long: m.seating_shape_long,
	facing: m.seating_shape_facing,
	behind: m.seating_shape_behind
};

/** Guests who will not come: listed, never expected at a seat. */
const AWAY: ReadonlySet<RsvpStatus> = new Set(['declined', 'no_show']);

export interface SeatedGuestView {
	participantId: number;
	/** The exact form of address: honorific, given and family name. */
	name: string;
	honorific: string | null;
	givenName: string;
	familyName: string;
	titles: string;
	/** Officers only: short marks of what the guest needs (diet, accessibility, interpretation). */
	marks: { short: string; long: string }[];
	warned: boolean;
}

export interface SeatView {
	seat: number;
	/** "3:2": table id and seat number, as the forms post a seat. */
	ref: string;
	/** "Top table, seat 2". */
	label: string;
	/** "centre", "1st on the right". */
	place: string;
	side: number;
	x: number;
	y: number;
	guests: SeatedGuestView[];
}

export interface TableView {
	id: number;
	position: number;
	name: string;
	shape: TableShape;
	shapeLabel: string;
	seats: number;
	side: number | null;
	seatViews: SeatView[];
	/** The drawing's box, in millimetres around the table's centre. */
	box: { x: number; y: number; width: number; height: number };
}

export interface GuestChoice {
	participantId: number;
	name: string;
	rsvpLabel: string;
	away: boolean;
	seats: string[];
}

export interface SeatingChangeView {
	version: number;
	guest: string | null;
	from: string | null;
	to: string | null;
	summary: string | null;
	at: string;
}

/** A seat as the plan's history keeps it, in English whoever moved the guest: "Top table, seat 2". */
export function seatLabel(table: Pick<SeatingTableRow, 'name'>, seat: number): string {
	return `${table.name}, seat ${seat}`;
}

/** A seat as the page says it, in the reader's language. */
const seatLabelShown = (tableName: string, seat: number) => m.seating_seat_label({ table: tableName, seat });

/** The rules' facts of each participant, by id. */
export function guestFacts(rows: SeatingGuestRow[]): Map<number, GuestFacts> {
	return new Map(
		rows.map((row, rank) => [
			row.id,
			{
				name: toPersonAtEvent(row).name,
				rank,
				isHost: row.role === 'host',
				delegationId: row.delegation_id,
				expected: !AWAY.has(row.rsvp_status)
			}
		])
	);
}

export function placedGuests(tables: SeatingTableRow[], seats: SeatRow[]): PlacedGuest[] {
	const byId = new Map(tables.map((t) => [t.id, t]));
	return seats.flatMap((s) => {
		const table = byId.get(s.table_id);
		return table
			? [
					{
						participantId: s.participant_id,
						tableId: table.id,
						tableName: table.name,
						seat: s.seat,
						place: seatPlace(table, s.seat)
					}
				]
			: [];
	});
}

function marksOf(needs: GuestNeeds | undefined): SeatedGuestView['marks'] {
	if (!needs) return [];
	const marks: SeatedGuestView['marks'] = [];
	const diet = [...needs.diet.map((d) => d.label), ...(needs.dietaryNote ? [needs.dietaryNote] : [])];
	if (diet.length > 0) marks.push({ short: 'D', long: m.seating_mark_diet({ diet: diet.join('; ') }) });
	if (needs.accessibility)
		marks.push({ short: 'A', long: m.seating_mark_accessibility({ need: needs.accessibility }) });
	if (needs.interpretation) {
		marks.push({
			short: `I ${needs.interpretation.tag}`,
			long: m.seating_mark_interpretation({ language: needs.interpretation.name })
		});
	}
	return marks;
}

/** Room around the seats for the names: beside a round table's seats, above and below a long one's. */
const PAD = { round: { x: 44, y: 26 }, other: { x: 20, y: 26 } };

export function toTableViews(
	tables: SeatingTableRow[],
	seats: SeatRow[],
	guests: SeatingGuestRow[],
	needs: Map<number, GuestNeeds> | null,
	warned: ReadonlySet<number>
): TableView[] {
	const rows = new Map(guests.map((g) => [g.id, g]));
	return tables.map((table) => {
		const seatViews = Array.from({ length: table.seats }, (_, i): SeatView => {
			const seat = i + 1;
			const place = seatPlace(table, seat);
			const point = seatPoint(table, seat);
			return {
				seat,
				ref: `${table.id}:${seat}`,
				label: seatLabelShown(table.name, seat),
				place: describePlace(place),
				side: place.side,
				...point,
				guests: seats
					.filter((s) => s.table_id === table.id && s.seat === seat)
					.flatMap((s) => {
						const row = rows.get(s.participant_id);
						if (!row) return [];
						const person = toPersonAtEvent(row);
						return [
							{
								participantId: row.id,
								name: person.name,
								honorific: row.honorific,
								givenName: row.given_name,
								familyName: row.family_name,
								titles: person.titles,
								marks: marksOf(needs?.get(row.id)),
								warned: warned.has(row.id)
							}
						];
					})
			};
		});
		const xs = seatViews.map((s) => s.x);
		const ys = seatViews.map((s) => s.y);
		const pad = table.shape === 'round' ? PAD.round : PAD.other;
		const minX = Math.min(0, ...xs) - pad.x;
		const minY = Math.min(0, ...ys) - pad.y;
		return {
			id: table.id,
			position: table.position,
			name: table.name,
			shape: table.shape,
			shapeLabel: SHAPE_LABELS[table.shape](),
			seats: table.seats,
			side: table.side,
			seatViews,
			box: {
				x: minX,
				y: minY,
				width: Math.max(0, ...xs) + pad.x - minX,
				height: Math.max(0, ...ys) + pad.y - minY
			}
		};
	});
}

export function toGuestChoices(guests: SeatingGuestRow[], placed: PlacedGuest[]): GuestChoice[] {
	return guests.map((row) => ({
		participantId: row.id,
		name: toPersonAtEvent(row).name,
		rsvpLabel: rsvpStatuses.labels[row.rsvp_status],
		away: AWAY.has(row.rsvp_status),
		seats: placed.filter((p) => p.participantId === row.id).map((p) => seatLabelShown(p.tableName, p.seat))
	}));
}

export function toChangeView(row: Selectable<SeatingChangeTable>): SeatingChangeView {
	return {
		version: row.version,
		guest: row.guest_name,
		from: row.from_seat,
		to: row.to_seat,
		summary: row.summary,
		at: row.changed_at
	};
}

export type { SeatingWarning };
export type PlanRow = SeatingPlanRow;
