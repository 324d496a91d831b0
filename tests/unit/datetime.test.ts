import { describe, expect, test } from 'vitest';
import { formatOffset, formatRange, instantToZoned, isTimeZone, zonedToInstant } from '$lib/format/datetime';

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
