/**
 * PostgreSQL: the search index stays true to a change committed while a refresh ran in another
 * connection (another process's, or another request's of the same pool). The record was already
 * waiting for its document when the change began; a refresh that took it off the list then wrote the
 * document from before the change, and the change, committed after, left nothing waiting: the index
 * stayed one change behind. Now the change holds the waiting row, the refresh leaves it, and the next
 * refresh writes the document as committed. SQLite writes one transaction at a time.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { refreshSearchIndex } from '$lib/server/search/search.service';
import { engines, type TestDatabase } from '../helpers/databases';
import { insertEvent } from '../helpers/factories';

const postgres = engines.find((e) => e.engine === 'postgres');
let handle: TestDatabase;
beforeAll(async () => {
	if (postgres) handle = await postgres.open();
});
afterAll(async () => {
	await handle?.cleanup();
});

test.skipIf(!postgres)(
	'a refresh beside a change in progress leaves the index at the committed change',
	async () => {
		const { db } = handle;
		const event = await insertEvent(db, { title: 'Old title' });
		await refreshSearchIndex(db);
		// Changed and waiting for its document …
		await db.updateTable('event').set({ title: 'First change' }).where('id', '=', event.id).execute();
		let release!: () => void;
		const released = new Promise<void>((resolve) => (release = resolve));
		let changed!: () => void;
		const changing = new Promise<void>((resolve) => (changed = resolve));
		// … when a second change begins in a connection of its own, and is committed only later.
		const change = db.transaction().execute(async (tx) => {
			await tx.updateTable('event').set({ title: 'Second change' }).where('id', '=', event.id).execute();
			changed();
			await released;
		});
		await changing;
		const refresh = refreshSearchIndex(db);
		// Long enough for the refresh to have taken what it could.
		await new Promise((resolve) => setTimeout(resolve, 500));
		release();
		await Promise.all([change, refresh]);

		const waiting = await db
			.selectFrom('search_pending')
			.select('entity_id')
			.where('entity_type', '=', 'event')
			.where('entity_id', '=', event.id)
			.execute();
		const document = () =>
			db
				.selectFrom('search_document')
				.select('title')
				.where('entity_type', '=', 'event')
				.where('entity_id', '=', event.id)
				.executeTakeFirstOrThrow();
		// Either the document is the committed one, or the record still waits for it.
		expect(waiting.length === 1 || (await document()).title === 'Second change').toBe(true);
		await refreshSearchIndex(db);
		expect(await document()).toEqual({ title: 'Second change' });
	}
);
