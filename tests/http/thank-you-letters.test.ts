/**
 * Thank-you letters over HTTP without JavaScript, against the built server on the demo data: after the
 * President's meeting with William Lacy Swing the page offers Swing with his letter; the plain form
 * drafts it once (a second post makes none); someone not offered, or no one, is answered 400 with the
 * message and nothing written; a viewer is refused; the draft is edited through the plain edit form,
 * printed, and registered with its reference number from its page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { demoEventId, demoPersonId } from '../helpers/demo-records';
import { findCorrespondenceForm } from '$lib/server/correspondence/correspondence.service';
import { countRows, postForm, withDatabase } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';

const MEETING =
	'Meeting of the President of the Republic of Azerbaijan, Mr Ilham Aliyev, with the Director General of IOM, Mr William Lacy Swing';

let dir: string;
let databaseUrl: string;
let server: RunningServer;
let officer: string;
let viewer: string;
const ids = {} as Record<'swing' | 'aliyev' | 'meeting', number>;

const page = async (path: string, cookie = officer) => {
	const response = await fetch(`${server.url}${path}`, { headers: { cookie }, redirect: 'manual' });
	return { status: response.status, headers: response.headers, text: await response.text() };
};

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-thanks-http-'));
	databaseUrl = join(dir, 'protokol.db');
	server = await startServer({ databaseUrl });
	officer = await signInOverHttp(server, await addUser(databaseUrl, 'officer'));
	viewer = await signInOverHttp(server, await addUser(databaseUrl, 'viewer'));
	await withDatabase(databaseUrl, async (db) => {
		ids.swing = await demoPersonId(db, 'Swing');
		ids.aliyev = await demoPersonId(db, 'Aliyev');
		ids.meeting = await demoEventId(db, MEETING);
	});
});
afterAll(async () => {
	await server?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the page offers the head of the visiting delegation with his letter; viewers are refused', async () => {
	const shown = await page(`/events/${ids.meeting}/thank-you`);
	expect(shown.status).toBe(200);
	expect(shown.text).toContain(`name="addressee" value="${ids.swing}"`);
	expect(shown.text).not.toContain(`value="${ids.aliyev}"`);
	expect(shown.text).toContain('Dear Director General,');
	expect(shown.text).toContain(
		'Mr William Lacy Swing\nDirector General of the International Organization for Migration'
	);
	expect(shown.text).toContain('for our meeting on 16 January 2017.');
	expect(shown.text).toContain('Ilham Aliyev\nPresident of the Republic of Azerbaijan');
	expect(shown.text).toContain('The date of this event is assumed');
	expect((await page(`/events/${ids.meeting}`)).text).toContain(`/events/${ids.meeting}/thank-you`);
	expect((await page(`/events/${ids.meeting}/thank-you`, viewer)).status).toBe(403);
	const refused = await postForm(
		server,
		`/events/${ids.meeting}/thank-you?/draft`,
		{ addressee: String(ids.swing) },
		{
			cookie: viewer
		}
	);
	expect(refused.status).toBe(403);
});

test('someone not offered, a bad id or no one at all is answered 400 with the message, nothing written', async () => {
	const before = await countRows(databaseUrl, 'correspondence');
	const cases: [[string, string][], string][] = [
		[
			[
				['addressee', String(ids.swing)],
				['addressee', String(ids.aliyev)]
			],
			'heads of the other delegations only'
		],
		[[['addressee', 'Swing']], 'Choose the people to thank from the list.'],
		[[], 'Choose at least one person to thank.']
	];
	for (const [fields, message] of cases) {
		const response = await postForm(server, `/events/${ids.meeting}/thank-you?/draft`, fields, {
			cookie: officer
		});
		expect(response.status).toBe(400);
		expect(await response.text()).toContain(message);
	}
	expect(await countRows(databaseUrl, 'correspondence')).toBe(before);
});

test('the plain form drafts the letter once, edits it, prints it and registers it with its number', async () => {
	const before = await countRows(databaseUrl, 'correspondence');
	const draft = () =>
		postForm(
			server,
			`/events/${ids.meeting}/thank-you?/draft`,
			{ addressee: String(ids.swing) },
			{ cookie: officer }
		);
	const first = await draft();
	expect(first.status).toBe(303);
	expect(first.headers.get('location')).toBe(`/events/${ids.meeting}/thank-you?drafted=1`);
	const again = await draft();
	expect(again.headers.get('location')).toBe(`/events/${ids.meeting}/thank-you?drafted=0`);
	expect(await countRows(databaseUrl, 'correspondence')).toBe(before + 1);

	const listed = await page(`/events/${ids.meeting}/thank-you?drafted=0`);
	expect(listed.text).toContain('No new draft: each letter chosen was made already.');
	const link = /href="\/correspondence\/(\d+)">Open the draft to Mr William Lacy Swing/.exec(listed.text);
	expect(link).not.toBeNull();
	const letterId = Number(link![1]);
	const event = await page(`/events/${ids.meeting}`, viewer);
	expect(event.text).toContain(`/correspondence/${letterId}`);
	expect(event.text).toContain('Draft');

	// The plain edit form, as a browser without JavaScript posts it: every field as it stands (the
	// choosers' ids without their text, as the form allows), the text with one sentence changed.
	const edit = await page(`/correspondence/${letterId}/edit`);
	expect(edit.status).toBe(200);
	expect(edit.text).toContain('A draft: it gets its reference number when it is registered');
	expect(edit.text).not.toContain('name="referenceNumber"');
	const { values } = (await withDatabase(databaseUrl, (db) => findCorrespondenceForm(db, letterId)))!;
	const { events: _events, ...rest } = values;
	const fields: Record<string, string> = {
		...rest,
		body: values.body.replace(
			'I look forward to the further development of our fruitful cooperation.',
			'I look forward to welcoming you again in Baku.'
		),
		[`event-${ids.meeting}`]: 'follows_up'
	};
	const saved = await postForm(server, `/correspondence/${letterId}/edit?/save`, fields, { cookie: officer });
	expect(saved.status).toBe(303);

	const printable = await page(`/correspondence/${letterId}/letter`, viewer);
	expect(printable.status).toBe(200);
	expect(printable.text).toContain('I look forward to welcoming you again in Baku.');
	expect(printable.text).toContain('Draft: not registered, no reference number yet');

	const record = await page(`/correspondence/${letterId}`);
	const version = /name="version" value="(\d+)"/.exec(record.text)![1]!;
	const empty = await postForm(
		server,
		`/correspondence/${letterId}?/register`,
		{ referenceNumber: '', datedOn: '2017-01-19', version },
		{ cookie: officer }
	);
	expect(empty.status).toBe(400);
	expect(await empty.text()).toContain('Reference number is required.');
	const registered = await postForm(
		server,
		`/correspondence/${letterId}?/register`,
		{ referenceNumber: '09/1602', datedOn: '2017-01-19', version },
		{ cookie: officer }
	);
	expect(registered.status).toBe(303);
	const shown = await page(registered.headers.get('location')!);
	expect(shown.text).toContain('Registered with reference number 09/1602.');
	expect(shown.text).not.toContain('Register this letter');
	expect((await page(`/correspondence/${letterId}/letter`)).text).toContain('Ref: 09/1602');
});
