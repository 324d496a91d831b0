/**
 * Dates in Azerbaijani and Russian as CLDR writes them; English stays as luxon wrote it. Azerbaijani comes
 * from a table of ours, because Chromium's ICU has no Azerbaijani names: here it is held, word for word, to
 * Node's full ICU.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { describe, expect, test } from 'vitest';
import {
	formatApproximateDate,
	formatDate,
	formatDays,
	formatPeriod,
	formatRange,
	formatShortDate,
	weekdayNames
} from '$lib/format/datetime';
import { overwriteServerAsyncLocalStorage, type Locale } from '$lib/paraglide/runtime';

// What Paraglide's middleware does for a request: the language, kept for the call.
const storage = new AsyncLocalStorage<{ locale: Locale }>();
overwriteServerAsyncLocalStorage(storage as never);
const inLanguage = <T>(locale: Locale, write: () => T): T => storage.run({ locale }, write);

// 10:00 in Baku on Friday 18 December 2026.
const start = '2026-12-18T06:00:00.000Z';
const end = '2026-12-18T08:30:00.000Z';

describe('dates in the reader’s language', () => {
	test.each([
		['en', 'Friday 18 December 2026'],
		['az', '18 dekabr 2026, cümə'],
		['ru', '18 декабря 2026 г., пятница']
	] as const)('%s: a day with its weekday', (locale, expected) => {
		expect(inLanguage(locale, () => formatDate(start, 'Asia/Baku'))).toBe(expected);
	});

	test.each([
		['en', 'Friday 18 December 2026, 10:00–12:30'],
		['az', '18 dekabr 2026, cümə, 10:00–12:30'],
		['ru', '18 декабря 2026 г., пятница, 10:00–12:30']
	] as const)('%s: a range within a day', (locale, expected) => {
		expect(inLanguage(locale, () => formatRange(start, end, 'Asia/Baku'))).toBe(expected);
	});

	test.each([
		['en', '18 Dec 2026'],
		['az', '18 dek 2026'],
		['ru', '18 дек. 2026 г.']
	] as const)('%s: a short date', (locale, expected) => {
		expect(inLanguage(locale, () => formatShortDate(start, 'Asia/Baku'))).toBe(expected);
	});

	test.each([
		['en', '5–8 December 2026'],
		['az', '5\u2009–\u20098 dekabr 2026'],
		['ru', '5–8 декабря 2026 г.']
	] as const)('%s: the days of an all-day event', (locale, expected) => {
		const days = () => formatDays('2026-12-04T20:00:00.000Z', '2026-12-08T20:00:00.000Z', 'Asia/Baku');
		expect(inLanguage(locale, days)).toBe(expected);
	});

	test('a period without an end, in Russian', () => {
		const since = () => formatPeriod({ on: '2014-03-01', precision: 'month' }, null);
		expect(inLanguage('ru', since)).toBe('Начало: март 2014 г.');
	});

	// Each day of 2027 and 2028 and every kind of range, in Azerbaijani, as Node's full ICU writes them.
	const icu = (options: Intl.DateTimeFormatOptions) =>
		new Intl.DateTimeFormat('az', { ...options, timeZone: 'UTC' });
	const days = Array.from({ length: 731 }, (_, index) => new Date(Date.UTC(2027, 0, 1 + index)));
	const noon = (day: Date) => new Date(day.getTime() + 8 * 3_600_000).toISOString(); // 12:00 in Baku

	test('az: every day, short and long, with its weekday, and every month of a year, as ICU writes them', () => {
		const ours = inLanguage('az', () =>
			days.map((day) => [
				formatDate(noon(day), 'Asia/Baku'),
				formatShortDate(noon(day), 'Asia/Baku'),
				formatApproximateDate(day.toISOString().slice(0, 10), 'month')
			])
		);
		const long = icu({ day: 'numeric', month: 'long', year: 'numeric' });
		const weekday = icu({ weekday: 'long' });
		const theirs = days.map((day) => [
			`${long.format(day)}, ${weekday.format(day)}`,
			icu({ day: 'numeric', month: 'short', year: 'numeric' }).format(day),
			icu({ month: 'long', year: 'numeric' }).format(day)
		]);
		expect(ours).toEqual(theirs);
	});

	test.each([
		['within a month', '2027-03-04', '2027-03-09'],
		['across months', '2027-02-26', '2027-03-02'],
		['across years', '2027-12-30', '2028-01-02']
	])('az: the days of an all-day event %s, as ICU writes them', (_, first, last) => {
		const startAt = `${first}T00:00:00.000Z`;
		const endAt = new Date(Date.parse(`${last}T00:00:00.000Z`) + 86_400_000).toISOString();
		const expected = icu({ day: 'numeric', month: 'long', year: 'numeric' }).formatRange(
			Date.parse(startAt),
			Date.parse(`${last}T00:00:00.000Z`)
		);
		expect(inLanguage('az', () => formatDays(startAt, endAt, 'UTC'))).toBe(expected);
	});
});

describe('the days of the week from Monday', () => {
	test.each(['long', 'short'] as const)('az, %s, as ICU writes them', (style) => {
		const icu = new Intl.DateTimeFormat('az', { weekday: style, timeZone: 'UTC' });
		const mondayFirst = [0, 1, 2, 3, 4, 5, 6].map((day) => icu.format(Date.UTC(2024, 0, 1 + day)));
		expect(weekdayNames(style, 'az')).toEqual(mondayFirst);
	});

	test('ru and en through the platform', () => {
		expect(weekdayNames('long', 'ru')[0]).toBe('понедельник');
		expect(weekdayNames('short', 'en')[6]).toBe('Sun');
	});
});
