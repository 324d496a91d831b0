/**
 * Search respects each language, on both engines: a name is found however its letters are typed — with
 * or without the Azerbaijani letters (ç ə ğ ı ö ş ü), in capitals (İ and I, Ə), with ё or е — through
 * the site search and the forms' choosers alike.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { searchChoices } from '$lib/server/choosers/chooser.service';
import type { SearchEntityType } from '$lib/server/db/schema';
import { searchEverything } from '$lib/server/search/search.service';
import { officer } from '../helpers/actors';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertOrganization, insertPerson } from '../helpers/factories';

describeEachEngine('search in every language', (engine) => {
	let handle: TestDatabase;
	const ids: Record<string, number> = {};

	/** The ids the site search finds of one type. */
	async function found(query: string, type: SearchEntityType): Promise<number[]> {
		const results = await searchEverything(handle.db, query, { perType: 50 });
		return results.groups.find((g) => g.type === type)?.hits.map((h) => h.id) ?? [];
	}

	/** The ids a chooser offers for the text typed. */
	async function offered(text: string, kind: 'person' | 'organization'): Promise<number[]> {
		return (await searchChoices(handle.db, officer, kind, text)).map((c) => c.id);
	}

	beforeAll(async () => {
		handle = await engine.open();
		const db = handle.db;
		ids.celebi = (await insertPerson(db, { given_name: 'Aydın', family_name: 'Çələbi' })).id;
		ids.ismayilov = (await insertPerson(db, { given_name: 'İlqar', family_name: 'İsmayılov' })).id;
		ids.yolkin = (await insertPerson(db, { given_name: 'Пётр', family_name: 'Ёлкин' })).id;
		ids.sheki = (await insertOrganization(db, { name: 'Şəki Şəhər İcra Hakimiyyəti', acronym: null })).id;
		ids.igdir = (await insertOrganization(db, { name: 'IĞDIR VALİLİĞİ', acronym: null })).id;
		ids.ambassador = (
			await insertPerson(db, {
				given_name: 'Zurab',
				family_name: 'Pataradze',
				position: 'Ambassador of Georgia',
				position_locale: 'en',
				position_ru: 'Посол Грузии'
			})
		).id;
	});
	afterAll(() => handle?.cleanup());

	const celebi = ['celebi', 'Çələbi', 'ÇƏLƏBİ', 'çələbi', 'CƏLƏBI', 'Calabi', 'çəl'];
	describe.each(celebi)('"%s"', (typed) => {
		test('finds Çələbi in the search and in the chooser', async () => {
			expect(await found(typed, 'person')).toEqual([ids.celebi]);
			expect(await offered(typed, 'person')).toEqual([ids.celebi]);
		});
	});

	test('İ and i, I and ı are one letter, whichever is typed', async () => {
		for (const typed of ['İsmayılov', 'ismayilov', 'ISMAYILOV', 'İSMAYILOV', 'ismayılov', 'ilqar']) {
			expect(await found(typed, 'person')).toEqual([ids.ismayilov]);
			expect(await offered(typed, 'person')).toEqual([ids.ismayilov]);
		}
		for (const typed of ['iğdır', 'igdir', 'Iğdır', 'valiliyi']) {
			expect(await found(typed, 'organization')).toEqual([ids.igdir]);
			expect(await offered(typed, 'organization')).toEqual([ids.igdir]);
		}
	});

	test('ə and Ə, ş and Ş are found typed as themselves, in capitals, or as e and s', async () => {
		for (const typed of ['Şəki', 'ŞƏKİ', 'seki', 'sheki', 'şəhər icra', 'SEHER']) {
			expect(await found(typed, 'organization')).toEqual([ids.sheki]);
			expect(await offered(typed, 'organization')).toEqual([ids.sheki]);
		}
	});

	test('a person is found by any version of their current post', async () => {
		for (const typed of ['Ambassador of Georgia', 'посол грузии']) {
			expect(await found(typed, 'person')).toEqual([ids.ambassador]);
		}
	});

	test('Cyrillic in any case, ё typed as е', async () => {
		for (const typed of ['Ёлкин', 'ЁЛКИН', 'елкин', 'ЕЛКИН', 'пётр елкин', 'ПЕТР']) {
			expect(await found(typed, 'person')).toEqual([ids.yolkin]);
			expect(await offered(typed, 'person')).toEqual([ids.yolkin]);
		}
	});
});
