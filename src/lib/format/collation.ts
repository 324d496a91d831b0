/**
 * Alphabetical order. Client-safe.
 *
 * A short list (an event's participants, a chooser's answers, a select's options) is put in the reader's
 * order by `Intl.Collator` for Paraglide's `getLocale()`: Azerbaijani c < ç, h < x < ı < i, k < q;
 * Russian Cyrillic first and ё with е; English as English does.
 *
 * A directory of any size (people, organisations, venues) is ordered by the database, through an index,
 * so by a stored key: `sortKey` spells a text as a string that sorts, compared byte by byte (SQLite's
 * BINARY, PostgreSQL's "C"), in the Azerbaijani alphabet — a b c ç d e ə f g ğ h x ı i j k q l m n o ö
 * p r s ş t u ü v y z, then w as ICU's Azerbaijani places it — then Cyrillic in the Russian alphabet
 * (ё as е; the letters of Azerbaijani Cyrillic, Ukrainian and Serbian beside their nearest Russian letter),
 * then any other letter by its code point. Capitals and marks that are not letters of their own
 * (é, ñ, ä) do not count; I is ı and İ is i, as in Azerbaijani. Digits come before letters, and a
 * shorter word before a longer one it begins ("Ali Zadeh" before "Aliyev").
 */
import { getLocale } from '../paraglide/runtime.js';

const collators = new Map<string, Intl.Collator>();

/** The collator of a language, made once: building one costs far more than comparing with it. */
export function collatorFor(locale: string = getLocale()): Intl.Collator {
	let collator = collators.get(locale);
	if (!collator) {
		// numeric: "Hall 2" before "Hall 10".
		collator = new Intl.Collator(locale, { numeric: true });
		collators.set(locale, collator);
	}
	return collator;
}

/** Compares two texts in the reader's order (or `locale`'s). */
export function compareText(a: string, b: string, locale: string = getLocale()): number {
	return collatorFor(locale).compare(a, b);
}

/** A copy of `items` in the reader's order of `textOf` (or `locale`'s); equal texts keep their order. */
export function sortByText<T>(
	items: Iterable<T>,
	textOf: (item: T) => string,
	locale: string = getLocale()
): T[] {
	const { compare } = collatorFor(locale);
	return [...items].sort((a, b) => compare(textOf(a), textOf(b)));
}

/** The key's letters, lowest first; each becomes two characters of `DIGITS` (its place). */
const ALPHABET = [
	...'0123456789',
	...'abcçdeəfgğhxıijkqlmnoöprsştuüvyzw',
	...'аәбвгғґдђеєжзѕиіјйкҝлљмнњоөпрстћуүфхһцчҹџшщъыьэюя'
];
/** Ascending in every byte order: 0-9, A-Z, a-z. */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CODES = new Map(
	ALPHABET.map((letter, i) => [letter, DIGITS[Math.floor(i / DIGITS.length)]! + DIGITS[i % DIGITS.length]!])
);
/**
 * Latin letters without a decomposition, spelled as the letters they are read as (and as people type
 * them): ß ss, ø o, ł l … Shared with the search's folding (server/search/search.text.ts).
 */
export const SPELLED_LETTERS: Readonly<Record<string, string>> = {
	ß: 'ss',
	æ: 'ae',
	œ: 'oe',
	ø: 'o',
	đ: 'd',
	ð: 'd',
	ł: 'l',
	þ: 'th',
	ħ: 'h',
	ŧ: 't',
	ŋ: 'n',
	ĸ: 'k',
	ſ: 's'
};
/** After the alphabet's codes (which begin 0 or 1): a letter outside it, by its code point. */
const OTHER = 'z';
/** Between the words of one text, and between the texts of one key (lower: the first text decides). */
const WORD_BREAK = '!';
const TEXT_BREAK = ' ';
/** Long enough for any name; the rest of a longer one is ordered by id. */
const MAX_KEY_LENGTH = 240;
/** A word as written, marks that did not compose included. */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

function codeOf(letter: string): string {
	const code = CODES.get(letter);
	if (code) return code;
	const spelled = SPELLED_LETTERS[letter];
	if (spelled) return [...spelled].map(codeOf).join('');
	const base = letter.normalize('NFD').replace(/\p{M}+/gu, '');
	if (base !== letter && base !== '') return [...base].map(codeOf).join('');
	let point = letter.codePointAt(0)!;
	let digits = '';
	for (let i = 0; i < 4; i++, point = Math.floor(point / DIGITS.length)) {
		digits = DIGITS[point % DIGITS.length]! + digits;
	}
	return OTHER + digits;
}

function wordsKey(text: string): string {
	const words = text.toLocaleLowerCase('az').normalize('NFC').match(WORD) ?? [];
	// A mark left after composing belongs to no letter of the alphabet: it does not count.
	return words.map((word) => [...word.replace(/\p{M}+/gu, '')].map(codeOf).join('')).join(WORD_BREAK);
}

/**
 * The stored key that orders texts alphabetically (see above): the first text, then the next for
 * texts that are equal so far — a person's family name, then given name.
 */
export function sortKey(...texts: (string | null | undefined)[]): string {
	return texts
		.map((text) => wordsKey(text ?? ''))
		.join(TEXT_BREAK)
		.trimEnd()
		.slice(0, MAX_KEY_LENGTH);
}
