/** Which language a request is answered in: the account's choice, the cookie, Accept-Language, the office's. */
import { describe, expect, test } from 'vitest';
import { officeLocale, preferredLocale, resolveLocale } from '$lib/server/i18n/locale';

const nothing = { account: null, cookie: undefined, acceptLanguage: null, office: 'en' } as const;

describe('resolving the interface language', () => {
	test('the account’s choice comes before the cookie, the browser and the office', () => {
		expect(resolveLocale({ account: 'az', cookie: 'ru', acceptLanguage: 'ru', office: 'en' })).toBe('az');
	});

	test('without an account’s choice the switcher’s cookie decides', () => {
		expect(resolveLocale({ ...nothing, cookie: 'ru', acceptLanguage: 'az' })).toBe('ru');
	});

	test('without either, the browser’s best match among ours', () => {
		expect(resolveLocale({ ...nothing, acceptLanguage: 'de-CH, ru-RU;q=0.8, en;q=0.5' })).toBe('ru');
	});

	test('with none of ours in the header, the office’s default', () => {
		expect(resolveLocale({ ...nothing, acceptLanguage: 'de, fr;q=0.9', office: 'az' })).toBe('az');
		expect(resolveLocale({ ...nothing, office: 'az' })).toBe('az');
	});

	test('a value that is none of our languages is passed over, not trusted', () => {
		expect(resolveLocale({ ...nothing, account: 'xx', cookie: '<script>', office: 'ru' })).toBe('ru');
	});

	test('q-values order the browser’s languages', () => {
		expect(preferredLocale('en;q=0.4, az;q=0.9')).toBe('az');
		expect(preferredLocale('')).toBeUndefined();
	});

	test('DEFAULT_LOCALE: English when unset, refused when it is not one of ours', () => {
		expect(officeLocale(undefined)).toBe('en');
		expect(officeLocale('az')).toBe('az');
		expect(() => officeLocale('de')).toThrow(/DEFAULT_LOCALE/);
	});
});
