/**
 * The hourly grid, pure: where an event sits on a day of the viewer's zone, which events stand side by
 * side, and the grid cells that draw them; and the one rule for the all-day row.
 */
import { describe, expect, test } from 'vitest';
import {
	GRID_COLUMNS,
	gridCells,
	layoutColumns,
	minuteOfDay,
	SHORTEST_DRAWN
} from '$lib/server/calendar/calendar.grid';
import { dayAt, weekSpan } from '$lib/server/calendar/calendar.span';
import { isAllDay } from '$lib/server/calendar/calendar.view';

const at = (hh: number, mm = 0) => hh * 60 + mm;
const columnsOf = (spans: { start: number; end: number }[]) =>
	layoutColumns(spans).map(({ column, columns }) => [column, columns]);

describe('overlapping events stand side by side', () => {
	test('events that do not overlap each take the whole width', () => {
		expect(
			columnsOf([
				{ start: at(9), end: at(10) },
				{ start: at(10), end: at(11) }
			])
		).toEqual([
			[0, 1],
			[0, 1]
		]);
	});

	test('two overlapping events share the width in two columns', () => {
		expect(
			columnsOf([
				{ start: at(9), end: at(11) },
				{ start: at(10), end: at(12) }
			])
		).toEqual([
			[0, 2],
			[1, 2]
		]);
	});

	test('a group chained by overlaps keeps one number of columns, and a freed column is used again', () => {
		// A 9–12 overlaps B 9:30–10:30 and C 11–13; B and C do not overlap, so C takes B's column.
		expect(
			columnsOf([
				{ start: at(9), end: at(12) },
				{ start: at(9, 30), end: at(10, 30) },
				{ start: at(11), end: at(13) },
				{ start: at(15), end: at(16) }
			])
		).toEqual([
			[0, 2],
			[1, 2],
			[1, 2],
			[0, 1]
		]);
	});

	test('three at once take three columns, whatever order they come in; the longer first on a tie', () => {
		expect(
			columnsOf([
				{ start: at(10), end: at(11) },
				{ start: at(10), end: at(12) },
				{ start: at(10, 30), end: at(11) }
			])
		).toEqual([
			[1, 3],
			[0, 3],
			[2, 3]
		]);
	});

	test('an event of no length is drawn long enough to read, and overlaps what that covers', () => {
		const [reception, next] = layoutColumns([
			{ start: at(18), end: at(18) },
			{ start: at(18, 15), end: at(19) }
		]);
		expect(reception).toMatchObject({ start: at(18), end: at(18) + SHORTEST_DRAWN, column: 0, columns: 2 });
		expect(next).toMatchObject({ column: 1, columns: 2 });
	});

	test('an event at the very end of the day is drawn inside it', () => {
		const [late] = layoutColumns([{ start: at(23, 50), end: at(24) }]);
		expect([late!.start, late!.end]).toEqual([at(24) - SHORTEST_DRAWN, at(24)]);
	});
});

describe('the grid cells', () => {
	test('a meeting 10:00–11:30 alone covers six quarter-hour rows from the 41st, all the columns', () => {
		expect(gridCells({ start: at(10), end: at(11, 30), column: 0, columns: 1 })).toEqual({
			row: 41,
			rows: 6,
			col: 1,
			cols: GRID_COLUMNS
		});
	});

	test('three side by side share the columns without gap or overlap', () => {
		const cells = [0, 1, 2].map((column) => gridCells({ start: at(9), end: at(10), column, columns: 3 }));
		expect(cells.map((c) => [c.col, c.cols])).toEqual([
			[1, 20],
			[21, 20],
			[41, 20]
		]);
	});

	test('a time between quarters covers the quarters it touches', () => {
		expect(gridCells({ start: at(9, 10), end: at(9, 50), column: 0, columns: 1 })).toMatchObject({
			row: 37,
			rows: 4
		});
	});
});

describe('placing an event on the viewer’s day', () => {
	// A bilateral meeting in Baku at 15:00 (UTC+4) on Friday 17 December 2021 is 11:00 UTC.
	const baku = { startAt: '2021-12-17T11:00:00.000Z', endAt: '2021-12-17T12:30:00.000Z' };

	test('a Baku meeting at 15:00 is at 12:00 on a Geneva viewer’s grid in winter', () => {
		const friday = dayAt('2021-12-17', 'Europe/Zurich').days[0]!;
		expect(minuteOfDay(baku.startAt, friday, 'Europe/Zurich')).toBe(at(12));
		expect(minuteOfDay(baku.endAt, friday, 'Europe/Zurich')).toBe(at(13, 30));
	});

	test('in summer the same meeting is at 13:00 in Geneva: Baku keeps UTC+4, Geneva is UTC+2', () => {
		const day = dayAt('2026-06-19', 'Europe/Zurich').days[0]!;
		expect(minuteOfDay('2026-06-19T11:00:00.000Z', day, 'Europe/Zurich')).toBe(at(13));
	});

	test('on a Baku viewer’s grid it is at 15:00', () => {
		const friday = dayAt('2021-12-17', 'Asia/Baku').days[0]!;
		expect(minuteOfDay(baku.startAt, friday, 'Asia/Baku')).toBe(at(15));
	});

	test('an event from the day before starts at midnight; one running past the day ends at its end', () => {
		const saturday = dayAt('2021-12-18', 'Europe/Zurich').days[0]!;
		expect(minuteOfDay('2021-12-17T21:00:00.000Z', saturday, 'Europe/Zurich')).toBe(0);
		expect(minuteOfDay('2021-12-19T09:00:00.000Z', saturday, 'Europe/Zurich')).toBe(at(24));
	});

	test('after the clocks go forward in Geneva, 10:00 is read on the new clock', () => {
		const sunday = weekSpan('2026-03-29', 'Europe/Zurich').days[6]!;
		expect(minuteOfDay('2026-03-29T08:00:00.000Z', sunday, 'Europe/Zurich')).toBe(at(10));
	});
});

describe('the all-day row', () => {
	test('an event of 24 hours or more goes there; a long afternoon does not', () => {
		expect(
			isAllDay({ all_day: 0, start_at: '2026-03-02T08:00:00.000Z', end_at: '2026-03-03T08:00:00.000Z' })
		).toBe(true);
		expect(
			isAllDay({ all_day: 0, start_at: '2026-03-02T08:00:00.000Z', end_at: '2026-03-04T16:00:00.000Z' })
		).toBe(true);
		expect(
			isAllDay({ all_day: 0, start_at: '2026-03-02T08:00:00.000Z', end_at: '2026-03-03T07:59:00.000Z' })
		).toBe(false);
	});
});
