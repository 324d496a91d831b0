import { DateTime } from 'luxon';
import { describe, expect, test } from 'vitest';
import {
	formatApproximateDate,
	formatCalendarDate,
	formatDate,
	formatDayOf,
	formatOffset,
	formatRange,
	formatShortDate,
	formatTime,
	instantToZoned,
	isTimeZone,
	zonedToInstant,
	zoneOffsetMinutes
} from '$lib/format/datetime';

describe('zonedToInstant', () => {
	test('a 10:00 meeting in Baku is stored as 06:00 UTC', () => {
		expect(zonedToInstant('2021-12-17T10:00', 'Asia/Baku')).toBe('2021-12-17T06:00:00.000Z');
	});

	test('a summer morning in Geneva is two hours ahead of UTC', () => {
		expect(zonedToInstant('2021-07-01T09:30', 'Europe/Zurich')).toBe('2021-07-01T07:30:00.000Z');
	});

	test('a date that does not exist is refused', () => {
		expect(() => zonedToInstant('2021-02-30T10:00', 'Asia/Baku')).toThrow(RangeError);
	});

	test('a time that is not a time is refused', () => {
		expect(() => zonedToInstant('2021-12-17T25:00', 'Asia/Baku')).toThrow(RangeError);
	});

	test('a zone that does not exist is refused', () => {
		expect(() => zonedToInstant('2021-12-17T10:00', 'Atlantis/Capital')).toThrow(RangeError);
	});
});

describe('instantToZoned', () => {
	const bakuAtThree = (date: string) => zonedToInstant(`${date}T15:00`, 'Asia/Baku');

	test('a 15:00 meeting in Baku is at 12:00 in Geneva in winter', () => {
		expect(instantToZoned(bakuAtThree('2021-12-17'), 'Europe/Zurich')).toBe('2021-12-17T12:00');
	});

	test('a 15:00 meeting in Baku is at 13:00 in Geneva in summer', () => {
		expect(instantToZoned(bakuAtThree('2021-07-01'), 'Europe/Zurich')).toBe('2021-07-01T13:00');
	});

	test('gives back the wall-clock time it was made from', () => {
		expect(instantToZoned(zonedToInstant('2016-12-05T10:00', 'Asia/Baku'), 'Asia/Baku')).toBe(
			'2016-12-05T10:00'
		);
	});
});

describe('formatOffset', () => {
	test('Baku is UTC+4', () => {
		expect(formatOffset('2021-12-17T06:00:00.000Z', 'Asia/Baku')).toBe('UTC+4');
	});

	test('Geneva is UTC+1 in winter and UTC+2 in summer', () => {
		expect(formatOffset('2021-12-17T06:00:00.000Z', 'Europe/Zurich')).toBe('UTC+1');
		expect(formatOffset('2021-07-01T06:00:00.000Z', 'Europe/Zurich')).toBe('UTC+2');
	});

	test('a zone west of Greenwich takes a minus sign', () => {
		expect(formatOffset('2021-12-17T06:00:00.000Z', 'America/New_York')).toBe('UTC−5');
	});

	test('an offset in part-hours shows its minutes', () => {
		expect(formatOffset('2021-12-17T06:00:00.000Z', 'Asia/Kolkata')).toBe('UTC+5:30');
	});

	test('UTC itself is plain UTC', () => {
		expect(formatOffset('2021-12-17T06:00:00.000Z', 'UTC')).toBe('UTC');
	});
});

describe('formatRange', () => {
	test('a range within one day names the day once', () => {
		expect(formatRange('2021-12-17T06:00:00.000Z', '2021-12-17T08:30:00.000Z', 'Asia/Baku')).toBe(
			'Friday 17 December 2021, 10:00–12:30'
		);
	});

	test('a range across days names both ends', () => {
		expect(formatRange('2016-12-05T06:00:00.000Z', '2016-12-08T14:00:00.000Z', 'Asia/Baku')).toBe(
			'5 Dec 2016, 10:00 – 8 Dec 2016, 18:00'
		);
	});

	test('the day is the day in the event’s zone, not in UTC', () => {
		// 22:00–23:30 UTC on the 16th is already the 17th in Baku.
		expect(formatRange('2021-12-16T22:00:00.000Z', '2021-12-16T23:30:00.000Z', 'Asia/Baku')).toBe(
			'Friday 17 December 2021, 02:00–03:30'
		);
	});
});

describe('isTimeZone', () => {
	test('knows IANA zone names and refuses made-up ones', () => {
		expect(isTimeZone('Asia/Baku')).toBe(true);
		expect(isTimeZone('Atlantis/Capital')).toBe(false);
	});
});

describe('on both sides of a change of clocks', () => {
	// Geneva leaves summer time at 01:00 UTC on 25 October 2026 and starts it again at 01:00 UTC on
	// 28 March 2027; Baku keeps UTC+4 all year.
	const cases = [
		{ at: '2026-10-25T00:59:00.000Z', zone: 'Europe/Zurich', time: '02:59', offset: 'UTC+2' },
		{ at: '2026-10-25T01:00:00.000Z', zone: 'Europe/Zurich', time: '02:00', offset: 'UTC+1' },
		{ at: '2027-03-28T00:59:00.000Z', zone: 'Europe/Zurich', time: '01:59', offset: 'UTC+1' },
		{ at: '2027-03-28T01:00:00.000Z', zone: 'Europe/Zurich', time: '03:00', offset: 'UTC+2' },
		{ at: '2026-10-25T00:59:00.000Z', zone: 'Asia/Baku', time: '04:59', offset: 'UTC+4' },
		{ at: '2026-10-25T01:00:00.000Z', zone: 'Asia/Baku', time: '05:00', offset: 'UTC+4' },
		{ at: '2027-03-28T00:59:00.000Z', zone: 'Asia/Baku', time: '04:59', offset: 'UTC+4' },
		{ at: '2027-03-28T01:00:00.000Z', zone: 'Asia/Baku', time: '05:00', offset: 'UTC+4' }
	];
	for (const { at, zone, time, offset } of cases) {
		test(`${at} in ${zone} is ${time}, ${offset}`, () => {
			expect(formatTime(at, zone)).toBe(time);
			expect(formatOffset(at, zone)).toBe(offset);
			expect(instantToZoned(at, zone)).toBe(`${at.slice(0, 10)}T${time}`);
		});
	}

	test('an hour across the autumn change in Geneva starts and ends at 02:30 on the same day', () => {
		expect(formatRange('2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z', 'Europe/Zurich')).toBe(
			'Sunday 25 October 2026, 02:30–02:30'
		);
		expect(formatRange('2027-03-27T23:30:00.000Z', '2027-03-28T01:30:00.000Z', 'Europe/Zurich')).toBe(
			'Sunday 28 March 2027, 00:30–03:30'
		);
	});
});

describe('the cached formatters write what luxon writes', () => {
	// The formatters once went through luxon; they must still write the same text, byte for byte.
	const viaLuxon = (instant: string, zone: string, format: string) =>
		DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone).setLocale('en-GB').toFormat(format);
	const zones = [
		'Asia/Baku',
		'Europe/Zurich',
		'America/New_York',
		'Asia/Kolkata',
		'Australia/Lord_Howe',
		'UTC'
	];
	// Every 31 h 13 min from 2016 to 2028: each month, weekday and hour, and many changes of clocks.
	const instants: string[] = [];
	for (let ms = Date.UTC(2016, 0, 1); ms < Date.UTC(2028, 0, 1); ms += (31 * 60 + 13) * 60_000) {
		instants.push(new Date(ms).toISOString());
	}

	test.each(zones)('in %s', (zone) => {
		const ours = instants.map((instant) =>
			[
				formatDate(instant, zone),
				formatDayOf(instant, zone),
				formatShortDate(instant, zone),
				formatTime(instant, zone),
				instantToZoned(instant, zone)
			].join(' | ')
		);
		const luxons = instants.map((instant) =>
			['cccc d LLLL yyyy', 'd LLLL yyyy', 'd LLL yyyy', 'HH:mm', "yyyy-MM-dd'T'HH:mm"]
				.map((format) => viaLuxon(instant, zone, format))
				.join(' | ')
		);
		expect(ours).toEqual(luxons);
	});

	test('calendar dates and dates known to a year or a month', () => {
		for (const instant of instants.filter((_, index) => index % 20 === 0)) {
			const day = instant.slice(0, 10);
			const luxonDay = DateTime.fromISO(day, { zone: 'utc' }).setLocale('en-GB');
			expect(formatCalendarDate(day)).toBe(luxonDay.toFormat('d LLLL yyyy'));
			expect(formatApproximateDate(day, 'month')).toBe(luxonDay.toFormat('LLLL yyyy'));
			expect(formatApproximateDate(day, 'year')).toBe(luxonDay.toFormat('yyyy'));
		}
		expect(formatCalendarDate('2021-02-30')).toBe('2021-02-30');
		expect(formatCalendarDate('not a date')).toBe('not a date');
	});
});

describe('offsets kept by the hour', () => {
	// Every 11 minutes through a year: every hour in which clocks change, each side of the change,
	// asked again after the hour's offset is kept. Sao Paulo changed at midnight, Lord Howe by half an
	// hour, Troll by two hours; Kathmandu is 5:45 ahead.
	const zones = [
		'Europe/Zurich',
		'America/Sao_Paulo',
		'Australia/Lord_Howe',
		'Antarctica/Troll',
		'Asia/Kathmandu'
	];
	const instants: string[] = [];
	for (let ms = Date.UTC(2016, 0, 1); ms < Date.UTC(2017, 0, 1); ms += 11 * 60_000 + 7_000) {
		instants.push(new Date(ms).toISOString());
	}

	test.each(zones)('give the wall clock and the offset luxon gives, in %s, asked twice', (zone) => {
		const luxons = instants.map((instant) =>
			DateTime.fromISO(instant).setZone(zone).toFormat("yyyy-MM-dd'T'HH:mm")
		);
		expect(instants.map((instant) => instantToZoned(instant, zone))).toEqual(luxons);
		expect(instants.map((instant) => instantToZoned(instant, zone))).toEqual(luxons);
		const offsets = instants.map((instant) => DateTime.fromISO(instant).setZone(zone).offset);
		expect(instants.map((instant) => zoneOffsetMinutes(instant, zone))).toEqual(offsets);
	});

	test('an offset of minutes and seconds, before zones were standard, is written to the minute', () => {
		// Monrovia kept its own mean time until 1972: 0:44:30 behind UTC.
		expect(instantToZoned('1960-01-15T12:44:30.000Z', 'Africa/Monrovia')).toBe('1960-01-15T12:00');
		expect(formatOffset('1960-01-15T12:44:30.000Z', 'Africa/Monrovia')).toBe('UTC−0:44');
		expect(zoneOffsetMinutes('1960-01-15T12:44:30.000Z', 'Africa/Monrovia')).toBe(
			DateTime.fromISO('1960-01-15T12:44:30.000Z').setZone('Africa/Monrovia').offset
		);
		expect(zoneOffsetMinutes('1960-01-15T12:44:30.000Z', 'Not/A_Zone')).toBeNaN();
	});
});
