/**
 * Carrying an action point to a meeting, over HTTP as a browser without JavaScript posts it: the finder
 * is a GET; a wrong choice answers 4xx with the message beside the search field and nothing written;
 * the carry-over form of a meeting's page and the note of what was said likewise; a viewer is refused.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openDatabase, type DatabaseHandle } from '$lib/server/db/connection';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { addOutcome, meetingWith, partnerTree } from '../helpers/partner-world';
import { postForm } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';

let dir: string;
let server: RunningServer;
let officer: string;
let viewer: string;
let handle: DatabaseHandle;
let actionPoint: number;
let agreedAt: number;
let earlier: number;
let later: number;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-threads-http-'));
	const databaseUrl = join(dir, 'protokol.db');
	server = await startServer({ databaseUrl });
	officer = await signInOverHttp(server, await addUser(databaseUrl, 'officer'));
	viewer = await signInOverHttp(server, await addUser(databaseUrl, 'viewer'));
	handle = openDatabase(databaseUrl);
	const o = await partnerTree(handle.db);
	earlier = await meetingWith(handle.db, o.office, '2024-01-10T07:00:00Z', 'Zanzibar consultation 2024');
	agreedAt = await meetingWith(handle.db, o.office, '2025-05-05T07:00:00Z', 'Zanzibar consultation 2025');
	later = await meetingWith(handle.db, o.office, '2030-05-05T07:00:00Z', 'Zanzibar consultation 2030', {
		status: 'planned'
	});
	actionPoint = await addOutcome(handle.db, { event_id: agreedAt, title: 'Send the draft curriculum' });
});
afterAll(async () => {
	await handle?.close();
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

const post = (path: string, fields: Record<string, string>, cookie = officer) =>
	postForm(server, path, fields, { cookie });

const carried = async () =>
	Number(
		(
			await handle.db
				.selectFrom('outcome_follow_up')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.where('outcome_id', '=', actionPoint)
				.executeTakeFirstOrThrow()
		).n
	);
const besideFinder = (html: string) =>
	/<p class="error field-error[^"]*" id="link-find-error">([^<]*)<\/p>/.exec(html)?.[1];

test('the finder finds later meetings by a word of their title, without JavaScript', async () => {
	const response = await fetch(`${server.url}/outcomes/${actionPoint}?find=zanzibar`, {
		headers: { cookie: officer }
	});
	const html = await response.text();
	expect(response.status).toBe(200);
	expect(html).toContain('Carry it to a meeting');
	expect(html).toContain('Zanzibar consultation 2030');
	expect(html).toContain('Carry it here');
});

test('a meeting earlier than where it was agreed is refused beside the field, nothing written', async () => {
	const response = await post(`/outcomes/${actionPoint}?/link`, {
		kind: 'event',
		targetId: String(earlier),
		find: 'zanzibar'
	});
	expect(response.status).toBe(400);
	const html = await response.text();
	expect(besideFinder(html)).toBe('Choose a meeting later than the one where it was agreed.');
	expect(html).toMatch(/aria-describedby="link-find-error"/);
	expect(await carried()).toBe(0);
});

test('no meeting chosen, or a meeting that is not there, is refused with nothing written', async () => {
	const empty = await post(`/outcomes/${actionPoint}?/link`, { kind: 'event', targetId: '' });
	expect(empty.status).toBe(400);
	expect(besideFinder(await empty.text())).toBe('Choose a meeting from the search.');
	const gone = await post(`/outcomes/${actionPoint}?/link`, { kind: 'event', targetId: '999999' });
	expect(gone.status).toBe(404);
	const wrongKind = await post(`/outcomes/${actionPoint}?/link`, {
		kind: 'outcome',
		targetId: String(later)
	});
	expect(wrongKind.status).toBe(400);
	expect(await carried()).toBe(0);
});

test('a viewer may not carry it', async () => {
	const response = await post(
		`/outcomes/${actionPoint}?/link`,
		{ kind: 'event', targetId: String(later) },
		viewer
	);
	expect(response.status).toBe(403);
	expect(await carried()).toBe(0);
});

test('carried to the later meeting, it is on that meeting’s agenda page and brief', async () => {
	const response = await post(`/outcomes/${actionPoint}?/link`, { kind: 'event', targetId: String(later) });
	expect(response.status).toBe(303);
	expect(response.headers.get('location')).toBe(`/outcomes/${actionPoint}#thread`);
	expect(await carried()).toBe(1);
	for (const path of [`/events/${later}/agenda`, `/events/${later}/brief`]) {
		const html = await (await fetch(`${server.url}${path}`, { headers: { cookie: officer } })).text();
		expect(html).toContain('Follow-up from earlier meetings');
		expect(html).toContain('Send the draft curriculum');
	}
	const again = await post(`/outcomes/${actionPoint}?/link`, { kind: 'event', targetId: String(later) });
	expect(again.status).toBe(400);
	expect(besideFinder(await again.text())).toBe('It is on that meeting already: choose another.');
	expect(await carried()).toBe(1);
});

test('the carry-over form of a meeting refuses an empty or wrong choice', async () => {
	const empty = await post(`/events/${later}?/carry`, { outcomeIds: '' });
	expect(empty.status).toBe(400);
	expect(await empty.text()).toContain('Choose the action points to carry over.');
	const bad = await post(`/events/${later}?/carry`, { outcomeIds: 'x,1' });
	expect(bad.status).toBe(400);
	expect(await carried()).toBe(1);
});

test('what was said is refused with a bad version, and saved with the right one', async () => {
	const stale = await post(`/outcomes/${actionPoint}?/note`, {
		eventId: String(later),
		note: 'IOM will send it in April.',
		version: 'x'
	});
	expect(stale.status).toBe(400);
	const saved = await post(`/outcomes/${actionPoint}?/note`, {
		eventId: String(later),
		note: 'IOM will send it in April.',
		version: '1'
	});
	expect(saved.status).toBe(303);
	const html = await (
		await fetch(`${server.url}/outcomes/${actionPoint}`, { headers: { cookie: viewer } })
	).text();
	expect(html).toContain('IOM will send it in April.');
	expect(html).not.toContain('Carry it to a meeting');
});
