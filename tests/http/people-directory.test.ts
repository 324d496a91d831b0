/**
 * Keeping the directory clean without JavaScript, against the built server with the demo data: plain
 * form posts as a browser without scripts sends them. Someone who may be in the directory already is
 * shown first (409) with a link to open them and a button that adds them anyway (303); hostile input on
 * these forms is a 303 or a 400 with a message, never a 5xx, and nothing is half-written.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '$lib/server/db/connection';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { startServer, type RunningServer } from '../helpers/server';

let dir: string;
let databaseUrl: string;
let server: RunningServer;
let officer: string;
let huseynovId: number;
let eventId: number;

async function withDatabase<T>(run: (db: ReturnType<typeof openDatabase>['db']) => Promise<T>): Promise<T> {
	const handle = openDatabase(databaseUrl);
	try {
		return await run(handle.db);
	} finally {
		await handle.close();
	}
}

const count = (table: 'person' | 'event_participant' | 'audit_entry') =>
	withDatabase(async (db) => {
		const row = await db
			.selectFrom(table)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		return Number(row.n);
	});

function post(path: string, fields: Record<string, string>) {
	return fetch(`${server.url}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: server.url,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			cookie: officer
		},
		body: new URLSearchParams(fields)
	});
}

const NEW_PERSON = {
	honorific: 'Mr',
	givenName: 'Вусал',
	familyName: 'Гусейнов',
	nativeName: '',
	position: '',
	rank: '',
	precedenceLevel: '',
	organizationId: '',
	email: '',
	phone: '',
	notes: ''
};

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-people-http-'));
	databaseUrl = join(dir, 'protokol.db');
	server = await startServer({ databaseUrl });
	officer = await signInOverHttp(server, await addUser(databaseUrl, 'officer'));
	await withDatabase(async (db) => {
		huseynovId = (
			await db
				.selectFrom('person')
				.select('id')
				.where('family_name', '=', 'Huseynov')
				.executeTakeFirstOrThrow()
		).id;
		eventId = (
			await db
				.selectFrom('event')
				.select('id')
				.where('title', '=', 'International Migrants Day 2021')
				.executeTakeFirstOrThrow()
		).id;
	});
});
afterAll(async () => {
	await server?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('adding someone who may be in the directory already', () => {
	test('shows him first, with a link to open him, and adds nobody', async () => {
		const before = await count('person');
		const response = await post('/people/new?/save', NEW_PERSON);
		expect(response.status).toBe(409);
		const html = await response.text();
		expect(html).toContain('Already in the directory?');
		expect(html).toContain(`href="/people/${huseynovId}"`);
		expect(html).toContain('Open this one');
		expect(html).toContain('Mr Vusal Huseynov');
		// What was typed is in the form again, and in the button that adds him anyway.
		expect(html).toContain('value="Гусейнов"');
		expect(html).toContain('name="someoneElse" value="on"');
		expect(await count('person')).toBe(before);
	});

	test('“it’s someone else” adds him', async () => {
		const before = await count('person');
		const response = await post('/people/new?/save', { ...NEW_PERSON, someoneElse: 'on' });
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toMatch(/^\/people\/\d+$/);
		expect(await count('person')).toBe(before + 1);
	});

	test('at an event: shown first, with a button that invites him instead', async () => {
		const [people, participants] = [await count('person'), await count('event_participant')];
		const response = await post(`/events/${eventId}/participants?/createAndInvite`, {
			...NEW_PERSON,
			givenName: 'Firudin',
			familyName: 'Nəbiyev',
			newRole: 'guest'
		});
		expect(response.status).toBe(409);
		const html = await response.text();
		expect(html).toContain('Already in the directory?');
		expect(html).toContain('Invite Mr Firudin Nabiyev instead');
		expect(await count('person')).toBe(people);
		expect(await count('event_participant')).toBe(participants);
	});

	test.each([
		['someoneElse', 'yes please'],
		['someoneElse', '<script>alert(1)</script>'],
		['someoneElse', 'x'.repeat(100_000)]
	])('%s = %s is not a “yes”: shown first again, nothing written', async (field, value) => {
		const before = await count('person');
		const response = await post('/people/new?/save', { ...NEW_PERSON, [field]: value });
		expect(response.status).toBe(409);
		expect(await response.text()).not.toContain('<script>alert(1)</script>');
		expect(await count('person')).toBe(before);
	});
});
