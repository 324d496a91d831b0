/**
 * Database chores from the command line, on the database DATABASE_URL names (./data/protokol.db by default).
 *   npm run db:migrate    bring the schema up to date
 *   npm run db:demo       migrate, then load the demo data if the database is empty
 *   npm run db:reindex    migrate, then write every search document, partner dossier entry and person's
 *                         name key again: each is kept current by itself, but not after the way it is
 *                         made has changed
 */
import { closeDatabase, database } from '../src/lib/server/db';
import { migrateToLatest } from '../src/lib/server/db/migrator';
import { loadDemoData } from '../src/lib/server/demo/demo.service';
import { rebuildDossiers } from '../src/lib/server/dossier/dossier.service';
import { rebuildNameKeys } from '../src/lib/server/people/person.service';
import { rebuildSearchIndex } from '../src/lib/server/search/search.service';

async function main(command: string | undefined): Promise<number> {
	if (command !== 'migrate' && command !== 'demo' && command !== 'reindex') {
		console.error('Usage: tsx scripts/db.ts migrate|demo|reindex');
		return 2;
	}
	const handle = database();
	const { db, description } = handle;
	const applied = await migrateToLatest(handle);
	console.log(
		applied.length ? `${description}: applied ${applied.join(', ')}` : `${description}: schema up to date`
	);
	if (command === 'demo') {
		const demo = await loadDemoData(db);
		console.log(
			demo.loaded
				? `Loaded the demo data: ${Object.entries(demo.counts)
						.map(([table, n]) => `${n} ${table}`)
						.join(', ')}`
				: 'The database is not empty: the demo data was not loaded.'
		);
	}
	if (command === 'reindex') {
		console.log(`Rebuilt the search index: ${await rebuildSearchIndex(db)} records.`);
		console.log(`Rebuilt the partner dossiers: ${await rebuildDossiers(db)} records.`);
		console.log(`Wrote the name keys of ${await rebuildNameKeys(db)} people.`);
	}
	return 0;
}

main(process.argv[2])
	.then(async (code) => {
		await closeDatabase();
		process.exitCode = code;
	})
	.catch(async (error: unknown) => {
		console.error(error instanceof Error ? error.message : error);
		await closeDatabase();
		process.exitCode = 1;
	});
