/**
 * A prepared query (src/lib/server/db/prepared.ts) is built once and run with new values: it answers as
 * the same query built at each call, on each engine and in a transaction, and refuses a value that is
 * not one bound parameter, at its first run rather than with wrong rows.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Database } from '$lib/server/db/schema';
import { prepared, type Placeholders } from '$lib/server/db/prepared';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertOrganization } from '../helpers/factories';

const byAcronym = prepared((db, p: Placeholders<{ acronym: string; limit: number }>) =>
	db
		.selectFrom('organization')
		.select(['name', 'acronym'])
		.where('acronym', '=', p.acronym)
		.where('name', '<>', 'never a name')
		.orderBy('name')
		.limit(p.limit)
);

describeEachEngine('a prepared query', (engine) => {
	let handle: TestDatabase;
	let db: Kysely<Database>;

	beforeAll(async () => {
		handle = await engine.open();
		db = handle.db;
		for (const [name, acronym] of [
			['Ministry of Culture', 'MoC'],
			['Ministry of Commerce', 'MoC'],
			['Ministry of Energy', 'MoE']
		]) {
			await insertOrganization(db, { name, acronym });
		}
	});

	afterAll(async () => {
		await handle?.cleanup();
	});

	test('answers with the values of each run, fixed values kept', async () => {
		expect(await byAcronym(db, { acronym: 'MoC', limit: 5 })).toEqual([
			{ name: 'Ministry of Commerce', acronym: 'MoC' },
			{ name: 'Ministry of Culture', acronym: 'MoC' }
		]);
		expect(await byAcronym(db, { acronym: 'MoC', limit: 1 })).toEqual([
			{ name: 'Ministry of Commerce', acronym: 'MoC' }
		]);
		expect(await byAcronym(db, { acronym: 'MoE', limit: 5 })).toEqual([
			{ name: 'Ministry of Energy', acronym: 'MoE' }
		]);
	});

	test('runs inside a transaction and sees its writes', async () => {
		await db.transaction().execute(async (tx) => {
			await insertOrganization(tx, { name: 'Ministry of Education', acronym: 'MoEd' });
			expect(await byAcronym(tx, { acronym: 'MoEd', limit: 5 })).toEqual([
				{ name: 'Ministry of Education', acronym: 'MoEd' }
			]);
		});
	});

	test('refuses a value used other than as one bound parameter', async () => {
		const conditional = prepared((db, p: Placeholders<{ acronym: string | null }>) => {
			const query = db.selectFrom('organization').select('name');
			return p.acronym ? query : query.where('acronym', 'is', null);
		});
		await expect(conditional(db, { acronym: null })).rejects.toThrow(/"acronym" is not one bound parameter/);
	});

	test('refuses a list as a value', async () => {
		await expect(byAcronym(db, { acronym: ['MoC', 'MoE'] as unknown as string, limit: 5 })).rejects.toThrow(
			/takes no list/
		);
	});
});
