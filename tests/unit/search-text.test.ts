/**
 * Folding text for search: what the index stores and what a query becomes must agree, whatever the
 * script, the accents or the punctuation; and the marks on shown text must never change the text.
 */
import { describe, expect, test } from 'vitest';
import {
	foldWords,
	highlight,
	indexTerms,
	nameKey,
	parseQuery,
	snippet,
	spellingKey,
	spellingsOf
} from '$lib/server/search/search.text';

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
		// The spelling key of Nəbiyev (nabiav, below) comes last.
		expect(indexTerms('Firudin Nəbiyev', 'Baku')).toBe('firudin nebiyev baku nabiyev nabiav');
		expect(indexTerms(null, undefined, '')).toBe('');
	});

	test('splits at punctuation, so reference numbers are runs of digits', () => {
		expect(foldWords('№ 09/1502')).toEqual(['no', '09', '1502']);
		expect(foldWords('Ref: 0451/13/21/26')).toEqual(['ref', '0451', '13', '21', '26']);
	});
});

describe('spelling keys across Latin and Cyrillic', () => {
	const key = (name: string) => nameKey(name);

	test.each([
		[
			'Vüsal Hüseynov',
			'Vusal Huseynov',
			'Вусал Гусейнов',
			'Гусейнов Вусал',
			'Vusal Guseynov',
			'Һүсејнов Вүсал'
		],
		['Firudin Nəbiyev', 'Firudin Nabiyev', 'Фирудин Набиев'],
		['Məmmədov', 'Mammadov', 'Mamedov', 'Мамедов'],
		['Səbinə Əliyeva', 'Sabina Aliyeva', 'Сабина Алиева'],
		['Xəlil', 'Khalil', 'Халил'],
		['Şahin', 'Shahin', 'Шахин'],
		['Çingiz', 'Chingiz', 'Чингиз'],
		['Rəşid', 'Rashid', 'Рашид'],
		['Qasım', 'Gasym', 'Гасым'],
		['Heydər', 'Heydar', 'Гейдар'],
		['Gülnarə', 'Gulnara', 'Gyulnara', 'Гюльнара'],
		['Yusif', 'Юсиф'],
		['Elena', 'Yelena', 'Елена'],
		['Vladimir Gjorgjiev', 'Владимир Ѓорѓиев', 'Владимир Горгиев']
	])('%s is one key however it is spelled', (...spellings) => {
		expect(new Set(spellings.map(key)).size).toBe(1);
	});

	test('tells different names apart', () => {
		const names = [
			'Vusal Huseynov',
			'Firudin Nabiyev',
			'Sabina Aliyeva',
			'António Vitorino',
			'William Lacy Swing'
		];
		expect(new Set(names.map(key)).size).toBe(names.length);
		expect(key('Vusal Huseynov')).not.toBe(key('Vusal Huseynova'));
	});

	test('digits stay as they are: only a doubled letter is one', () => {
		expect(spellingKey('2000')).toBe('2000');
		expect(key('Writer0-11')).not.toBe(key('Writer0-1'));
	});

	test('a key is of folded words, and empty for no words', () => {
		expect(spellingKey('гусеинов')).toBe('husainov');
		expect(nameKey('  ', null)).toBe('');
	});

	test('a query word is matched by its folded form or, where it differs, by its key', () => {
		expect(spellingsOf(['гусеинов'])).toEqual([['гусеинов'], ['husainov']]);
		expect(spellingsOf(['vusal'])).toEqual([['vusal']]);
	});

	test('the index keeps the key of a word beside the word', () => {
		expect(indexTerms('Вусал Гусейнов')).toBe('вусал гусеинов vusal husainov');
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

	test('marks a name written in another script', () => {
		expect(highlight('Mr Vüsal Hüseynov', parseQuery('Вусал Гусей'))).toEqual([
			{ text: 'Mr ', mark: false },
			{ text: 'Vüsal', mark: true },
			{ text: ' ', mark: false },
			{ text: 'Hüseynov', mark: true }
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
