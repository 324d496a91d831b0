/** What anonymous visitors see: only events an officer marked public, and of them only the public part. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openDatabase } from '$lib/server/db/connection';
import { addUser } from '../helpers/accounts';
import { startServer, type RunningServer } from '../helpers/server';

let dir: string;
let databaseUrl: string;
let server: RunningServer;
let imdId: number;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-public-'));
	databaseUrl = join(dir, 'protokol.db');
	server = await startServer({ databaseUrl });
	await addUser(databaseUrl, 'admin');
	const handle = openDatabase(databaseUrl);
	try {
		const imd = await handle.db
			.selectFrom('event')
			.select('id')
			.where('title', '=', 'International Migrants Day 2021')
			.executeTakeFirstOrThrow();
		imdId = imd.id;
		// Move it a month ahead so that it is upcoming, and keep one agenda item unpublished.
		const inAMonth = new Date(Date.now() + 30 * 24 * 3600 * 1000);
		await handle.db
			.updateTable('event')
			.set({
				start_at: inAMonth.toISOString(),
				end_at: new Date(inAMonth.getTime() + 3600_000).toISOString()
			})
			.where('id', '=', imdId)
			.execute();
		await handle.db
			.updateTable('agenda_item')
			.set({ is_published: 0, title: 'Internal briefing, not for the public' })
			.where('event_id', '=', imdId)
			.where('position', '=', 2)
			.execute();
	} finally {
		await handle.close();
	}
});
afterAll(async () => {
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

const get = (path: string) => fetch(`${server.url}${path}`, { redirect: 'manual' });

async function setEvent(values: { is_public?: 0 | 1; status?: 'draft' | 'planned' }) {
	const handle = openDatabase(databaseUrl);
	try {
		await handle.db.updateTable('event').set(values).where('id', '=', imdId).execute();
	} finally {
		await handle.close();
	}
}

test('an anonymous visitor sees a public event: title, date, venue and the published agenda', async () => {
	const response = await get(`/public/events/${imdId}`);
	expect(response.status).toBe(200);
	const html = await response.text();
	expect(html).toContain('International Migrants Day 2021');
	expect(html).toContain('Harnessing the potential of human mobility');
	expect(html).toContain('State Migration Service headquarters');
	expect(html).toContain('Migration Profile of the Republic of Azerbaijan');
	expect(html).toContain('Yasmina Pinjo');
	expect(html).not.toContain('Internal briefing');
	// No participants list, no outcomes, no notes of the office.
	expect(html).not.toContain('Attended');
	expect(html).not.toContain('id="participants-heading"');
});

test('the public list shows upcoming public events only', async () => {
	const html = await (await get('/public/events')).text();
	expect(html).toContain('International Migrants Day 2021');
	expect(html).not.toContain('107th Session of the IOM Council');
});

test('an event that is not public, or a draft, is a 404 like one that does not exist', async () => {
	await setEvent({ is_public: 0 });
	expect((await get(`/public/events/${imdId}`)).status).toBe(404);
	expect(await (await get('/public/events')).text()).not.toContain('International Migrants Day 2021');
	await setEvent({ is_public: 1, status: 'draft' });
	expect((await get(`/public/events/${imdId}`)).status).toBe(404);
	await setEvent({ status: 'planned' });
	expect((await get(`/public/events/${imdId}`)).status).toBe(200);
});

test('the office pages of the same event stay closed to visitors', async () => {
	const response = await get(`/events/${imdId}`);
	expect(response.status).toBe(303);
	expect(response.headers.get('location')).toMatch(/^\/login/);
});
