/**
 * How text is folded for searching, the same for what is indexed and what is typed, on both engines:
 * lower case, compatibility-decomposed (NFKD) with every combining mark removed, so "Hüseynov" and
 * "huseynov", "Ѓорѓиев" and "горгиев", "Ёлка" and "елка" are one word. A few letters have no
 * decomposition and are spelled as people type them without the key (ı → i, ß → ss, ø → o …).
 *
 * The Azerbaijani ə is typed two ways: as e ("Azerbaycan", which is how the word is spelled in Latin
 * before 1991 and on most keyboards) and as a (the English spellings: "Nabiyev" for Nəbiyev, "Aliyeva"
 * for Əliyeva). A query folds ə to e; the index keeps both spellings of every word with an ə, so
 * "azerbaycan", "nebiyev" and "nabiyev" all find their record.
 *
 * Names cross scripts too: every word also has a spelling key (`spellingKey`), the same for the
 * Azerbaijani Latin, the Russian Cyrillic and the English spelling of a name, so "Вусал Гусейнов" finds
 * Vüsal Hüseynov and "Huseynov" finds Гусейнов. The index keeps the key of every word beside the word, and
 * a query word matches by its folded form or by its key.
 *
 * Words are runs of letters and digits; everything else separates them ("09/1502" is 09 and 1502).
 */
import { SPELLED_LETTERS } from '../../format/collation';

/** ı has no decomposition either: it is i wherever it is typed, as in Azerbaijani without its keyboard. */
const EXTRA_LETTERS: Readonly<Record<string, string>> = { ı: 'i', ...SPELLED_LETTERS };
const EXTRA_PATTERN = new RegExp(`[${Object.keys(EXTRA_LETTERS).join('')}]`, 'gu');
const WORD = /[\p{L}\p{N}]+/gu;
/** A word as written, combining marks included (text may come decomposed). */
const WRITTEN_WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

/**
 * Lower case, marks removed, special letters spelled out; ə is left for the caller to choose. Decomposed
 * before lower-casing too, so that what decomposes into capitals ("№" is "No") ends up in lower case.
 */
function strip(text: string): string {
	return text
		.normalize('NFKD')
		.toLowerCase()
		.normalize('NFKD')
		.replace(/\p{M}+/gu, '')
		.replace(EXTRA_PATTERN, (letter) => EXTRA_LETTERS[letter] ?? letter);
}

/** The folded words of a text, ə as e. */
export function foldWords(text: string): string[] {
	return strip(text).replaceAll('ə', 'e').match(WORD) ?? [];
}

/**
 * Cyrillic letters in Latin, as Russian names are spelled in English (х kh, ш sh, ж zh, ц ts), with the
 * letters of Azerbaijani Cyrillic (ә ғ һ ҹ ј ү ө ҝ), Ukrainian and Belarusian, Serbian and Macedonian.
 * Applied to folded words, whose marks are gone already: й is и, ё is е, ї is і, ѓ is г, ў is у.
 */
const CYRILLIC: Readonly<Record<string, string>> = {
	а: 'a',
	б: 'b',
	в: 'v',
	г: 'g',
	д: 'd',
	е: 'e',
	ж: 'zh',
	з: 'z',
	и: 'i',
	к: 'k',
	л: 'l',
	м: 'm',
	н: 'n',
	о: 'o',
	п: 'p',
	р: 'r',
	с: 's',
	т: 't',
	у: 'u',
	ф: 'f',
	х: 'kh',
	ц: 'ts',
	ч: 'ch',
	ш: 'sh',
	щ: 'shch',
	ъ: '',
	ы: 'y',
	ь: '',
	э: 'e',
	ю: 'yu',
	я: 'ya',
	ә: 'e',
	ғ: 'g',
	һ: 'h',
	ҹ: 'c',
	ј: 'y',
	ү: 'u',
	ө: 'o',
	ҝ: 'g',
	і: 'i',
	є: 'ye',
	ґ: 'g',
	ђ: 'dj',
	љ: 'lj',
	њ: 'nj',
	ћ: 'c',
	џ: 'dzh',
	ѕ: 'dz'
};
const CYRILLIC_PATTERN = new RegExp(`[${Object.keys(CYRILLIC).join('')}]`, 'gu');

/**
 * A folded word's spelling key: the same for the ways one name is written in Azerbaijani Latin, Russian
 * Cyrillic and English — Hüseynov, Huseynov, Гусейнов (and Guseynov); Nəbiyev, Nabiyev, Набиев;
 * Məmmədov, Mammadov, Мамедов; Xəlil, Khalil, Халил; Şahin, Shahin, Шахин; Gülnarə, Гюльнара. Cyrillic is
 * spelled in Latin first; then the letters each language writes differently fall together: sh is s
 * (ş folds to s), ch is c (ç), zh is j, kh is h; g, q, x and h are one sound (Azerbaijani h is Russian г
 * in Hüseynov–Гусейнов, Azerbaijani x is Russian х); e is a (ə is а or е in Russian); y is i; w is v;
 * a y after a consonant before a vowel is dropped (Гюль, gyul, gül), as is a y beginning a word before
 * a vowel (Юсиф, Yusif, Usif — Елена, Yelena); a doubled letter is one. It is a key for finding, never
 * shown: it only has to be equal for spellings of one name and rarely for two names. What it misses:
 * Azerbaijani c against Russian дж (Cəlil, Джалил), and Latin x read as ks (Alexander).
 */
export function spellingKey(folded: string): string {
	return folded
		.replace(CYRILLIC_PATTERN, (letter) => CYRILLIC[letter] ?? letter)
		.replaceAll('sh', 's')
		.replaceAll('ch', 'c')
		.replaceAll('zh', 'j')
		.replaceAll('kh', 'h')
		.replaceAll('dj', 'j')
		.replace(/([b-df-hj-np-tv-z])[yj](?=[aeiou])/g, '$1')
		.replace(/^y(?=[aeiou])/, '')
		.replace(/[gqx]/g, 'h')
		.replaceAll('y', 'i')
		.replaceAll('w', 'v')
		.replaceAll('e', 'a')
		.replace(/(\p{L})\1+/gu, '$1');
}

/**
 * The spelling key of a whole name: the keys of its words in alphabetical order, so that the family
 * name may come first or last ("Гусейнов Вусал", "Vüsal Hüseynov" and "Vusal Huseynov" are one key).
 * Empty when the texts hold no word.
 */
export function nameKey(...texts: (string | null | undefined)[]): string {
	return texts
		.flatMap((text) => (text ? foldWords(text) : []))
		.map(spellingKey)
		.sort()
		.join(' ');
}

/**
 * What the index stores for some texts: their folded words in order, then the a-spelling of every word
 * that had an ə and the spelling key of every word whose key differs from it (after all the others, so
 * that the words of the text stay side by side for phrases).
 */
export function indexTerms(...texts: (string | null | undefined)[]): string {
	const words: string[] = [];
	const alternatives: string[] = [];
	for (const text of texts) {
		if (!text) continue;
		for (const word of strip(text).match(WORD) ?? []) {
			const folded = word.replaceAll('ə', 'e');
			words.push(folded);
			if (word.includes('ə')) alternatives.push(word.replaceAll('ə', 'a'));
			const key = spellingKey(folded);
			if (key !== folded && key !== '') alternatives.push(key);
		}
	}
	return [...words, ...alternatives].join(' ');
}

/** Generous limits: a query longer than this is not a search someone typed. */
const MAX_QUERY_LENGTH = 200;
const MAX_WORDS = 8;
const MAX_TOKENS_PER_WORD = 8;
const MAX_TOKEN_LENGTH = 64;

/**
 * A typed query as what must match: each word of it (split at spaces) is one or more folded tokens in
 * a row — "09/1502" is the phrase 09 1502 — and the last token of each is a prefix, for answers as one
 * types. Every word must match. Nothing of the query's own punctuation survives: quotes, stars, minus
 * signs and the like are separators here, never search syntax.
 */
export type SearchTerms = string[][];

export function parseQuery(query: string): SearchTerms {
	return query
		.slice(0, MAX_QUERY_LENGTH)
		.split(/\s+/u)
		.map((word) =>
			foldWords(word)
				.slice(0, MAX_TOKENS_PER_WORD)
				.map((t) => t.slice(0, MAX_TOKEN_LENGTH))
		)
		.filter((tokens) => tokens.length > 0)
		.slice(0, MAX_WORDS);
}

/** A piece of shown text, marked when it matched the query. */
export interface Segment {
	text: string;
	mark: boolean;
}

/**
 * A query word's spellings, each tokens in a row: as folded and, when it differs, as spelling keys. A
 * word matches when one of them does.
 */
export function spellingsOf(tokens: readonly string[]): string[][] {
	const keys = tokens.map(spellingKey);
	return keys.join(' ') === tokens.join(' ') || keys.includes('') ? [[...tokens]] : [[...tokens], keys];
}

/** A query's tokens with their spelling keys, made once for all the words of the texts they mark. */
interface QueryToken {
	token: string;
	key: string;
}

function queryTokens(terms: SearchTerms): QueryToken[] {
	return terms.flat().map((token) => ({ token, key: spellingKey(token) }));
}

/**
 * The spelling keys of the words results are made of, kept: the same titles and names come back in
 * answer after answer, and their keys were most of marking them. Emptied when it grows too large.
 */
const partKeys = new Map<string, string>();
const PART_KEYS_KEPT = 20_000;

function keyOfPart(part: string): string {
	let key = partKeys.get(part);
	if (key === undefined) {
		key = spellingKey(part);
		if (partKeys.size >= PART_KEYS_KEPT) partKeys.clear();
		partKeys.set(part, key);
	}
	return key;
}

/** True when the written word, folded or as its spelling key, begins with one of the query's tokens. */
function matches(written: string, tokens: readonly QueryToken[]): boolean {
	const stripped = strip(written);
	const spellings = stripped.includes('ə')
		? [stripped.replaceAll('ə', 'e'), stripped.replaceAll('ə', 'a')]
		: [stripped];
	return spellings.some((spelling) =>
		(spelling.match(WORD) ?? []).some((part) => {
			// The part's key only when a token's folded form does not match, and then once.
			let partKey: string | undefined;
			return tokens.some(
				({ token, key }) =>
					part.startsWith(token) || (key !== '' && (partKey ??= keyOfPart(part)).startsWith(key))
			);
		})
	);
}

/** The text cut into plain and matched pieces; joined again they give the text unchanged. */
export function highlight(text: string, terms: SearchTerms): Segment[] {
	const tokens = queryTokens(terms);
	const segments: Segment[] = [];
	const push = (piece: string, mark: boolean) => {
		if (!piece) return;
		const last = segments[segments.length - 1];
		if (last && last.mark === mark) last.text += piece;
		else segments.push({ text: piece, mark });
	};
	let at = 0;
	for (const found of text.matchAll(WRITTEN_WORD)) {
		if (!matches(found[0], tokens)) continue;
		push(text.slice(at, found.index), false);
		push(found[0], true);
		at = found.index + found[0].length;
	}
	push(text.slice(at), false);
	return segments;
}

/**
 * A stretch of a longer text around its first match, about `length` characters, cut at spaces and
 * marked; null when nothing in it matched (the record matched on other fields).
 */
export function snippet(text: string, terms: SearchTerms, length = 180): Segment[] | null {
	const tokens = queryTokens(terms);
	const first = [...text.matchAll(WRITTEN_WORD)].find((found) => matches(found[0], tokens));
	if (!first) return null;
	let start = Math.max(0, first.index - Math.floor(length / 3));
	if (start > 0) {
		const space = text.indexOf(' ', start);
		start = space >= 0 && space < first.index ? space + 1 : start;
	}
	let end = Math.min(text.length, start + length);
	if (end < text.length) {
		const space = text.lastIndexOf(' ', end);
		end = space > first.index ? space : end;
	}
	const piece = `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
	return highlight(piece, terms);
}
