/**
 * SQLite's list of the search index's terms (search_term, migration 20261208_0650): kept equal to
 * FTS5's own vocabulary through every insert, edit and delete, and what a long prefix is searched as,
 * the terms it begins rather than a prefix FTS5 would merge every document list of. PostgreSQL has no
 * list (its GIN index reads a prefix as one range); there the same searches find the same records.
 */
import { sql, type LogEvent } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { refreshSearchIndex, searchEverything } from '$lib/server/search/search.service';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertOrganization } from '../helpers/factories';

describeEachEngine('the search term list', (engine) => {
	const sqlite = engine.engine === 'sqlite';
	const log: LogEvent[] = [];
	let handle: TestDatabase;
	const ids: Record<string, number> = {};

	async function found(query: string): Promise<number[]> {
		const results = await searchEverything(handle.db, query, { perType: 50 });
		return (results.groups.find((g) => g.type === 'organization')?.hits.map((h) => h.id) ?? []).sort();
	}

	/** The FTS5 query the last search sent. */
	function matched(): string {
		const query = log.findLast((event) =>
			/search_document_fts\s+where search_document_fts match/.test(event.query.sql)
		);
		return String(query?.query.parameters.find((p) => typeof p === 'string' && p.startsWith('(')));
	}

	beforeAll(async () => {
		handle = await engine.open({ onQuery: (event) => log.push(event) });
		const names = {
			office: 'Migration Office',
			bureau: 'Migrations Bureau',
			studies: 'Migrational Studies Centre',
			mission: 'Mission of the Red Crescent'
		};
		for (const [key, name] of Object.entries(names)) {
			ids[key] = (await insertOrganization(handle.db, { name, acronym: null })).id;
		}
		// Nine more terms that begin "migrat", each in one record: eleven in all, more than a prefix is read as.
		for (const word of [
			'Migratory',
			'Migrate',
			'Migrated',
			'Migrates',
			'Migrating',
			'Migrator',
			'Migratorium',
			'Migrativa'
		]) {
			await insertOrganization(handle.db, { name: `${word} Society`, acronym: null });
		}
		await refreshSearchIndex(handle.db);
	});
	afterAll(async () => {
		await handle?.cleanup();
	});

	test('a word finds the longer words it begins, and a short prefix what it begins', async () => {
		expect(await found('migration')).toEqual([ids.office!, ids.bureau!, ids.studies!].sort());
		expect(await found('migrations')).toEqual([ids.bureau!]);
		expect(await found('mis')).toEqual([ids.mission!]);
	});

	test.skipIf(!sqlite)(
		'a long prefix is searched as the terms it begins, a short one as a prefix',
		async () => {
			await found('migration');
			const query = matched();
			expect(query).toContain('"migration"');
			expect(query).toContain('"migrations"');
			expect(query).toContain('"migrational"');
			expect(query).not.toContain('*');
			await found('mis');
			expect(matched()).toContain('"mis"*');
		}
	);

	test.skipIf(!sqlite)(
		'a prefix of more terms than are listed stays a prefix, so no match is left out',
		async () => {
			await found('migrat');
			// "migrat" begins more than TERMS_PER_PREFIX terms here: it is searched as FTS5's prefix.
			expect(matched()).toContain('"migrat"*');
			expect(matched()).not.toContain('"migration"');
		}
	);

	test.skipIf(!sqlite)('the list is the index vocabulary through inserts, edits and deletes', async () => {
		const listed = async () => {
			const terms = await sql<{ term: string; documents: number }>`select term, documents from search_term
				order by term`.execute(handle.db);
			const vocabulary = await sql<{ term: string; documents: number }>`select term, doc as documents
				from search_document_vocab order by term`.execute(handle.db);
			return { terms: terms.rows, vocabulary: vocabulary.rows };
		};
		let { terms, vocabulary } = await listed();
		expect(terms.length).toBeGreaterThan(10);
		expect(terms).toEqual(vocabulary);

		await handle.db
			.updateTable('organization')
			.set({ name: 'Migration Office Migration' })
			.where('id', '=', ids.bureau!)
			.execute();
		await handle.db.deleteFrom('organization').where('id', '=', ids.studies!).execute();
		await refreshSearchIndex(handle.db);
		({ terms, vocabulary } = await listed());
		expect(terms).toEqual(vocabulary);
		expect(terms.find((row) => row.term === 'migrations')).toBeUndefined();
		expect(terms.find((row) => row.term === 'migration')?.documents).toBe(2);
		expect(await found('migration')).toEqual([ids.office!, ids.bureau!].sort());
	});
});
