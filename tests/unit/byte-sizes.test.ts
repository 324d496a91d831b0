/**
 * A size in bytes as each language writes it: the attach hints and the "file too large" refusals say the
 * limit with it, so "20 MB" reads "20 МБ" in Russian and takes the decimal comma in Azerbaijani.
 */
import { describe, expect, test } from 'vitest';
import { formatByteSize } from '$lib/format/sizes';
import { inLocale } from '$lib/server/i18n/locale';

const MB = 1024 ** 2;

describe('a size in each language', () => {
	const cases: [bytes: number, en: string, az: string, ru: string][] = [
		[20 * MB, '20 MB', '20 MB', '20 МБ'],
		[1.4 * MB, '1.4 MB', '1,4 MB', '1,4 МБ'],
		[512 * 1024, '512 kB', '512 kB', '512 кБ'],
		[873, '873 bytes', '873 bayt', '873 байта'],
		[875, '875 bytes', '875 bayt', '875 байт'],
		[1024 ** 3, '1 GB', '1 GB', '1 ГБ']
	];
	for (const [bytes, en, az, ru] of cases) {
		test(`${bytes} bytes: ${en}, ${az}, ${ru}`, () => {
			expect([formatByteSize(bytes, 'en'), formatByteSize(bytes, 'az'), formatByteSize(bytes, 'ru')]).toEqual(
				[en, az, ru]
			);
		});
	}

	test('one decimal below ten, none from ten up, none when the number is whole', () => {
		expect(formatByteSize(12.6 * MB, 'en')).toBe('13 MB');
		expect(formatByteSize(2 * MB, 'en')).toBe('2 MB');
		expect(formatByteSize(1, 'en')).toBe('1 byte');
	});

	test('without a language given, the reader’s', () => {
		expect(inLocale('ru', () => formatByteSize(20 * MB))).toBe('20 МБ');
		expect(inLocale('en', () => formatByteSize(20 * MB))).toBe('20 MB');
	});
});
