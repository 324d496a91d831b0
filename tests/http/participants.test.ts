/**
 * The participants page without JavaScript: plain form posts, as a browser without scripts sends them.
 * A CSV preview shows the problems and saves nothing; a clash answers 409 with the warning; "Invite
 * anyway" invites; viewers are refused the officer's page but may print.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { zonedToInstant } from '$lib/format/datetime';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { demoPersonId } from '../helpers/demo-records';
import { postForm, withDatabase } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let officer: string;
let viewer: string;
let eventId: number;
let chiefId: number;

const participantCount = () =>
	withDatabase(server.databaseUrl, async (db) => {
		const row = await db
			.selectFrom('event_participant')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('event_id', '=', eventId)
			.executeTakeFirstOrThrow();
		return Number(row.n);
	});

const post = (path: string, cookie: string, fields: Record<string, string>) =>
	postForm(server, path, fields, { cookie });

beforeAll(async () => {
	server = await startServer();
	officer = await signInOverHttp(server, await addUser(server.databaseUrl, 'officer'));
	viewer = await signInOverHttp(server, await addUser(server.databaseUrl, 'viewer'));
	await withDatabase(server.databaseUrl, async (db) => {
		const now = new Date().toISOString();
		// 08:30 in Geneva on 21 December 2021 is 11:30 in Baku, during the demo meeting of the Chief.
		const startAt = zonedToInstant('2021-12-21T08:30', 'Europe/Zurich');
		eventId = (
			await db
				.insertInto('event')
				.values({
					kind: 'working_visit',
					title: 'Working visit to Geneva',
					start_at: startAt,
					end_at: new Date(Date.parse(startAt) + 3_600_000).toISOString(),
					time_zone: 'Europe/Zurich',
					ical_uid: `${crypto.randomUUID()}@protokol.test`,
					created_at: now,
					updated_at: now
				})
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		chiefId = await demoPersonId(db, 'Huseynov');
	});
});
afterAll(async () => {
	await server?.stop();
});

test('a CSV preview without JavaScript lists the problems and saves nothing, nor does confirming it', async () => {
	const csv = 'given_name,family_name,organisation,email\nIlham,Mammadov,Ministry of Nowhere,ilham@\n';
	const preview = await post(`/events/${eventId}/participants?/previewImport`, officer, { csv });
	expect(preview.status).toBe(200);
	const html = await preview.text();
	expect(html).toContain('Unknown organisation “Ministry of Nowhere”');
	expect(html).toContain('“ilham@” is not an e-mail address.');
	// No button "Confirm and invite 1 person" (the page's words carry the sentence itself, unfilled).
	expect(html).not.toContain('action="?/confirmImport"');
	expect(html).not.toMatch(/Confirm and invite \d/);

	const confirm = await post(`/events/${eventId}/participants?/confirmImport`, officer, { csv });
	expect(confirm.status).toBe(400);
	expect(await participantCount()).toBe(0);
});

test('inviting the booked Chief answers 409 with the warning; "Invite anyway" invites him', async () => {
	const fields = { personId: String(chiefId), role: 'guest', delegationId: '' };
	const warned = await post(`/events/${eventId}/participants?/invite`, officer, fields);
	expect(warned.status).toBe(409);
	const html = await warned.text();
	expect(html).toContain(
		'Meeting of the Chief of the State Migration Service with the Regional Director of IOM'
	);
	expect(html).toContain('11:00–12:00 (Asia/Baku, UTC+4)');
	expect(html).toContain('08:30–09:30 (Europe/Zurich, UTC+1)');
	expect(await participantCount()).toBe(0);

	const anyway = await post(`/events/${eventId}/participants?/invite`, officer, {
		...fields,
		clashOverride: 'on'
	});
	expect(anyway.status).toBe(303);
	expect(anyway.headers.get('location')).toBe(
		`/events/${eventId}/participants?done=invited&invited=1&skipped=0`
	);
	expect(await participantCount()).toBe(1);
});

test('a bad field keeps what was typed and says what is wrong beside it', async () => {
	const response = await post(`/events/${eventId}/participants?/createAndInvite`, officer, {
		givenName: 'Leyla',
		familyName: '',
		email: 'not an address',
		newRole: 'guest'
	});
	expect(response.status).toBe(400);
	const html = await response.text();
	expect(html).toContain('value="Leyla"');
	expect(html).toContain('Family name is required.');
	expect(html).toContain('Enter an e-mail address such as name@example.org.');
});

test('a viewer may not open the officer page, but prints the list with the Chief on it', async () => {
	const page = await fetch(`${server.url}/events/${eventId}/participants`, { headers: { cookie: viewer } });
	expect(page.status).toBe(403);
	const list = await fetch(`${server.url}/events/${eventId}/participants/list`, {
		headers: { cookie: viewer }
	});
	expect(list.status).toBe(200);
	expect(await list.text()).toContain('Mr Vusal Huseynov');
	const write = await post(`/events/${eventId}/participants?/resetOrder`, viewer, {});
	expect(write.status).toBe(403);
});
