/**
 * What the server does once before it answers: bring the schema up to date and, on an empty database,
 * load the demo data (unless DEMO_DATA=off, as a production deployment would set); then bring the search
 * index up to date.
 */
import { database } from './db';
import { migrateToLatest } from './db/migrator';
import { loadDemoData } from './demo/demo.service';
import { refreshSearchIndex } from './search/search.service';

export async function prepareDatabase(): Promise<void> {
	const handle = database();
	const { db, description } = handle;
	const applied = await migrateToLatest(handle);
	if (applied.length > 0) console.info(`[protokol] ${description}: applied ${applied.join(', ')}`);
	if (process.env.DEMO_DATA !== 'off') {
		const demo = await loadDemoData(db);
		if (demo.loaded) console.info(`[protokol] loaded the demo data into ${description}`);
	}
	// Searches bring the index up to date themselves; doing it now spares the first one the wait.
	await refreshSearchIndex(db);
}
