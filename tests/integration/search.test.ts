/**
 * Search on both engines: names in any script and without their diacritics, acronyms, reference
 * numbers, words of longer texts, prefixes as one types; the index follows every insert, edit and
 * delete, whoever makes it; nothing a user types is taken as SQL or search syntax.
 */
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { migrations } from '$db/migrations';
import type { SearchEntityType } from '$lib/server/db/schema';
import { migrateToLatest } from '$lib/server/db/migrator';
import { loadDemoData } from '$lib/server/demo/demo.service';
import { SEARCH_WINDOW } from '$lib/server/search/search.repository';
import { refreshSearchIndex, searchEverything, searchType } from '$lib/server/search/search.service';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import {
	insertAgreement,
	insertEvent,
	insertOrganization,
	insertPerson,
	insertProject,
	stamps
} from '../helpers/factories';

describeEachEngine('search', (engine) => {
	let handle: TestDatabase;
	let ids: Record<string, number>;

	/** The ids found of one type, best first. */
	async function found(query: string, type: SearchEntityType): Promise<number[]> {
		const results = await searchEverything(handle.db, query, { perType: 50 });
		return results.groups.find((g) => g.type === type)?.hits.map((h) => h.id) ?? [];
	}

	beforeAll(async () => {
		handle = await engine.open();
		const db = handle.db;
		const iom = await insertOrganization(db, {
			name: 'International Organization for Migration',
			acronym: 'IOM',
			kind: 'international_organization',
			country_code: null
		});
		const sms = await insertOrganization(db, {
			name: 'Azərbaycan Respublikasının Dövlət Miqrasiya Xidməti',
			acronym: 'DMX',
			city: 'Bakı'
		});
		const huseynov = await insertPerson(db, {
			given_name: 'Vüsal',
			family_name: 'Hüseynov',
			position: 'Chief of the State Migration Service'
		});
		const gjorgjiev = await insertPerson(db, {
			given_name: 'Vladimir',
			family_name: 'Gjorgjiev',
			native_name: 'Владимир Ѓорѓиев',
			position: 'Chief of Mission, IOM Azerbaijan'
		});
		const nabiyev = await insertPerson(db, { given_name: 'Firudin', family_name: 'Nəbiyev' });
		const day = await insertEvent(db, {
			kind: 'observance',
			title: 'International Migrants Day 2021',
			theme: 'Harnessing the potential of human mobility'
		});
		const meeting = await insertEvent(db, { title: 'Meeting with the Regional Director of IOM' });
		const outcome = await db
			.insertInto('outcome')
			.values({
				kind: 'decision',
				title: 'Cooperation Agreement',
				text: 'The parties agree to exchange information on readmission and reintegration.',
				...stamps()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const letter = await db
			.insertInto('correspondence')
			.values({
				kind: 'letter',
				reference_number: '09/1502',
				dated_on: '2021-09-02',
				subject: 'Invitation to the Migration Forum',
				...stamps()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const other = await db
			.insertInto('correspondence')
			.values({
				kind: 'note_verbale',
				reference_number: '0451/13/21/26',
				dated_on: '2021-11-30',
				subject: 'Note on the Council session',
				...stamps()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const agreement = await insertAgreement(db, {
			title: 'Agreement on the readmission of persons residing without authorisation',
			signed_place: 'Brussels',
			approval_act: 'Decree of the President of the Republic of Azerbaijan'
		});
		const project = await insertProject(db, {
			title: 'Consolidation of Migration and Border Management Capacities in Azerbaijan',
			programme: 'twinning',
			description: 'Training for border guards in document examination.'
		});
		ids = {
			agreement: agreement.id,
			project: project.id,
			iom: iom.id,
			sms: sms.id,
			huseynov: huseynov.id,
			gjorgjiev: gjorgjiev.id,
			nabiyev: nabiyev.id,
			day: day.id,
			meeting: meeting.id,
			outcome: outcome.id,
			letter: letter.id,
			other: other.id
		};
	});
	afterAll(async () => {
		await handle?.cleanup();
	});

	test('finds events by words of their title', async () => {
		expect(await found('migrants day', 'event')).toEqual([ids.day]);
		expect(await found('Regional Director', 'event')).toEqual([ids.meeting]);
	});

	test('finds events by words of their theme', async () => {
		expect(await found('human mobility', 'event')).toEqual([ids.day]);
	});

	test('finds a person by name with or without its diacritics', async () => {
		expect(await found('Hüseynov', 'person')).toEqual([ids.huseynov]);
		expect(await found('huseynov', 'person')).toEqual([ids.huseynov]);
		expect(await found('HUSEYNOV vusal', 'person')).toEqual([ids.huseynov]);
	});

	test('finds a person by the Latin and the Cyrillic spelling of the name', async () => {
		expect(await found('Gjorgjiev', 'person')).toEqual([ids.gjorgjiev]);
		expect(await found('Ѓорѓиев', 'person')).toEqual([ids.gjorgjiev]);
		expect(await found('горгиев', 'person')).toEqual([ids.gjorgjiev]);
		expect(await found('Владимир', 'person')).toEqual([ids.gjorgjiev]);
	});

	test('finds a name typed in the other script: Cyrillic for Latin and back', async () => {
		expect(await found('Вусал Гусейнов', 'person')).toEqual([ids.huseynov]);
		expect(await found('Гусей', 'person')).toEqual([ids.huseynov]);
		expect(await found('Фирудин Набиев', 'person')).toEqual([ids.nabiyev]);
		expect(await found('Gorgiev', 'person')).toEqual([ids.gjorgjiev]);
		const cyrillic = await insertPerson(handle.db, { given_name: 'Сабина', family_name: 'Алиева' });
		try {
			expect(await found('Sabina Aliyeva', 'person')).toEqual([cyrillic.id]);
			expect(await found('aliy', 'person')).toEqual([cyrillic.id]);
		} finally {
			await handle.db.deleteFrom('person').where('id', '=', cyrillic.id).execute();
		}
	});

	test('finds the Azerbaijani ə typed as e, as a or as itself', async () => {
		expect(await found('azerbaycan', 'organization')).toEqual([ids.sms]);
		expect(await found('Azərbaycan', 'organization')).toEqual([ids.sms]);
		expect(await found('nabiyev', 'person')).toEqual([ids.nabiyev]);
		expect(await found('nebiyev', 'person')).toEqual([ids.nabiyev]);
		expect(await found('Nəbiyev', 'person')).toEqual([ids.nabiyev]);
		expect(await found('baki', 'organization')).toEqual([ids.sms]);
	});

	test('finds an organisation by its acronym', async () => {
		expect(await found('IOM', 'organization')).toEqual([ids.iom]);
		expect(await found('dmx', 'organization')).toEqual([ids.sms]);
	});

	test('finds correspondence by its reference number, as a whole and as typed so far', async () => {
		expect(await found('09/1502', 'correspondence')).toEqual([ids.letter]);
		expect(await found('09/15', 'correspondence')).toEqual([ids.letter]);
		expect(await found('0451/13/21/26', 'correspondence')).toEqual([ids.other]);
		expect(await found('1502/09', 'correspondence')).toEqual([]);
	});

	test('finds outcomes by words of their text', async () => {
		expect(await found('readmission', 'outcome')).toEqual([ids.outcome]);
	});

	test('finds agreements by their title, place of signature and act of approval', async () => {
		expect(await found('readmission', 'agreement')).toEqual([ids.agreement]);
		expect(await found('brussels', 'agreement')).toEqual([ids.agreement]);
		expect(await found('presidential decree', 'agreement')).toEqual([]);
		expect(await found('decree president', 'agreement')).toEqual([ids.agreement]);
	});

	test('finds projects by their title, description and programme, and leads to their page', async () => {
		expect(await found('border management', 'project')).toEqual([ids.project]);
		expect(await found('document examination', 'project')).toEqual([ids.project]);
		expect(await found('twinning', 'project')).toEqual([ids.project]);
		const results = await searchEverything(handle.db, 'border guards');
		const hit = results.groups.find((g) => g.type === 'project')!.hits[0]!;
		expect(hit.href).toBe(`/projects/${ids.project}`);
		expect(hit.detail!.map((s) => s.text).join('')).toBe(
			'Project · Twinning (EU) · Ongoing · Dates not recorded'
		);
	});

	test('matches the last word of a query as a prefix, as one types', async () => {
		expect(await found('hüsey', 'person')).toEqual([ids.huseynov]);
		expect(await found('Ѓорѓ', 'person')).toEqual([ids.gjorgjiev]);
		expect(await found('migrants d', 'event')).toEqual([ids.day]);
		expect(await found('readm', 'outcome')).toEqual([ids.outcome]);
	});

	test('requires every word of the query', async () => {
		expect(await found('migrants council', 'event')).toEqual([]);
	});

	test('groups results by type and marks the matched words', async () => {
		const results = await searchEverything(handle.db, 'migration');
		expect(results.groups.map((g) => g.type)).toEqual([
			'person',
			'organization',
			'correspondence',
			'project'
		]);
		const organisation = results.groups.find((g) => g.type === 'organization')!.hits[0]!;
		expect(organisation.href).toBe(`/organizations/${ids.iom}`);
		expect(organisation.title).toEqual([
			{ text: 'International Organization for ', mark: false },
			{ text: 'Migration', mark: true },
			{ text: ' (IOM)', mark: false }
		]);
	});

	test('marks a matched word however it was typed', async () => {
		const results = await searchEverything(handle.db, 'huseynov');
		const person = results.groups.find((g) => g.type === 'person')!.hits[0]!;
		expect(person.title.filter((s) => s.mark).map((s) => s.text)).toEqual(['Hüseynov']);
	});

	test('nothing typed is taken as SQL or search syntax', async () => {
		const hostile = [
			`"`,
			`'`,
			`;`,
			`*`,
			`-`,
			`huseynov"`,
			`"huseynov`,
			`hus*`,
			`-huseynov`,
			`NEAR(huseynov vusal)`,
			`huseynov NEAR vusal`,
			`huseynov OR 1=1`,
			`huseynov AND NOT x`,
			`'; drop table event; --`,
			`title:migrants`,
			`^migrants`,
			`(migrants`,
			`migrants)`,
			`a & b | !c <-> d:*`,
			`\\`,
			`%_`,
			`{}[]`,
			'\u0000',
			'   ',
			''
		];
		for (const query of hostile) {
			await expect(searchEverything(handle.db, query), query).resolves.toBeDefined();
			await expect(searchType(handle.db, query, 'person', { limit: 5 }), query).resolves.toBeDefined();
		}
		expect(await found(`huseynov"`, 'person')).toEqual([ids.huseynov]);
		expect(await found(`-huseynov`, 'person')).toEqual([ids.huseynov]);
		expect(await found(`NEAR(huseynov vusal)`, 'person')).toEqual([]);
		expect((await searchEverything(handle.db, `*"-;`)).searched).toBe(false);
	});

	test('an edited record is found by its new title and no longer by its old one', async () => {
		await handle.db
			.updateTable('event')
			.set({ title: 'Consultations on labour mobility', version: 2 })
			.where('id', '=', ids.meeting!)
			.execute();
		expect(await found('labour mobility', 'event')).toEqual([ids.meeting]);
		expect(await found('Regional Director', 'event')).toEqual([]);
	});

	test('a new record is found at once, and a deleted one no longer', async () => {
		const person = await insertPerson(handle.db, { given_name: 'Səbinə', family_name: 'Əliyeva' });
		expect(await found('sabina aliyeva', 'person')).toEqual([person.id]);
		await handle.db.deleteFrom('person').where('id', '=', person.id).execute();
		expect(await found('sabina aliyeva', 'person')).toEqual([]);
	});

	test('a delete that the foreign keys cascade to rows still pending leaves each pending once', async () => {
		const db = handle.db;
		const event = await insertEvent(db, { title: 'Consultations on return and reintegration' });
		const outcomes = [];
		for (const title of ['Joint reintegration pilot', 'Exchange of returnee data']) {
			const row = await db
				.insertInto('outcome')
				.values({ event_id: event.id, kind: 'decision', title, status: 'open', ...stamps() })
				.returning('id')
				.executeTakeFirstOrThrow();
			outcomes.push(row.id);
		}
		// Not yet indexed: both outcomes are still pending when ON DELETE SET NULL updates them.
		await db.deleteFrom('event').where('id', '=', event.id).execute();
		expect(await found('reintegration', 'event')).toEqual([]);
		expect((await found('reintegration pilot', 'outcome')).sort()).toEqual([outcomes[0]]);
		const left = await db.selectFrom('outcome').select('event_id').where('id', 'in', outcomes).execute();
		expect(left.map((o) => o.event_id)).toEqual([null, null]);
	});

	test('shows a few of each type with the total, and pages through one type in full', async () => {
		const db = handle.db;
		for (let i = 0; i < 12; i++) {
			await insertEvent(db, { title: `Working group on statelessness, meeting ${i + 1}` });
		}
		const grouped = await searchEverything(db, 'statelessness', { perType: 5 });
		expect(grouped.groups).toHaveLength(1);
		expect(grouped.groups[0]!.hits).toHaveLength(5);
		expect(grouped.groups[0]!.total).toBe(12);

		const seen: number[] = [];
		let request: { limit: number; after?: readonly (string | number)[] } = { limit: 5 };
		const pages = [];
		for (;;) {
			const page = await searchType(db, 'statelessness', 'event', request);
			pages.push(page.hits.items.length);
			seen.push(...page.hits.items.map((h) => h.id));
			if (!page.hits.next) break;
			request = {
				limit: 5,
				after: JSON.parse(Buffer.from(page.hits.next, 'base64url').toString()) as (string | number)[]
			};
		}
		expect(pages).toEqual([5, 5, 2]);
		expect(new Set(seen).size).toBe(12);
	});

	test('a word more records hold than it ranks: the best of the latest matches, the totals a floor', async () => {
		const db = handle.db;
		// The best match of all (the word in its title), then more later matches than a search ranks.
		const oldest = await insertEvent(db, { title: 'Voluntary repatriation, the first talks' });
		const later: number[] = [];
		for (let i = 0; i < SEARCH_WINDOW + 10; i++) {
			const event = await insertEvent(db, { title: `Round table ${i}`, description: 'On repatriation.' });
			later.push(event.id);
		}
		const results = await searchEverything(db, 'repatriation', { perType: 5 });
		expect(results.firstMatches).toBe(SEARCH_WINDOW);
		expect(results.atLeast).toBe(true);
		expect(results.total).toBe(SEARCH_WINDOW);
		const events = results.groups.find((g) => g.type === 'event')!;
		expect(events.atLeast).toBe(true);
		// Ranked among the latest matches only: the old title match is not among them.
		expect(events.hits.map((h) => h.id)).toEqual(later.slice(-5).reverse());
		expect(events.hits.map((h) => h.id)).not.toContain(oldest.id);

		const typed = await searchType(db, 'repatriation', 'event', { limit: 5 });
		expect(typed.firstMatches).toBe(SEARCH_WINDOW);
		expect(typed.hits.items.map((h) => h.id)).toEqual(later.slice(-5).reverse());
	});
});

describeEachEngine('the search index', (engine) => {
	test('is filled with what was recorded before it existed', async () => {
		const handle = await engine.open({ migrate: false });
		try {
			const before = Object.keys(migrations).filter((name) => name < '20261124_2040');
			const migrator = new Migrator({
				db: handle.db,
				provider: { getMigrations: async () => migrations },
				migrationTableSchema: handle.schema
			});
			const { error } = await migrator.migrateTo(before[before.length - 1]!);
			expect(error).toBeUndefined();
			await handle.db
				.insertInto('person')
				.values({ given_name: 'Manfred', family_name: 'Profazi', ...stamps() })
				.execute();
			await migrateToLatest(handle);
			const results = await searchEverything(handle.db, 'profazi');
			expect(results.groups.map((g) => g.type)).toEqual(['person']);
		} finally {
			await handle.cleanup();
		}
	});

	test('notices a change whatever search path the writer had', async () => {
		const handle = await engine.open();
		try {
			await handle.db.transaction().execute(async (tx) => {
				const table = handle.schema ? sql`${sql.id(handle.schema)}.person` : sql`person`;
				if (handle.engine === 'postgres') await sql`set local search_path to public`.execute(tx);
				await sql`insert into ${table} (given_name, family_name, created_at, updated_at)
					values ('Ayten', 'Qasımova', ${new Date().toISOString()}, ${new Date().toISOString()})`.execute(tx);
			});
			const results = await searchEverything(handle.db, 'qasimova');
			expect(results.groups.map((g) => g.type)).toEqual(['person']);
		} finally {
			await handle.cleanup();
		}
	});

	test('covers the demo data once it is loaded', async () => {
		const handle = await engine.open();
		try {
			await loadDemoData(handle.db);
			expect(await refreshSearchIndex(handle.db)).toBeGreaterThan(20);
			expect(await refreshSearchIndex(handle.db)).toBe(0);
			const titles = async (query: string, type: SearchEntityType) =>
				(await searchEverything(handle.db, query)).groups
					.find((g) => g.type === type)
					?.hits.map((h) => h.title.map((s) => s.text).join('')) ?? [];
			expect((await titles('Migrants Day 2021', 'event'))[0]).toBe('International Migrants Day 2021');
			expect(await titles('Vüsal Hüseynov', 'person')).toEqual(['Mr Vusal Huseynov']);
			expect(await titles('Ѓорѓиев', 'person')).toEqual(['Mr Vladimir Gjorgjiev']);
			expect((await titles('09/1502', 'correspondence')).length).toBe(1);
			expect((await titles('voluntary return', 'agreement'))[0]).toMatch(/^Cooperation Agreement between/);
			expect(await titles('Regional Training Center', 'project')).toEqual([
				'Regional Training Center on Migration'
			]);
		} finally {
			await handle.cleanup();
		}
	});
});
