/**
 * Alphabetical order: the reader's collator for short lists, and the stored sort key that orders the
 * directories in the database — Azerbaijani order for Latin, Russian for Cyrillic, Latin first.
 */
import { describe, expect, test } from 'vitest';
import { collatorFor, compareText, sortByText, sortKey } from '$lib/format/collation';

/** Byte order, as SQLite's BINARY and PostgreSQL's "C" compare the stored key. */
const byKey = (a: string, b: string) => {
	const [x, y] = [Buffer.from(sortKey(a)), Buffer.from(sortKey(b))];
	return Buffer.compare(x, y);
};

/** Every letter of the Azerbaijani alphabet, as a name beginning with it, in alphabetical order. */
const AZERBAIJANI = [
	'Abbasov',
	'Babayev',
	'Cəfərov',
	'Çələbi',
	'Dadaşov',
	'Eldarov',
	'Əliyev',
	'Fərzəliyev',
	'Gəmbərov',
	'Ğaniyev',
	'Hüseynov',
	'Xəlilov',
	'Ismayıl',
	'İsmayılov',
	'Jalə',
	'Kərimov',
	'Qasımov',
	'Lətifov',
	'Məmmədov',
	'Nəbiyev',
	'Orucov',
	'Özdəmir',
	'Paşayev',
	'Rəhimov',
	'Sadıqov',
	'Şahbazov',
	'Tağıyev',
	'Umudov',
	'Üzeyirov',
	'Vəliyev',
	'Yusifov',
	'Zeynalov'
];

const RUSSIAN = [
	'Абрамов',
	'Борисов',
	'Гусейнов',
	'Егоров',
	'Ёлкин',
	'Жуков',
	'Иванов',
	'Йорданов',
	'Щукин',
	'Эминов',
	'Юсупов',
	'Яковлев'
];

/** Out of order: every other one from the end, then the rest. */
const shuffled = <T>(items: readonly T[]) => {
	const reversed = [...items].reverse();
	return [...reversed.filter((_, i) => i % 2 === 0), ...reversed.filter((_, i) => i % 2 === 1)];
};

describe('the sort key', () => {
	test('orders the Azerbaijani alphabet: c ç, e ə, g ğ, h x ı i, k q, o ö, s ş, u ü', () => {
		expect(shuffled(AZERBAIJANI).sort(byKey)).toEqual(AZERBAIJANI);
	});

	test('puts Çələbi after Cəfərov and after every name in C', () => {
		expect(['Çələbi', 'Cyrus', 'Cəfərov'].sort(byKey)).toEqual(['Cəfərov', 'Cyrus', 'Çələbi']);
	});

	test('orders as the Azerbaijani collator does, letter by letter', () => {
		const az = new Intl.Collator('az', { sensitivity: 'base' });
		const names = [...AZERBAIJANI, 'Aliyev', 'Ali Zadeh', 'Ali', 'Wagner', 'Müller', 'René', 'Ağayev'];
		const inKeyOrder = [...names].sort(byKey);
		expect(inKeyOrder).toEqual([...names].sort(az.compare));
	});

	test('orders Cyrillic in the Russian alphabet, ё with е', () => {
		expect(shuffled(RUSSIAN).sort(byKey)).toEqual(RUSSIAN);
		expect(sortKey('Ёлкин')).toBe(sortKey('Елкин'));
		expect(['Ёлкин', 'Елисеев', 'Ежов'].sort(byKey)).toEqual(['Ежов', 'Елисеев', 'Ёлкин']);
	});

	test('puts Latin before Cyrillic, and a letter of neither after both', () => {
		expect(['Жуков', 'Ζαχαρίου', 'Zeynalov', 'Абрамов', 'Abbasov'].sort(byKey)).toEqual([
			'Abbasov',
			'Zeynalov',
			'Абрамов',
			'Жуков',
			'Ζαχαρίου'
		]);
	});

	test('ignores case and marks that are no letter of their own; I is ı and İ is i', () => {
		expect(sortKey('ÇƏLƏBİ')).toBe(sortKey('çələbi'));
		expect(sortKey('René')).toBe(sortKey('Rene'));
		expect(sortKey('Çələbi'.normalize('NFD'))).toBe(sortKey('Çələbi'));
		expect(sortKey('ISMAYIL')).toBe(sortKey('ısmayıl'));
		expect(sortKey('İsmayıl')).not.toBe(sortKey('Ismayıl'));
	});

	test('sorts a shorter word first, and by the first text before the next', () => {
		expect(['Aliyev', 'Ali Zadeh', 'Ali'].sort(byKey)).toEqual(['Ali', 'Ali Zadeh', 'Aliyev']);
		// Family name, then given name: "Ali, Zaur" before "Ali Zadeh, Anar".
		const people = [
			['Ali Zadeh', 'Anar'],
			['Ali', 'Zaur'],
			['Əliyev', 'Anar']
		] as const;
		const keys = people.map(([family, given]) => sortKey(family, given));
		expect([...keys].sort()).toEqual([keys[1], keys[0], keys[2]]);
		expect(sortKey('Ali', '')).toBe(sortKey('Ali'));
	});

	test('orders numbers before letters and is plain ASCII', () => {
		expect(['Hall B', 'Hall 2'].sort(byKey)).toEqual(['Hall 2', 'Hall B']);
		expect(sortKey('«Azərbaycan Hava Yolları» QSC')).toMatch(/^[\x20-\x7e]*$/);
		expect(sortKey('«Azərbaycan»')).toBe(sortKey('Azərbaycan'));
	});
});

describe("the reader's collator", () => {
	test('is made once per language', () => {
		expect(collatorFor('az')).toBe(collatorFor('az'));
		expect(collatorFor('az')).not.toBe(collatorFor('ru'));
	});

	test('sorts in Azerbaijani, Russian or English order', () => {
		const names = ['Zeynalov', 'Xəlilov', 'Иванов', 'Çələbi', 'İsmayılov', 'Cəfərov', 'Hüseynov'];
		const name = (n: string) => n;
		expect(sortByText(names, name, 'az')).toEqual([
			'Cəfərov',
			'Çələbi',
			'Hüseynov',
			'Xəlilov',
			'İsmayılov',
			'Zeynalov',
			'Иванов'
		]);
		expect(sortByText(names, name, 'ru')[0]).toBe('Иванов');
		expect(sortByText(names, name, 'en')).toEqual([
			'Cəfərov',
			'Çələbi',
			'Hüseynov',
			'İsmayılov',
			'Xəlilov',
			'Zeynalov',
			'Иванов'
		]);
	});

	test('compares numbers as numbers, and keeps equal texts in their order', () => {
		expect(compareText('Hall 2', 'Hall 10', 'en')).toBeLessThan(0);
		const rows = [
			{ id: 1, name: 'Aliyev' },
			{ id: 2, name: 'Abbasov' },
			{ id: 3, name: 'Aliyev' }
		];
		expect(sortByText(rows, (r) => r.name, 'az').map((r) => r.id)).toEqual([2, 1, 3]);
	});
});
