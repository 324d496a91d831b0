/** Dates in Azerbaijani and Russian, as the platform's Intl writes them; English stays as luxon wrote it. */
import { AsyncLocalStorage } from 'node:async_hooks';
import { describe, expect, test } from 'vitest';
import { formatDate, formatDays, formatPeriod, formatRange, formatShortDate } from '$lib/format/datetime';
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
		['ru', '5–8 декабря 2026 г.']
	] as const)('%s: the days of an all-day event', (locale, expected) => {
		const days = () => formatDays('2026-12-04T20:00:00.000Z', '2026-12-08T20:00:00.000Z', 'Asia/Baku');
		expect(inLanguage(locale, days)).toBe(expected);
	});

	test('a period without an end, in Russian', () => {
		const since = () => formatPeriod({ on: '2014-03-01', precision: 'month' }, null);
		expect(inLanguage('ru', since)).toBe('Начало: март 2014 г.');
	});
});
