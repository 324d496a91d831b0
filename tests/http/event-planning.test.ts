/**
 * The event forms as a browser without JavaScript uses them: plain form posts to the built server,
 * answered with a redirect after a save, or with the page again, everything typed kept and the message
 * beside its field, the clashes to confirm, or the other officer's version.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '$lib/server/db/connection';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { describeEachEngine, POSTGRES_URL, type EngineUnderTest } from '../helpers/databases';
import { postForm } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';

let dir: string;
let databaseUrl: string;
let server: RunningServer;
let officer: string;
let smsHq: number;
let imd2021: number;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-planning-'));
	databaseUrl = join(dir, 'protokol.db');
	server = await startServer({ databaseUrl });
	officer = await signInOverHttp(server, await addUser(databaseUrl, 'officer'));
	const handle = openDatabase(databaseUrl);
	try {
		smsHq = (
			await handle.db
				.selectFrom('venue')
				.select('id')
				.where('name', '=', 'State Migration Service headquarters')
				.executeTakeFirstOrThrow()
		).id;
		imd2021 = (
			await handle.db
				.selectFrom('event')
				.select('id')
				.where('title', '=', 'International Migrants Day 2021')
				.executeTakeFirstOrThrow()
		).id;
	} finally {
		await handle.close();
	}
});
afterAll(async () => {
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

async function post(
	path: string,
	fields: [string, string][],
	to: { server: RunningServer; cookie: string } = { server, cookie: officer }
) {
	const response = await postForm(to.server, path, fields, { cookie: to.cookie });
	return { status: response.status, location: response.headers.get('location'), html: await response.text() };
}

async function get(path: string) {
	const response = await fetch(`${server.url}${path}`, { headers: { cookie: officer }, redirect: 'manual' });
	return { status: response.status, html: await response.text() };
}

const meeting = (overrides: Record<string, string> = {}): [string, string][] => {
	const fields: Record<string, string> = {
		kind: 'bilateral_meeting',
		title: 'Meeting with the UNHCR Representative',
		theme: '',
		description: '',
		start: '2027-04-06T10:00',
		end: '2027-04-06T11:00',
		timeZone: '',
		timing: 'exact',
		venueId: String(smsHq),
		onlineUrl: '',
		status: 'planned',
		statusReason: '',
		seriesId: '',
		newSeriesName: '',
		version: '',
		...overrides
	};
	return [...Object.entries(fields), ['host', '1'], ['host', ''], ['coHost', '']];
};

/** The version the edit page's form carries now. */
async function versionOf(eventId: number): Promise<string> {
	const { html } = await get(`/events/${eventId}/edit`);
	return /name="version" value="(\d+)"/.exec(html)![1]!;
}

describe('creating an event without JavaScript', () => {
	test('a complete form creates the event and leads to its page', async () => {
		const created = await post('/events/new?/save', meeting());
		expect(created.status).toBe(303);
		expect(created.location).toMatch(/^\/events\/\d+$/);
		const page = await get(created.location!);
		expect(page.html).toContain('Meeting with the UNHCR Representative');
		expect(page.html).toContain('Tuesday 6 April 2027, 10:00–11:00');
		expect(page.html).toContain('Asia/Baku, UTC+4');
	});

	test('bad input comes back with every value typed and each message beside its field', async () => {
		const refused = await post(
			'/events/new?/save',
			meeting({
				title: 'Visit of the <b>Minister</b>',
				start: '2027-04-07T12:00',
				end: '2027-04-07T11:00',
				venueId: '',
				onlineUrl: 'javascript:alert(1)',
				timeZone: 'Mars/Olympus'
			})
		);
		expect(refused.status).toBe(400);
		expect(refused.html).toContain('value="Visit of the &lt;b>Minister&lt;/b>"');
		expect(refused.html).toContain('value="javascript:alert(1)"');
		expect(refused.html).toMatch(/id="field-onlineUrl-error">Enter a web address starting with https/);
		expect(refused.html).toMatch(/id="field-timeZone-error">Choose a time zone from the list/);
	});

	test('an end before the start is named beside the end', async () => {
		const refused = await post('/events/new?/save', meeting({ end: '2027-04-06T09:00' }));
		expect(refused.status).toBe(400);
		expect(refused.html).toContain('id="field-end-error">The end must be after the start.');
	});

	test('a clash is shown with both times in their zones, and "Save anyway" saves', async () => {
		const fields = meeting({
			title: 'Courtesy call',
			start: '2027-04-06T10:30',
			end: '2027-04-06T11:30',
			venueId: String(smsHq)
		});
		const warned = await post('/events/new?/save', fields);
		expect(warned.status).toBe(409);
		expect(warned.html).toContain('Not saved yet: this clashes with another event');
		expect(warned.html).toContain('Meeting with the UNHCR Representative');
		expect(warned.html).toContain('Tuesday 6 April 2027, 10:00–11:00 (Asia/Baku, UTC+4)');
		expect(warned.html).toContain('At the same venue.');
		expect(warned.html).toContain('name="overrideClashes" value="1"');
		const anyway = await post('/events/new?/save', [...fields, ['overrideClashes', '1']]);
		expect(anyway.status).toBe(303);
	});
});

describe('editing an event without JavaScript', () => {
	test('a stale save is refused with the other officer’s values shown, and nothing saved', async () => {
		const created = await post(
			'/events/new?/save',
			meeting({ title: 'Briefing', start: '2027-05-03T10:00', end: '2027-05-03T11:00' })
		);
		const path = `${created.location}/edit`;
		const opened = await versionOf(Number(created.location!.split('/').pop()));
		const first = await post(
			`${path}?/save`,
			meeting({
				title: 'Briefing of the Chief',
				start: '2027-05-03T10:00',
				end: '2027-05-03T11:00',
				version: opened
			})
		);
		expect(first.status).toBe(303);
		const second = await post(
			`${path}?/save`,
			meeting({
				title: 'Briefing moved',
				start: '2027-05-04T10:00',
				end: '2027-05-04T11:00',
				version: opened
			})
		);
		expect(second.status).toBe(409);
		expect(second.html).toContain('Not saved: someone else changed this event');
		expect(second.html).toMatch(/<td[^>]*>Briefing of the Chief<\/td>\s*<td[^>]*>Briefing moved<\/td>/);
		expect(second.html).not.toContain('<th scope="row">Time zone</th>');
		const page = await get(created.location!);
		expect(page.html).toContain('Briefing of the Chief');
		expect(page.html).toContain('Monday 3 May 2027');
	});

	test('postponed with a reason, which the event page shows; reinstated as planned', async () => {
		const created = await post(
			'/events/new?/save',
			meeting({ title: 'Working lunch', start: '2027-05-10T13:00', end: '2027-05-10T14:00' })
		);
		const eventId = Number(created.location!.split('/').pop());
		const withoutReason = await post(`/events/${eventId}/edit?/postpone`, [
			['version', await versionOf(eventId)],
			['reason', ' ']
		]);
		expect(withoutReason.status).toBe(400);
		expect(withoutReason.html).toContain('id="field-reason-error">Reason is required.');
		const postponed = await post(`/events/${eventId}/edit?/postpone`, [
			['version', await versionOf(eventId)],
			['reason', 'The guest is unwell.']
		]);
		expect(postponed).toMatchObject({ status: 303, location: `/events/${eventId}` });
		const page = await get(`/events/${eventId}`);
		expect(page.html).toMatch(/<strong>Postponed:<\/strong> The guest is unwell\./);
		const reinstated = await post(`/events/${eventId}/edit?/reinstate`, [
			['version', await versionOf(eventId)]
		]);
		expect(reinstated.status).toBe(303);
		expect((await get(`/events/${eventId}`)).html).not.toContain('The guest is unwell.');
	});
});

describe('duplicating and deleting without JavaScript', () => {
	test('the duplicate form is filled in for next year’s International Migrants Day', async () => {
		const page = await get(`/events/${imd2021}/duplicate`);
		expect(page.status).toBe(200);
		expect(page.html).toContain('value="International Migrants Day 2022"');
		expect(page.html).toContain('value="2022-12-17T10:00"');
	});

	test('deleting asks for the box to be ticked, then deletes and leads to the events list', async () => {
		const created = await post(
			'/events/new?/save',
			meeting({ title: 'Mistaken entry', start: '2027-06-01T10:00', end: '2027-06-01T11:00' })
		);
		const eventId = Number(created.location!.split('/').pop());
		const confirmPage = await get(`/events/${eventId}/delete`);
		expect(confirmPage.html).toContain('Delete “Mistaken entry”?');
		const version = /name="version" value="(\d+)"/.exec(confirmPage.html)![1]!;
		const unticked = await post(`/events/${eventId}/delete?/delete`, [['version', version]]);
		expect(unticked.status).toBe(400);
		expect(unticked.html).toContain('Tick the box to confirm');
		const deleted = await post(`/events/${eventId}/delete?/delete`, [
			['version', version],
			['confirm', 'on']
		]);
		expect(deleted).toMatchObject({ status: 303, location: '/events' });
		expect((await get(`/events/${eventId}`)).status).toBe(404);
	});
});

/** A server of its own for each engine: a temp SQLite file, or a PostgreSQL schema. */
async function serverDatabase(engine: EngineUnderTest): Promise<{ url: string; cleanup(): Promise<void> }> {
	if (engine.engine === 'sqlite') {
		const where = mkdtempSync(join(tmpdir(), 'protokol-planning-hostile-'));
		return {
			url: join(where, 'protokol.db'),
			cleanup: async () => rmSync(where, { recursive: true, force: true })
		};
	}
	const schema = `t_${randomBytes(6).toString('hex')}`;
	const adminQuery = async (text: string) => {
		const client = new pg.Client({ connectionString: POSTGRES_URL });
		await client.connect();
		try {
			await client.query(text);
		} finally {
			await client.end();
		}
	};
	await adminQuery(`create schema ${schema}`);
	const url = new URL(POSTGRES_URL);
	url.searchParams.set('schema', schema);
	return { url: url.toString(), cleanup: () => adminQuery(`drop schema if exists ${schema} cascade`) };
}

describeEachEngine('hostile input to the event form', (engine) => {
	const HOSTILE = [
		'x'.repeat(100_000),
		'nul\u0000 esc\u001b',
		'<script>alert(1)</script>',
		'"><img src=x onerror=alert(1)>',
		"' OR 1=1 --",
		'-1',
		'9999999999999999',
		'2147483648'
	];
	const FIELDS = [
		'kind',
		'title',
		'theme',
		'description',
		'start',
		'end',
		'timeZone',
		'timing',
		'venueId',
		'newVenueName',
		'newVenueCountry',
		'newVenueTimeZone',
		'onlineUrl',
		'status',
		'statusReason',
		'seriesId',
		'newSeriesName',
		'host',
		'coHost',
		'version'
	];
	let target: { server: RunningServer; cookie: string };
	let cleanup: () => Promise<void>;

	beforeAll(async () => {
		const location = await serverDatabase(engine);
		cleanup = location.cleanup;
		const email = await addUser(location.url, 'officer');
		const hostile = await startServer({ databaseUrl: location.url });
		target = { server: hostile, cookie: await signInOverHttp(hostile, email) };
	});
	afterAll(async () => {
		await target?.server.stop();
		await cleanup?.();
	});

	test.each(FIELDS)('%s: never a server error, never markup echoed unescaped', async (field) => {
		for (const value of HOSTILE) {
			const fields = meeting({ start: '2028-01-05T10:00', end: '2028-01-05T11:00' }).filter(
				([name]) => name !== field
			);
			const answer = await post('/events/new?/save', [...fields, [field, value]], target);
			expect(answer.status, `${field} = ${value.slice(0, 40)}`).toBeLessThan(500);
			expect(answer.html).not.toContain('<script>alert(1)</script>');
			expect(answer.html).not.toContain('<img src=x');
		}
	});

	test('an edit naming an impossible version is refused, not a server error', async () => {
		for (const version of ['9999999999999999', '2147483648', '-1', 'x']) {
			const answer = await post('/events/1/edit?/save', meeting({ version }), target);
			expect(answer.status).toBe(400);
		}
	});

	test('a file where text belongs is refused beside the field, not stored', async () => {
		const form = new FormData();
		for (const [name, value] of meeting()) form.append(name, value);
		form.set('title', new File(['%PDF-1.4'], 'payload.pdf', { type: 'application/pdf' }));
		const response = await fetch(`${target.server.url}/events/new?/save`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: target.server.url, accept: 'text/html', cookie: target.cookie },
			body: form
		});
		expect(response.status).toBe(400);
		expect(await response.text()).toContain('id="field-title-error">Title is required.');
	});
});
