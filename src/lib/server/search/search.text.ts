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
 * Words are runs of letters and digits; everything else separates them ("09/1502" is 09 and 1502).
 */

const EXTRA_LETTERS: Readonly<Record<string, string>> = {
	ı: 'i',
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
 * What the index stores for some texts: their folded words in order, then the a-spelling of every word
 * that had an ə (after all the others, so that the words of the text stay side by side for phrases).
 */
export function indexTerms(...texts: (string | null | undefined)[]): string {
	const words: string[] = [];
	const alternatives: string[] = [];
	for (const text of texts) {
		if (!text) continue;
		for (const word of strip(text).match(WORD) ?? []) {
			words.push(word.replaceAll('ə', 'e'));
			if (word.includes('ə')) alternatives.push(word.replaceAll('ə', 'a'));
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

/** True when the written word, folded, begins with one of the query's tokens. */
function matches(written: string, tokens: readonly string[]): boolean {
	const stripped = strip(written);
	const spellings = stripped.includes('ə')
		? [stripped.replaceAll('ə', 'e'), stripped.replaceAll('ə', 'a')]
		: [stripped];
	return spellings.some((spelling) =>
		(spelling.match(WORD) ?? []).some((part) => tokens.some((token) => part.startsWith(token)))
	);
}

/** The text cut into plain and matched pieces; joined again they give the text unchanged. */
export function highlight(text: string, terms: SearchTerms): Segment[] {
	const tokens = terms.flat();
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
	const tokens = terms.flat();
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
