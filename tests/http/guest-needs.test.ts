/**
 * What guests need, over HTTP on the built server with the demo data: an officer records a guest's
 * diet, interpretation and security note from the plain form; the needs page, the caterer's list and
 * the interpreters' schedule show what each is for — the caterer's list carries meals and nothing of
 * security; a viewer is refused every one of them; and the guest's own personal link, the printed
 * participant list, the badges and the event page show none of it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { countRows, postForm, withDatabase } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';

const DIET_NOTE = 'Severe sesame allergy: no tahini';
const SECURITY_NOTE = 'Close protection officer, badge category A';

let dir: string;
let databaseUrl: string;
let server: RunningServer;
let officer: string;
let viewer: string;
let eventId: number;
let participantId: number;
let personId: number;

const get = async (path: string, cookie?: string) => {
	const response = await fetch(`${server.url}${path}`, {
		headers: cookie ? { cookie } : {},
		redirect: 'manual'
	});
	return { status: response.status, text: await response.text() };
};

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-needs-http-'));
	databaseUrl = join(dir, 'protokol.db');
	server = await startServer({ databaseUrl });
	officer = await signInOverHttp(server, await addUser(databaseUrl, 'officer'));
	viewer = await signInOverHttp(server, await addUser(databaseUrl, 'viewer'));
	// A demo event with participants, and its first participant.
	await withDatabase(databaseUrl, async (db) => {
		const row = await db
			.selectFrom('event_participant')
			.select(['id', 'event_id', 'person_id'])
			.orderBy('event_id')
			.orderBy('id')
			.executeTakeFirstOrThrow();
		[participantId, eventId, personId] = [row.id, row.event_id, row.person_id];
	});
});
afterAll(async () => {
	await server?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

test("an officer records a guest's needs from the plain form; each list shows what it is for", async () => {
	const form = await get(`/events/${eventId}/participants/${participantId}/needs`, officer);
	expect(form.status).toBe(200);
	const saved = await postForm(
		server,
		`/events/${eventId}/participants/${participantId}/needs?/save`,
		[
			['diet', 'halal'],
			['diet', 'nut_allergy'],
			['dietaryNote', DIET_NOTE],
			['accessibility', 'Step-free access to the hall'],
			['interpretationLanguage', 'ru'],
			['securityNote', SECURITY_NOTE],
			['version', '']
		],
		{ cookie: officer }
	);
	expect(saved.status).toBe(303);
	expect(saved.headers.get('location')).toBe(`/events/${eventId}/needs#guest-${participantId}`);

	// What each page shows: its <main>, not the words every signed-in page carries in its data (which name
	// the three languages, Russian among them).
	const shown = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
	const needs = await get(`/events/${eventId}/needs`, officer);
	expect(needs.status).toBe(200);
	for (const text of [DIET_NOTE, SECURITY_NOTE, 'Halal, Nut allergy', 'Step-free access', 'Russian']) {
		expect(shown(needs.text)).toContain(text);
	}
	const catering = shown((await get(`/events/${eventId}/needs/catering`, officer)).text);
	expect(catering).toContain(DIET_NOTE);
	expect(catering).toMatch(/Halal<\/th>\s*<td class="number[^"]*">1</);
	expect(catering).not.toContain(SECURITY_NOTE);
	expect(catering).not.toContain('Step-free access');
	expect(catering).not.toContain('Russian');
	const interpretation = shown((await get(`/events/${eventId}/needs/interpretation`, officer)).text);
	expect(interpretation).toContain('Russian');
	expect(interpretation).not.toContain(SECURITY_NOTE);
	expect(interpretation).not.toContain(DIET_NOTE);
	expect(interpretation).not.toContain('Step-free access');
});

test('bad input is answered 400 beside its field, and nothing is written', async () => {
	const before = await countRows(databaseUrl, 'participant_needs');
	const response = await postForm(
		server,
		`/events/${eventId}/participants/${participantId}/needs?/save`,
		[
			['interpretationLanguage', 'klingon'],
			['version', '']
		],
		{ cookie: officer }
	);
	expect(response.status).toBe(400);
	expect(await response.text()).toContain('Choose a language from the list.');
	expect(await countRows(databaseUrl, 'participant_needs')).toBe(before);
});

test('a viewer is refused every needs page and the form', async () => {
	for (const path of [
		`/events/${eventId}/needs`,
		`/events/${eventId}/needs/catering`,
		`/events/${eventId}/needs/interpretation`,
		`/events/${eventId}/participants/${participantId}/needs`
	]) {
		expect((await get(path, viewer)).status, path).toBe(403);
	}
	const write = await postForm(
		server,
		`/events/${eventId}/participants/${participantId}/needs?/save`,
		[['version', '']],
		{ cookie: viewer }
	);
	expect(write.status).toBe(403);
});

test("the guest's personal link, the printed list, the badges and the event page show none of it", async () => {
	const issued = await postForm(
		server,
		`/people/${personId}?/issueLink`,
		{ validDays: '90' },
		{ cookie: officer }
	);
	expect(issued.status).toBe(200);
	const token = /\/p\/([\w.-]+)/.exec(await issued.text())?.[1];
	expect(token).toBeTruthy();
	const pages = [
		await get(`/p/${token}`),
		await get(`/events/${eventId}/participants/list`, viewer),
		await get(`/events/${eventId}/participants/badges`, viewer),
		await get(`/events/${eventId}`, viewer),
		await get(`/events/${eventId}`, officer)
	];
	for (const page of pages) {
		expect(page.status).toBe(200);
		expect(page.text).not.toContain(DIET_NOTE);
		expect(page.text).not.toContain(SECURITY_NOTE);
		expect(page.text).not.toContain('Nut allergy');
	}
});
