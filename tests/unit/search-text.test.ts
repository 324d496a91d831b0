/**
 * Folding text for search: what the index stores and what a query becomes must agree, whatever the
 * script, the accents or the punctuation; and the marks on shown text must never change the text.
 */
import { describe, expect, test } from 'vitest';
import { foldWords, highlight, indexTerms, parseQuery, snippet } from '$lib/server/search/search.text';

describe('folding', () => {
	test('drops diacritics and case in every script', () => {
		expect(foldWords('Vüsal Hüseynov')).toEqual(['vusal', 'huseynov']);
		expect(foldWords('Владимир Ѓорѓиев')).toEqual(['владимир', 'горгиев']);
		expect(foldWords('Ёлка Čapek Ørsted Straße İstanbul ılıq')).toEqual([
			'елка',
			'capek',
			'orsted',
			'strasse',
			'istanbul',
			'iliq'
		]);
	});

	test('reads the Azerbaijani ə as e in a query', () => {
		expect(foldWords('Azərbaycan Respublikası')).toEqual(['azerbaycan', 'respublikasi']);
	});

	test('indexes a word with ə under both its e and its a spelling, after the text', () => {
		expect(indexTerms('Firudin Nəbiyev', 'Baku')).toBe('firudin nebiyev baku nabiyev');
		expect(indexTerms(null, undefined, '')).toBe('');
	});

	test('splits at punctuation, so reference numbers are runs of digits', () => {
		expect(foldWords('№ 09/1502')).toEqual(['no', '09', '1502']);
		expect(foldWords('Ref: 0451/13/21/26')).toEqual(['ref', '0451', '13', '21', '26']);
	});
});

describe('a query', () => {
	test('is its words, each a run of tokens', () => {
		expect(parseQuery('  Hüseynov  09/1502 ')).toEqual([['huseynov'], ['09', '1502']]);
	});

	test('keeps nothing of search syntax or SQL', () => {
		expect(parseQuery(`"NEAR(a b)" -c* 'd'; drop--`)).toEqual([['near', 'a'], ['b'], ['c'], ['d'], ['drop']]);
		expect(parseQuery(`*"-;'`)).toEqual([]);
		expect(parseQuery('')).toEqual([]);
	});

	test('is cut to a sensible size', () => {
		expect(parseQuery('a '.repeat(50))).toHaveLength(8);
		expect(parseQuery('x'.repeat(500))[0]![0]).toHaveLength(64);
	});
});

describe('highlighting', () => {
	test('marks whole words that begin with a token, however they are written', () => {
		expect(highlight('Mr Vüsal Hüseynov, Chief', parseQuery('huseyn'))).toEqual([
			{ text: 'Mr Vüsal ', mark: false },
			{ text: 'Hüseynov', mark: true },
			{ text: ', Chief', mark: false }
		]);
		expect(highlight('Firudin Nəbiyev', parseQuery('nabi'))).toEqual([
			{ text: 'Firudin ', mark: false },
			{ text: 'Nəbiyev', mark: true }
		]);
	});

	test('never changes the text, markup included', () => {
		const text = '<script>alert("Hüseynov")</script> & co';
		const segments = highlight(text, parseQuery('huseynov script'));
		expect(segments.map((s) => s.text).join('')).toBe(text);
		expect(segments.filter((s) => s.mark).map((s) => s.text)).toEqual(['script', 'Hüseynov', 'script']);
	});

	test('a snippet is cut around the first match and marked', () => {
		const text = `${'Lorem ipsum dolor sit amet. '.repeat(10)}The Chief met Mr Profazi in Baku. ${'More words follow here. '.repeat(10)}`;
		const cut = snippet(text, parseQuery('profazi'), 100)!;
		const joined = cut.map((s) => s.text).join('');
		expect(joined.startsWith('…')).toBe(true);
		expect(joined.endsWith('…')).toBe(true);
		expect(joined.length).toBeLessThanOrEqual(102);
		expect(cut.filter((s) => s.mark).map((s) => s.text)).toEqual(['Profazi']);
		expect(snippet(text, parseQuery('geneva'))).toBeNull();
	});
});
