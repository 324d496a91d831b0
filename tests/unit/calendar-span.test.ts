/**
 * The days of a calendar as spans of UTC instants in a zone, and the calendar's URL read leniently.
 */
import { describe, expect, test } from 'vitest';
import { parseCalendarQuery } from '$lib/server/calendar/calendar.input';
import { DEFAULT_OFFICE_TIME_ZONE, officeTimeZone } from '$lib/server/calendar/calendar.settings';
import { monthSpan, weekSpan } from '$lib/server/calendar/calendar.span';

describe('spans', () => {
	test('a month in Baku runs from the Monday before the 1st to the Monday after the last Sunday', () => {
		const span = monthSpan(2021, 12, 'Asia/Baku');
		expect(span.days).toHaveLength(35);
		expect(span.days[0]!.date).toBe('2021-11-29');
		expect(span.startAt).toBe('2021-11-28T20:00:00.000Z');
		expect(span.endAt).toBe('2022-01-02T20:00:00.000Z');
	});

	test('a month that starts on a Monday and ends on a Sunday is four weeks', () => {
		expect(monthSpan(2021, 2, 'UTC').days.map((d) => d.date)).toHaveLength(28);
	});

	test('the Sunday clocks go forward in Geneva has 23 hours, in Baku 24', () => {
		const geneva = weekSpan('2026-03-29', 'Europe/Zurich');
		const sunday = geneva.days[6]!;
		expect(sunday.date).toBe('2026-03-29');
		expect([sunday.startAt, sunday.endAt]).toEqual(['2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z']);
		expect(geneva.startAt).toBe('2026-03-22T23:00:00.000Z');
		const baku = weekSpan('2026-03-29', 'Asia/Baku').days[6]!;
		expect([baku.startAt, baku.endAt]).toEqual(['2026-03-28T20:00:00.000Z', '2026-03-29T20:00:00.000Z']);
	});

	test('the Sunday clocks go back has 25 hours', () => {
		const sunday = weekSpan('2026-10-25', 'Europe/Zurich').days[6]!;
		expect(Date.parse(sunday.endAt) - Date.parse(sunday.startAt)).toBe(25 * 3_600_000);
	});

	test('a week across the new year is ISO week 52 or 1', () => {
		expect(weekSpan('2022-01-01', 'UTC').days.map((d) => d.date)).toEqual([
			'2021-12-27',
			'2021-12-28',
			'2021-12-29',
			'2021-12-30',
			'2021-12-31',
			'2022-01-01',
			'2022-01-02'
		]);
	});
});

describe('the calendar URL', () => {
	const now = '2026-03-29T09:00:00.000Z';
	const parse = (query: string) =>
		parseCalendarQuery(new URLSearchParams(query), { defaultZone: 'Asia/Baku', now });

	test('without parameters it is this month in the default zone', () => {
		expect(parse('')).toEqual({
			view: 'month',
			year: 2026,
			month: 3,
			date: '2026-03-29',
			zone: 'Asia/Baku',
			layout: 'grid',
			filter: { kind: undefined, status: undefined, organizationId: undefined, personId: undefined }
		});
	});

	test('reads the month, the week, the zone and the filters', () => {
		const query = parse(
			'year=2021&month=12&zone=Europe/Zurich&kind=observance&status=held&organization=3&person=7'
		);
		expect(query).toMatchObject({ view: 'month', year: 2021, month: 12, zone: 'Europe/Zurich' });
		expect(query.filter).toEqual({ kind: 'observance', status: 'held', organizationId: 3, personId: 7 });
		expect(parse('view=week&date=2016-12-06')).toMatchObject({
			view: 'week',
			date: '2016-12-06',
			year: 2016,
			month: 12
		});
		expect(parse('view=week&year=2021&month=12')).toMatchObject({ view: 'week', date: '2021-12-01' });
		expect(parse('view=day&date=2021-12-17&layout=list')).toMatchObject({
			view: 'day',
			date: '2021-12-17',
			layout: 'list'
		});
	});

	test('drops whatever does not fit for its default', () => {
		const query = parse(
			'view=year&layout=table&year=99999&month=13&date=2021-02-30&zone=%3Cscript%3E&kind=party&status=x&organization=-1&person=1e3'
		);
		expect(query).toMatchObject({
			view: 'month',
			year: 2026,
			month: 3,
			date: '2026-03-29',
			zone: 'Asia/Baku',
			layout: 'grid'
		});
		expect(Object.values(query.filter).every((v) => v === undefined)).toBe(true);
		expect(parse('zone=UTC%2B4').zone).toBe('Asia/Baku');
		expect(parse('zone=Not/A_Zone').zone).toBe('Asia/Baku');
	});

	test('this month is the month in the chosen zone', () => {
		// 22:30 UTC on 31 December is already January in Baku.
		const query = parseCalendarQuery(new URLSearchParams('zone=Asia/Baku'), {
			defaultZone: 'UTC',
			now: '2021-12-31T22:30:00.000Z'
		});
		expect([query.year, query.month]).toEqual([2022, 1]);
	});
});

describe('the office zone', () => {
	test('comes from OFFICE_TIME_ZONE, Asia/Baku when unset or not a zone', () => {
		expect(officeTimeZone({ OFFICE_TIME_ZONE: 'Europe/Zurich' })).toBe('Europe/Zurich');
		expect(officeTimeZone({})).toBe(DEFAULT_OFFICE_TIME_ZONE);
		expect(officeTimeZone({ OFFICE_TIME_ZONE: 'Mars/Olympus_Mons' })).toBe('Asia/Baku');
	});
});
