/** The programme's clock and what the agenda forms accept, without a database. */
import { describe, expect, test } from 'vitest';
import { clockEnd, runClock } from '$lib/server/agenda/agenda.clock';
import { AgendaItemInput, AgendaReorderInput, parsePersonSearch } from '$lib/server/agenda/agenda.input';

const start = '2021-12-17T06:00:00.000Z';
const timed = (
	id: number,
	durationMinutes: number | null,
	startAt: string | null = null,
	endAt: string | null = null
) => ({
	id,
	durationMinutes,
	startAt,
	endAt
});

describe('the programme clock', () => {
	test('each timed item starts when the one before it ends', () => {
		expect(runClock(start, [timed(1, 15), timed(2, 10), timed(3, 65)])).toEqual([
			{ id: 1, startAt: '2021-12-17T06:00:00.000Z', endAt: '2021-12-17T06:15:00.000Z' },
			{ id: 2, startAt: '2021-12-17T06:15:00.000Z', endAt: '2021-12-17T06:25:00.000Z' },
			{ id: 3, startAt: '2021-12-17T06:25:00.000Z', endAt: '2021-12-17T07:30:00.000Z' }
		]);
	});

	test('an item without a duration keeps its own times and does not move the clock', () => {
		const given = timed(2, null, '2021-12-17T09:00:00.000Z', null);
		expect(runClock(start, [timed(1, 15), given, timed(3, 5)])).toEqual([
			{ id: 1, startAt: '2021-12-17T06:00:00.000Z', endAt: '2021-12-17T06:15:00.000Z' },
			{ id: 2, startAt: '2021-12-17T09:00:00.000Z', endAt: null },
			{ id: 3, startAt: '2021-12-17T06:15:00.000Z', endAt: '2021-12-17T06:20:00.000Z' }
		]);
	});

	test('durations are minutes of real time, also through a change of summer time', () => {
		// Geneva leaves summer time at 03:00 on 25 October 2026: an all-night vigil from 01:00 local.
		expect(runClock('2026-10-24T23:00:00.000Z', [timed(1, 240)])[0]!.endAt).toBe('2026-10-25T03:00:00.000Z');
	});

	test('the clock ends with the last timed item, or not at all', () => {
		expect(clockEnd(start, [timed(1, 15), timed(2, null), timed(3, 10)])).toBe('2021-12-17T06:25:00.000Z');
		expect(clockEnd(start, [timed(1, null)])).toBeNull();
	});
});

describe('what the agenda forms accept', () => {
	const base = { kind: 'speech', title: 'Opening speech', durationMinutes: '10', notes: '', published: 'on' };

	test('a length is a whole number of minutes from 1 to a day, or nothing', () => {
		expect(AgendaItemInput.parse(base).durationMinutes).toBe(10);
		expect(AgendaItemInput.parse({ ...base, durationMinutes: ' ' }).durationMinutes).toBeNull();
		expect(AgendaItemInput.parse({ ...base, durationMinutes: undefined }).durationMinutes).toBeNull();
		for (const bad of ['0', '-5', '1.5', '1441', 'ten', '99999']) {
			const parsed = AgendaItemInput.safeParse({ ...base, durationMinutes: bad });
			expect(
				parsed.error?.issues.map((i) => [i.path[0], i.message]),
				bad
			).toEqual([
				['durationMinutes', 'Enter the length in whole minutes, from 1 to 1440, or leave it empty.']
			]);
		}
	});

	test('notes are optional, but what is typed must be usable text', () => {
		expect(AgendaItemInput.parse({ ...base, notes: '  ' }).notes).toBeNull();
		expect(AgendaItemInput.parse({ ...base, notes: 'Line one\nLine two' }).notes).toBe('Line one\nLine two');
		const parsed = AgendaItemInput.safeParse({ ...base, notes: 'bad\u0000' });
		expect(parsed.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
			['notes', 'Notes contains characters that cannot be used.']
		]);
	});

	test('an unticked box means not on the programme', () => {
		expect(AgendaItemInput.parse({ ...base, published: undefined }).published).toBe(false);
		expect(AgendaItemInput.parse(base).published).toBe(true);
	});

	test('a new order is a list of ids', () => {
		expect(AgendaReorderInput.parse({ order: '3,1,2', moved: '3' })).toEqual({ order: [3, 1, 2], moved: 3 });
		expect(AgendaReorderInput.parse({ order: '3,1,2', moved: 'x' }).moved).toBeUndefined();
		for (const bad of ['', '1,,2', '1;2', '0', '1,x']) {
			expect(AgendaReorderInput.safeParse({ order: bad }).success, bad).toBe(false);
		}
	});

	test('a name search needs at least two letters and drops what cannot be typed', () => {
		expect(parsePersonSearch('  Nabiyev  ')).toEqual(['Nabiyev']);
		expect(parsePersonSearch('a')).toEqual([]);
		expect(parsePersonSearch(null)).toEqual([]);
		expect(parsePersonSearch('Vusal\u0000Huseynov')).toEqual(['Vusal', 'Huseynov']);
	});
});
