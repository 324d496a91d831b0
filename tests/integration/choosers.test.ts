/**
 * The forms' choosers on both engines: found by a prefix of any word, in Latin or Cyrillic, at most 20;
 * what a form submits resolved to ids — a chosen id, a picked candidate, a text naming exactly one
 * record — and refused beside its field with the candidates when the text names several or none; hostile
 * text is only text.
 */
import type { LogEvent } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { getChoices, resolveChosen, searchChoices } from '$lib/server/choosers/chooser.service';
import { refreshSearchIndex } from '$lib/server/search/search.service';
import { officer } from '../helpers/actors';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertOrganization, insertPerson, insertVenue } from '../helpers/factories';
import { planOf } from '../helpers/query-plans';

const formOf = (entries: [string, string][]) => {
	const form = new FormData();
	for (const [name, value] of entries) form.append(name, value);
	return form;
};

describeEachEngine('choosers', (engine) => {
	let handle: TestDatabase;
	let vusal: number;
	let iom: number;
	let geneva: number;
	const twins: number[] = [];

	beforeAll(async () => {
		handle = await engine.open();
		vusal = (await insertPerson(handle.db, { given_name: 'Vüsal', family_name: 'Hüseynov' })).id;
		await insertPerson(handle.db, { given_name: 'Анна', family_name: 'Петрова' });
		iom = (
			await insertOrganization(handle.db, {
				name: 'International Organization for Migration',
				acronym: 'IOM'
			})
		).id;
		for (let i = 0; i < 2; i++) {
			twins.push((await insertOrganization(handle.db, { name: 'Embassy of Ruritania' })).id);
		}
		for (let i = 0; i < 30; i++) await insertOrganization(handle.db, { name: `Migration Office ${i}` });
		geneva = (await insertVenue(handle.db, { name: 'Palais des Nations', city: 'Geneva' })).id;
	});
	afterAll(() => handle.close());

	test('a prefix of any word finds the record, and a typed name in Cyrillic finds its Latin spelling', async () => {
		const byPrefix = await searchChoices(handle.db, officer, 'person', 'hüs');
		expect(byPrefix.map((c) => c.id)).toEqual([vusal]);
		const byCyrillic = await searchChoices(handle.db, officer, 'person', 'Гусейн');
		expect(byCyrillic.map((c) => c.id)).toEqual([vusal]);
		const byLatin = await searchChoices(handle.db, officer, 'person', 'petr');
		expect(byLatin.map((c) => c.label)).toEqual(['Mr Анна Петрова']);
		expect((await searchChoices(handle.db, officer, 'venue', 'genev')).map((c) => c.id)).toEqual([geneva]);
	});

	test('every typed word must start a word of the name, and at most 20 are offered', async () => {
		expect((await searchChoices(handle.db, officer, 'organization', 'org migr')).map((c) => c.id)).toEqual([
			iom
		]);
		const many = await searchChoices(handle.db, officer, 'organization', 'migration');
		expect(many).toHaveLength(20);
		expect(new Set(many.map((c) => c.id)).size).toBe(20);
	});

	test('hostile or empty text finds nothing and breaks nothing', async () => {
		for (const text of [
			'',
			'   ',
			"' or 1=1 --",
			'%',
			'_',
			'\u0000',
			'*',
			'x'.repeat(10_000),
			'🙂',
			'"IOM"'
		]) {
			const found = await searchChoices(handle.db, officer, 'organization', text);
			expect(found.length).toBeLessThanOrEqual(20);
		}
		expect(await searchChoices(handle.db, officer, 'organization', '%')).toEqual([]);
		expect((await searchChoices(handle.db, officer, 'organization', '"IOM"')).map((c) => c.id)).toEqual([
			iom
		]);
	});

	test('the chosen id stands while the text beside it names that record', async () => {
		const form = formOf([
			['host', String(iom)],
			['venueId', String(geneva)],
			['venueIdText', 'palais des nations']
		]);
		const result = await resolveChosen(handle.db, form, {
			host: { kind: 'organization', multiple: true },
			venueId: { kind: 'venue' }
		});
		expect(result.errors).toEqual({});
		expect(form.getAll('host')).toEqual([String(iom)]);
		expect(form.get('venueId')).toBe(String(geneva));
		expect(result.choosers.host!.chosen.map((c) => c.label)).toEqual([
			'International Organization for Migration (IOM)'
		]);
	});

	test('a text naming exactly one record is taken; by acronym or in another script too', async () => {
		const form = formOf([
			['host', String(twins[0])],
			['hostText', 'iom'],
			['personId', ''],
			['personIdText', 'Вусал Гусейнов']
		]);
		const result = await resolveChosen(handle.db, form, {
			host: { kind: 'organization', multiple: true },
			personId: { kind: 'person' }
		});
		expect(result.errors).toEqual({});
		expect(form.getAll('host')).toEqual([String(twins[0]), String(iom)]);
		expect(form.get('personId')).toBe(String(vusal));
	});

	test('a text naming several records is refused beside its field with them to pick from', async () => {
		const form = formOf([
			['organizationId', ''],
			['organizationIdText', 'Embassy of Ruritania']
		]);
		const result = await resolveChosen(handle.db, form, { organizationId: { kind: 'organization' } });
		expect(result.errors.organizationId).toMatch(/Several organisations are named “Embassy of Ruritania”/);
		expect(result.choosers.organizationId!.candidates.map((c) => c.id).sort()).toEqual([...twins].sort());
		expect(form.getAll('organizationId')).toEqual([]);

		const picked = formOf([
			['organizationIdText', 'Embassy of Ruritania'],
			['organizationIdPick', String(twins[1])]
		]);
		expect(
			(await resolveChosen(handle.db, picked, { organizationId: { kind: 'organization' } })).errors
		).toEqual({});
		expect(picked.get('organizationId')).toBe(String(twins[1]));

		// Among several hosts too: the pick answers the text it was listed for.
		const pickedHost = formOf([
			['host', String(iom)],
			['hostText', 'Embassy of Ruritania'],
			['hostPick', String(twins[0])]
		]);
		const hosts = await resolveChosen(handle.db, pickedHost, {
			host: { kind: 'organization', multiple: true }
		});
		expect(hosts.errors).toEqual({});
		expect(pickedHost.getAll('host')).toEqual([String(iom), String(twins[0])]);
	});

	test('a text naming nothing is refused; a changed text drops the id it replaced; an emptied one chooses none', async () => {
		const unknown = formOf([['venueIdText', 'Nowhere Hall']]);
		const refused = await resolveChosen(handle.db, unknown, { venueId: { kind: 'venue' } });
		expect(refused.errors.venueId).toBe(
			'No venue is named “Nowhere Hall”. Check the spelling, or type fewer letters.'
		);

		const changed = formOf([
			['organizationId', String(twins[0])],
			['organizationIdText', 'IOM']
		]);
		await resolveChosen(handle.db, changed, { organizationId: { kind: 'organization' } });
		expect(changed.get('organizationId')).toBe(String(iom));

		const emptied = formOf([
			['organizationId', String(iom)],
			['organizationIdText', '']
		]);
		await resolveChosen(handle.db, emptied, { organizationId: { kind: 'organization' } });
		expect(emptied.getAll('organizationId')).toEqual([]);
	});

	test('the chosen records are named from their ids alone, in order, unknown ids left out', async () => {
		const named = await getChoices(handle.db, 'organization', [
			String(twins[1]),
			iom,
			999_999,
			'x',
			null,
			'2147483648',
			'-1',
			'1e3'
		]);
		expect(named.map((c) => c.id)).toEqual([twins[1], iom]);
		const outOfRange = formOf([
			['venueId', '2147483648'],
			['venueIdText', 'Palais des Nations'],
			['organizationIdPick', '99999999999999999999']
		]);
		const resolved = await resolveChosen(handle.db, outOfRange, {
			venueId: { kind: 'venue' },
			organizationId: { kind: 'organization' }
		});
		expect(resolved.errors).toEqual({});
		expect(outOfRange.get('venueId')).toBe(String(geneva));
		expect(outOfRange.getAll('organizationId')).toEqual([]);
	});
});

describeEachEngine('what a chooser asks the database', (engine) => {
	let handle: TestDatabase;
	const queries: LogEvent[] = [];

	beforeAll(async () => {
		handle = await engine.open({ onQuery: (event) => queries.push(event) });
		for (let i = 0; i < 300; i++) {
			await insertOrganization(handle.db, { name: `Migration Office ${i}`, acronym: `MO${i}` });
			await insertPerson(handle.db, { given_name: `Given${i}`, family_name: `Гусейнов${i}` });
		}
		await refreshSearchIndex(handle.db);
	});
	afterAll(() => handle?.cleanup());

	test.each([
		['organization', 'off migra'],
		['person', 'Husey giv']
	] as const)(
		'a %s found by "%s" is read along the words index in its order, with no sort and no scan',
		async (kind, text) => {
			queries.length = 0;
			expect((await searchChoices(handle.db, officer, kind, text)).length).toBe(20);
			const probes = queries.filter((q) => q.query.sql.includes('chooser_word'));
			expect(probes.length).toBeGreaterThan(0);
			for (const { query } of probes) {
				const plan = await planOf(handle, query);
				if (handle.engine === 'postgres') {
					expect(plan).toMatch(/Index (Only )?Scan using chooser_word_pk/);
					expect(plan).toMatch(/chooser_word_entity_idx/);
					expect(plan).not.toMatch(/Seq Scan|Sort/);
				} else {
					expect(plan).toMatch(/SEARCH w USING (COVERING )?INDEX sqlite_autoindex_chooser_word_1/);
					expect(plan).toMatch(/SEARCH o (EXISTS )?USING (COVERING )?INDEX chooser_word_entity_idx/);
					expect(plan).not.toMatch(/SCAN|TEMP B-TREE/);
				}
			}
		}
	);
});
