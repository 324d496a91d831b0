/**
 * Keeping the directory clean without JavaScript, against the built server with the demo data: plain
 * form posts as a browser without scripts sends them. Someone who may be in the directory already is
 * shown first (409) with a link to open them and a button that adds them anyway (303); hostile input on
 * these forms is a 303 or a 400 with a message, never a 5xx, and nothing is half-written.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { demoEventId, demoPersonId } from '../helpers/demo-records';
import { EMPTY_PERSON_FORM } from '../helpers/forms';
import { countRows, postForm, withDatabase } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let officer: string;
let huseynovId: number;
let eventId: number;

const count = (table: 'person' | 'event_participant' | 'audit_entry' | 'person_position') =>
	countRows(server.databaseUrl, table);

const post = (path: string, fields: Record<string, string>) =>
	postForm(server, path, fields, { cookie: officer });

const NEW_PERSON = { ...EMPTY_PERSON_FORM, honorific: 'Mr', givenName: 'Вусал', familyName: 'Гусейнов' };

beforeAll(async () => {
	server = await startServer();
	officer = await signInOverHttp(server, await addUser(server.databaseUrl, 'officer'));
	await withDatabase(server.databaseUrl, async (db) => {
		huseynovId = await demoPersonId(db, 'Huseynov');
		eventId = await demoEventId(db, 'International Migrants Day 2021');
	});
});
afterAll(async () => {
	await server?.stop();
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

const HOSTILE: Record<string, string> = {
	long: 'x'.repeat(100_000),
	control: 'nul\u0000 esc\u001b',
	script: '<script>alert(1)</script>',
	attribute: '"><img src=x onerror=alert(1)>',
	sql: "'; drop table person_position; --",
	date: '2021-02-30',
	id: '-1'
};

describe('a person’s posts over time', () => {
	const POST = {
		position: 'Chief of the State Migration Service',
		organizationId: '',
		rank: '',
		fromOn: '2019-01-01',
		toOn: '',
		notes: 'Hostile-input test.'
	};
	const cases = Object.keys(POST).flatMap((field) => Object.keys(HOSTILE).map((kind) => ({ field, kind })));

	test.each(cases)('adding, $field: $kind is a 303 or a 400, never half-written', async ({ field, kind }) => {
		const before = await count('person_position');
		const response = await post(`/people/${huseynovId}/positions?/save`, {
			...POST,
			[field]: HOSTILE[kind]!
		});
		const html = await response.text();
		expect([303, 400]).toContain(response.status);
		expect(await count('person_position')).toBe(before + (response.status === 303 ? 1 : 0));
		if (response.status === 400) expect(html).toMatch(/class="(error|form-error)"/);
		expect(html).not.toContain('<script>alert(1)</script>');
		expect(html).not.toContain('<img src=x onerror=alert(1)>');
	});

	test('a post that ends before it began is refused beside its last day', async () => {
		const response = await post(`/people/${huseynovId}/positions?/save`, {
			...POST,
			fromOn: '2020-05-01',
			toOn: '2020-04-30'
		});
		expect(response.status).toBe(400);
		expect(await response.text()).toContain('The last day in the post cannot come before the first.');
	});

	test('a save from an older version is refused with theirs, and writes nothing', async () => {
		const positionId = await withDatabase(server.databaseUrl, async (db) => {
			const row = await db
				.selectFrom('person_position')
				.select(['id', 'version'])
				.where('person_id', '=', huseynovId)
				.orderBy('id')
				.executeTakeFirstOrThrow();
			return row.id;
		});
		const path = `/people/${huseynovId}/positions/${positionId}?/save`;
		const first = await post(path, { ...POST, version: '1', notes: 'Saved first.' });
		expect(first.status).toBe(303);
		const second = await post(path, { ...POST, version: '1', notes: 'Saved second.' });
		expect(second.status).toBe(409);
		const html = await second.text();
		expect(html).toContain('Someone else saved this post');
		expect(html).toContain('Saved first.');
	});

	test('his page lists the post, and each event shows the post held there', async () => {
		const page = await fetch(`${server.url}/people/${huseynovId}`, { headers: { cookie: officer } });
		const html = await page.text();
		expect(html).toContain('Posts held');
		expect(html).toContain('Chief of the State Migration Service');
		expect(html).toContain('International Migrants Day 2021');
	});
});

describe('merging and deleting, without JavaScript', () => {
	let duplicateId: number;

	beforeAll(async () => {
		const response = await post('/people/new?/save', {
			...NEW_PERSON,
			givenName: 'Vüsal',
			familyName: 'Hüseynov',
			someoneElse: 'on'
		});
		expect(response.status).toBe(303);
		duplicateId = Number(response.headers.get('location')!.split('/').pop());
		const invited = await post(`/events/${eventId}/participants?/invite`, {
			personId: String(duplicateId),
			role: 'guest',
			delegationId: '',
			clashOverride: 'on'
		});
		expect(invited.status).toBe(303);
	});

	const versions = () =>
		withDatabase(server.databaseUrl, async (db) => {
			const rows = await db
				.selectFrom('person')
				.select(['id', 'version'])
				.where('id', 'in', [duplicateId, huseynovId])
				.execute();
			const of = (id: number) => String(rows.find((r) => r.id === id)!.version);
			return { version: of(duplicateId), intoVersion: of(huseynovId) };
		});

	test('the merge page finds him by a Cyrillic search and offers to keep him', async () => {
		const page = await fetch(
			`${server.url}/people/${duplicateId}/merge?q=${encodeURIComponent('Гусейнов')}`,
			{
				headers: { cookie: officer }
			}
		);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain(`into=${huseynovId}`);
		expect(html).toContain('Keep this one');
	});

	test('someone named at an event is not deleted: the page says what names him and offers a merge', async () => {
		const before = await count('person');
		const response = await post(`/people/${duplicateId}/delete?/delete`, {
			confirm: 'on',
			version: (await versions()).version
		});
		expect(response.status).toBe(409);
		const html = await response.text();
		expect(html).toContain('1 event taken part in');
		expect(html).toContain(`href="/people/${duplicateId}/merge"`);
		expect(await count('person')).toBe(before);
	});

	test.each([
		['intoId', 'x'],
		['intoId', '-1'],
		['intoId', '<script>alert(1)</script>'],
		['version', "'; drop table person; --"],
		['intoVersion', 'x'.repeat(100_000)],
		['intoId', '999999']
	])('merging with %s = %s is a 400, and nothing moves', async (field, value) => {
		const [people, participants] = [await count('person'), await count('event_participant')];
		const response = await post(`/people/${duplicateId}/merge?/merge`, {
			intoId: String(huseynovId),
			...(await versions()),
			[field]: value
		});
		expect(response.status).toBe(400);
		expect(await response.text()).not.toContain('<script>alert(1)</script>');
		expect([await count('person'), await count('event_participant')]).toEqual([people, participants]);
	});

	test('merging into himself is refused beside the form', async () => {
		const response = await post(`/people/${duplicateId}/merge?/merge`, {
			...(await versions()),
			intoId: String(duplicateId)
		});
		expect(response.status).toBe(400);
		expect(await response.text()).toContain('cannot be merged into themselves');
	});

	test('a merge from a page gone stale is refused, and nothing moves', async () => {
		const current = await versions();
		const response = await post(`/people/${duplicateId}/merge?/merge`, {
			intoId: String(huseynovId),
			version: current.version,
			intoVersion: String(Number(current.intoVersion) + 1)
		});
		expect(response.status).toBe(409);
		expect(await count('person')).toBeGreaterThan(0);
	});

	test('the merge moves him to the real one, whose page the old address leads to', async () => {
		const before = await count('person');
		const response = await post(`/people/${duplicateId}/merge?/merge`, {
			intoId: String(huseynovId),
			...(await versions())
		});
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe(`/people/${huseynovId}?merged=1`);
		expect(await count('person')).toBe(before - 1);
		const old = await fetch(`${server.url}/people/${duplicateId}`, {
			headers: { cookie: officer },
			redirect: 'manual'
		});
		expect(old.status).toBe(301);
		expect(old.headers.get('location')).toBe(`/people/${huseynovId}`);
		const page = await fetch(`${server.url}/people/${huseynovId}`, { headers: { cookie: officer } });
		const html = await page.text();
		expect(html).toContain('Also recorded as');
		expect(html).toContain('Mr Vüsal Hüseynov');
	});

	test('someone nothing names is deleted after the tick, and not before', async () => {
		const created = await post('/people/new?/save', {
			...NEW_PERSON,
			givenName: 'Typo',
			familyName: 'Entry'
		});
		expect(created.status).toBe(303);
		const id = Number(created.headers.get('location')!.split('/').pop());
		const unticked = await post(`/people/${id}/delete?/delete`, { version: '1' });
		expect(unticked.status).toBe(400);
		expect(await unticked.text()).toContain('Tick the box');
		const deleted = await post(`/people/${id}/delete?/delete`, { version: '1', confirm: 'on' });
		expect(deleted.status).toBe(303);
		expect(deleted.headers.get('location')).toBe('/people?done=deleted');
		const gone = await fetch(`${server.url}/people/${id}`, {
			headers: { cookie: officer },
			redirect: 'manual'
		});
		expect(gone.status).toBe(404);
	});
});
