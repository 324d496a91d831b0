/** The operator's database chores: npm run db:reindex, on a real SQLite file named by DATABASE_URL. */
import { describe, expect, test } from 'vitest';
import { commandLine } from '../helpers/cli';
import { insertOrganization, insertPerson } from '../helpers/factories';

describe('the db command', () => {
	const { run, withDatabase } = commandLine('scripts/db.ts');

	test('reindex writes the search document of every record again', async () => {
		expect(run(['migrate']).status).toBe(0);
		await withDatabase(async (db) => {
			await insertPerson(db, { given_name: 'Aysel', family_name: 'Mammadova' });
			await insertOrganization(db, { name: 'International Organization for Migration', acronym: 'IOM' });
			// With the documents gone and nothing pending, only a rebuild writes them again.
			await db.deleteFrom('search_pending').execute();
			await db.deleteFrom('search_document').execute();
		});
		const result = run(['reindex']);
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		expect(result.stdout).toContain('Rebuilt the search index: 2 records.');
		const documents = await withDatabase((db) =>
			db.selectFrom('search_document').select(['entity_type', 'title']).orderBy('entity_type').execute()
		);
		expect(documents).toEqual([
			{ entity_type: 'organization', title: 'International Organization for Migration (IOM)' },
			{ entity_type: 'person', title: 'Mr Aysel Mammadova' }
		]);
	});

	test('without a known command it prints the usage', () => {
		const result = run(['frobnicate']);
		expect(result.status).toBe(2);
		expect(result.stderr).toContain('Usage: tsx scripts/db.ts migrate|demo|reindex');
	});
});
