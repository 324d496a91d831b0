/**
 * Placing events on an hourly grid, pure: where each event sits on a day's wall clock in the viewer's
 * zone, and which events stand side by side. Overlapping events share the day's width in columns; a
 * group of events that overlap one another, directly or through others, uses the same number of
 * columns, so that their widths line up.
 */
import { DateTime } from 'luxon';
import type { DaySpan } from './calendar.span';

export const MINUTES_IN_DAY = 24 * 60;

/** Shorter events are drawn as long as this, so that their title can be read. */
export const SHORTEST_DRAWN = 30;

/** Minutes since midnight on the day's wall clock in `zone`: 0 before the day, 1440 after it. */
export function minuteOfDay(instant: string, day: DaySpan, zone: string): number {
	const at = Date.parse(instant);
	if (at <= Date.parse(day.startAt)) return 0;
	if (at >= Date.parse(day.endAt)) return MINUTES_IN_DAY;
	const local = DateTime.fromMillis(at, { zone });
	return local.hour * 60 + local.minute;
}

export interface Placed {
	/** Minutes since midnight, as drawn. */
	start: number;
	end: number;
	/** 0-based column among `columns`. */
	column: number;
	columns: number;
}

/**
 * Columns for events given as [start, end) minutes, in the order given back. Events are taken by start
 * (the longer first on a tie), each into the first column free at its start.
 */
export function layoutColumns(spans: { start: number; end: number }[]): Placed[] {
	const drawn = spans.map(({ start, end }) => {
		const from = Math.min(start, MINUTES_IN_DAY - SHORTEST_DRAWN);
		return { start: from, end: Math.min(MINUTES_IN_DAY, Math.max(end, from + SHORTEST_DRAWN)) };
	});
	const order = drawn
		.map((_, i) => i)
		.sort((a, b) => drawn[a]!.start - drawn[b]!.start || drawn[b]!.end - drawn[a]!.end);
	const placed: Placed[] = drawn.map((d) => ({ ...d, column: 0, columns: 1 }));
	let group: number[] = [];
	let columnEnds: number[] = [];
	let groupEnd = -1;
	const close = () => {
		for (const i of group) placed[i]!.columns = columnEnds.length;
		group = [];
		columnEnds = [];
	};
	for (const i of order) {
		const { start, end } = drawn[i]!;
		if (start >= groupEnd) close();
		let column = columnEnds.findIndex((columnEnd) => columnEnd <= start);
		if (column === -1) column = columnEnds.push(end) - 1;
		else columnEnds[column] = end;
		placed[i]!.column = column;
		group.push(i);
		groupEnd = Math.max(groupEnd, end);
	}
	close();
	return placed;
}

/** The grid a day is drawn on: a row every quarter of an hour, and this many columns to share out. */
export const SLOT_MINUTES = 15;
export const GRID_COLUMNS = 60;

/**
 * A placed event as cells of the day's grid (1-based, as CSS counts them): its first row and how many
 * it spans, its first column and how many. The page sets them by class names, since the pages' content
 * security policy allows no style attributes.
 */
export function gridCells({ start, end, column, columns }: Placed) {
	const first = Math.floor(start / SLOT_MINUTES);
	const last = Math.max(first + 1, Math.ceil(end / SLOT_MINUTES));
	const share = Math.min(columns, GRID_COLUMNS);
	const left = Math.floor((Math.min(column, share - 1) * GRID_COLUMNS) / share);
	const right = Math.floor(((Math.min(column, share - 1) + 1) * GRID_COLUMNS) / share);
	return { row: first + 1, rows: last - first, col: left + 1, cols: right - left };
}
