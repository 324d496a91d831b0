/**
 * The data generator (db/generate/): the same seed gives the same rows, every constraint holds, the
 * search index and the dossiers it writes itself are what the app's own rebuilds make, the landmarks
 * lead where they say, and a database that holds records is refused. Both engines.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Database } from '$lib/server/db/schema';
import { rebuildDossiers } from '$lib/server/dossier/dossier.service';
import { findFeedCalendar } from '$lib/server/feeds/feed.service';
import { rebuildSearchIndex, searchEverything } from '$lib/server/search/search.service';
import { generateData, GenerateRefused } from '../../db/generate/generate';
import { describeEachEngine } from '../helpers/databases';
import { generatedDatabase, type GeneratedDatabase } from '../helpers/generated';

type Db = Kysely<Database>;

const EVENTS = 1_500;

/** A digest of every row of a table, in key order: equal digests, equal rows. */
async function digestOf(db: Db, table: keyof Database, orderBy: string): Promise<string> {
	const { rows } = await sql`select * from ${sql.table(table)} order by ${sql.raw(orderBy)}`.execute(db);
	return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

const DIGESTED: [keyof Database, string][] = [
	['organization', 'id'],
	['person', 'id'],
	['event', 'id'],
	['event_participant', 'id'],
	['agenda_item', 'id'],
	['agenda_item_role', 'agenda_item_id, participant_id, role'],
	['outcome', 'id'],
	['correspondence', 'id'],
	['calendar_feed', 'id'],
	['search_document', 'id'],
	['dossier_entry', 'record_type, record_id, organization_id']
];

async function digests(db: Db) {
	const all: Record<string, string> = {};
	for (const [table, order] of DIGESTED) all[table] = await digestOf(db, table, order);
	return all;
}

/** The search documents by record, without the ids a rebuild gives anew, and the choosers' words. */
async function documents(db: Db) {
	const written = await db
		.selectFrom('search_document')
		.select(['entity_type', 'entity_id', 'title', 'detail', 'body', 'title_terms', 'body_terms'])
		.orderBy('entity_type')
		.orderBy('entity_id')
		.execute();
	const words = await db
		.selectFrom('chooser_word')
		.select(['entity_type', 'entity_id', 'word'])
		.orderBy('entity_type')
		.orderBy('entity_id')
		.orderBy('word')
		.execute();
	return { written, words };
}

/**
 * The dossier entries by record and organisation. Without via_organization_id: where two linked
 * organisations are equally near and take part alike, which one a line names follows the order the
 * links are read in, which neither engine fixes.
 */
async function dossierEntries(db: Db) {
	return db
		.selectFrom('dossier_entry')
		.select(['organization_id', 'record_type', 'record_id', 'occurred_at', 'year', 'direct', 'role'])
		.orderBy('record_type')
		.orderBy('record_id')
		.orderBy('organization_id')
		.execute();
}

describeEachEngine('the data generator', (engine) => {
	let first: GeneratedDatabase;
	let second: GeneratedDatabase;

	beforeAll(async () => {
		first = await generatedDatabase(engine, { events: EVENTS, seed: 'alpha', inWorker: false });
		// Made on a worker thread, as a large load is: the same rows all the same.
		second = await generatedDatabase(engine, { events: EVENTS, seed: 'alpha', inWorker: true });
	}, 60_000);
	afterAll(async () => {
		for (const handle of [first, second]) await handle?.cleanup();
	});

	test('the same seed gives the same rows, on a worker thread or not, another seed other rows', async () => {
		const [a, b] = [await digests(first.db), await digests(second.db)];
		expect(b).toEqual(a);
		const beta = await generatedDatabase(engine, { events: 200, seed: 'beta' }).then(async (c) => {
			return digests(c.db).finally(() => c.cleanup());
		});
		expect(beta.event).not.toBe(a.event);
		expect(first.counts).toEqual(second.counts);
		expect(first.counts.event).toBe(EVENTS);
	});

	test('fills every table a page reads, scaled from the number of events', () => {
		for (const table of Object.keys(first.counts))
			expect([table, first.counts[table]]).not.toEqual([table, 0]);
		expect(first.counts.agenda_item! / EVENTS).toBeGreaterThan(4);
		expect(first.counts.event_participant! / EVENTS).toBeGreaterThan(4);
	});

	test('every foreign key and check holds, and nothing is left pending', async () => {
		const db = first.db;
		if (engine.engine === 'sqlite') {
			expect((await sql`pragma foreign_key_check`.execute(db)).rows).toEqual([]);
			expect((await sql`pragma integrity_check`.execute(db)).rows).toEqual([{ integrity_check: 'ok' }]);
		} else {
			// PostgreSQL checks each row as it is written; the constraints are all still valid.
			const { rows } =
				await sql`select conname from pg_constraint c join pg_namespace n on n.oid = c.connamespace
				where n.nspname = current_schema() and not c.convalidated`.execute(db);
			expect(rows).toEqual([]);
		}
		expect(await db.selectFrom('search_pending').selectAll().execute()).toEqual([]);
		expect(await db.selectFrom('dossier_pending').selectAll().execute()).toEqual([]);
	});

	test("every participation carries its event's start, as the triggers that were off would have set it", async () => {
		const astray = await first.db
			.selectFrom('event_participant')
			.innerJoin('event', 'event.id', 'event_participant.event_id')
			.select('event_participant.id')
			.where((eb) =>
				eb.or([
					eb('event_participant.event_start_at', 'is', null),
					eb('event_participant.event_start_at', '!=', eb.ref('event.start_at'))
				])
			)
			.execute();
		expect(astray).toEqual([]);
	});

	test("the search index and the choosers' words are what a rebuild makes, and an event is found by a word of its title", async () => {
		const db = second.db;
		const written = await documents(db);
		const hits = await searchEverything(db, second.landmarks.rareWord);
		expect(hits.groups.map((g) => [g.type, g.hits.map((h) => h.id)])).toEqual([
			['event', [second.landmarks.longAgendaEventId]]
		]);
		const common = await searchEverything(db, second.landmarks.commonWord);
		expect(common.total).toBeGreaterThan(10);
		await rebuildSearchIndex(db);
		expect(await documents(db)).toEqual(written);
	});

	test("the dossiers, the umbrella's among them, are what a rebuild makes", async () => {
		const db = second.db;
		const written = await dossierEntries(db);
		const umbrella = written.filter((e) => e.organization_id === second.landmarks.umbrella.id);
		expect(umbrella.length).toBeGreaterThan(EVENTS / 20);
		expect(umbrella.some((e) => e.direct === 0)).toBe(true);
		const unnamed = await db
			.selectFrom('dossier_entry')
			.select('record_id')
			.where((eb) => eb.and([eb('direct', '=', 0), eb('via_organization_id', 'is', null)]))
			.execute();
		expect(unnamed).toEqual([]);
		await rebuildDossiers(db);
		expect(await dossierEntries(db)).toEqual(written);
	});

	test('the landmarks: the busiest person, their feed, the long agenda', async () => {
		const { db, landmarks } = first;
		const attended = await db
			.selectFrom('event_participant')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('person_id', '=', landmarks.heavyPerson.id)
			.executeTakeFirstOrThrow();
		expect(Number(attended.n)).toBe(landmarks.heavyPerson.events);
		expect(landmarks.heavyPerson.events).toBeGreaterThan(EVENTS / 10);
		const feed = await findFeedCalendar(db, landmarks.heavyPerson.feedToken, {
			now: new Date(landmarks.today)
		});
		expect(feed).not.toBeNull();
		const items = await db
			.selectFrom('agenda_item')
			.select('id')
			.where('event_id', '=', landmarks.longAgendaEventId)
			.execute();
		expect(items).toHaveLength(20);
	});

	test('refuses a database that holds records already, and says why', async () => {
		await expect(generateData(first, { events: 10 })).rejects.toThrow(GenerateRefused);
		await expect(generateData(first, { events: 10 })).rejects.toThrow(/already holds records \(.*event/);
	});
});
