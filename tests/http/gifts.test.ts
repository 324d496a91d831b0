/**
 * The gifts register over HTTP, against the built server on the demo data: a gift registered as a
 * browser without JavaScript posts the form, choosers resolved from typed names; bad input answered 400
 * with each message beside its field and nothing written; a viewer refused; a photograph uploaded as
 * multipart and shown back inline with headers that keep anything in it from running; the yearly report
 * as a page and as CSV.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { demoEventId, demoOrganizationId, demoPersonId } from '../helpers/demo-records';
import { htmlPage, pngFile } from '../helpers/documents';
import { countRows, postForm, withDatabase } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';

let dir: string;
let databaseUrl: string;
let server: RunningServer;
let officer: string;
let viewer: string;
const ids: Record<string, number> = {};

const giftForm = (fields: Record<string, string>) => ({
	direction: 'received',
	givenOn: '2026-12-18',
	giverPersonId: '',
	giverOrganizationId: '',
	recipientPersonId: '',
	recipientOrganizationId: '',
	description: 'A silver tray engraved with the IOM emblem',
	value: '',
	currency: '',
	disposition: 'undecided',
	dispositionOn: '',
	dispositionNote: '',
	notes: '',
	eventId: '',
	...fields
});

const page = async (path: string, cookie = officer) => {
	const response = await fetch(`${server.url}${path}`, { headers: { cookie }, redirect: 'manual' });
	return { status: response.status, headers: response.headers, text: await response.text() };
};

function uploadPhoto(giftId: number, content: Buffer, name: string) {
	const data = new FormData();
	data.append('photo', new Blob([new Uint8Array(content)]), name);
	return fetch(`${server.url}/gifts/${giftId}?/photo`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: server.url, accept: 'text/html', cookie: officer },
		body: data
	});
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-gifts-http-'));
	databaseUrl = join(dir, 'protokol.db');
	server = await startServer({ databaseUrl, env: { FILES_DIR: join(dir, 'files') } });
	officer = await signInOverHttp(server, await addUser(databaseUrl, 'officer'));
	viewer = await signInOverHttp(server, await addUser(databaseUrl, 'viewer'));
	await withDatabase(databaseUrl, async (db) => {
		ids.swing = await demoPersonId(db, 'Swing');
		ids.iom = await demoOrganizationId(db, 'IOM');
		ids.sms = await demoOrganizationId(db, 'SMS');
		ids.visit = await demoEventId(
			db,
			'Official visit of the Director General of IOM, Mr William Lacy Swing, to Azerbaijan'
		);
	});
});
afterAll(async () => {
	await server?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

test('an officer registers a gift from the plain form; it shows on its page and in the register', async () => {
	const response = await postForm(
		server,
		`/gifts/new?/save`,
		giftForm({
			giverPersonId: String(ids.swing),
			giverPersonIdText: 'William Lacy Swing',
			giverOrganizationId: String(ids.iom),
			giverOrganizationIdText: 'IOM',
			recipientOrganizationId: String(ids.sms),
			recipientOrganizationIdText: 'SMS',
			value: '350',
			currency: 'usd',
			eventId: String(ids.visit)
		}),
		{ cookie: officer }
	);
	expect(response.status).toBe(303);
	const location = response.headers.get('location')!;
	expect(location).toMatch(/^\/gifts\/\d+$/);
	ids.gift = Number(location.split('/').pop());
	const shown = await page(location);
	expect(shown.status).toBe(200);
	expect(shown.text).toContain('A silver tray engraved with the IOM emblem');
	expect(shown.text).toContain('USD\u00a0350.00');
	expect(shown.text).toContain('Official visit of the Director General of IOM');
	const register = await page('/gifts?year=2026&direction=received', viewer);
	expect(register.status).toBe(200);
	expect(register.text).toContain(`/gifts/${ids.gift}`);
	expect((await page('/gifts?direction=given')).text).not.toContain(`/gifts/${ids.gift}"`);
});

test('bad input is answered 400 with each message beside its field, and nothing is written', async () => {
	const before = await countRows(databaseUrl, 'gift');
	const response = await postForm(
		server,
		'/gifts/new?/save',
		giftForm({ givenOn: '2026-13-40', value: '12.345', currency: 'AZN', description: '' }),
		{ cookie: officer }
	);
	expect(response.status).toBe(400);
	const html = await response.text();
	for (const message of [
		'There is no such date.',
		'Description is required.',
		'Name who gave it: a person, an organisation, or both.',
		'Name who received it: a person, an organisation, or both.'
	]) {
		expect(html).toContain(message);
	}
	// A typed name that names nobody: refused beside its chooser.
	const nobody = await postForm(
		server,
		'/gifts/new?/save',
		giftForm({ giverPersonIdText: 'Nobody Whatsoever', recipientOrganizationId: String(ids.sms) }),
		{ cookie: officer }
	);
	expect(nobody.status).toBe(400);
	expect(await countRows(databaseUrl, 'gift')).toBe(before);
});

test('a viewer reads the register but may not register, edit or upload', async () => {
	const refused = await postForm(
		server,
		'/gifts/new?/save',
		giftForm({ giverOrganizationId: String(ids.iom), recipientOrganizationId: String(ids.sms) }),
		{ cookie: viewer }
	);
	expect(refused.status).toBe(403);
	expect((await page('/gifts/new', viewer)).status).toBe(403);
	expect((await page(`/gifts/${ids.gift}/edit`, viewer)).status).toBe(403);
	const shown = await page(`/gifts/${ids.gift}`, viewer);
	expect(shown.status).toBe(200);
	expect(shown.text).not.toContain('Edit gift');
	expect(shown.text).not.toContain('Keep the photograph');
});

test('a photograph is uploaded and shown inline, sandboxed; a page posing as one is refused', async () => {
	const hostile = await uploadPhoto(ids.gift!, htmlPage(), 'tray.png');
	expect(hostile.status).toBe(400);
	expect(await hostile.text()).toContain('This file is not a JPEG or PNG image');

	const uploaded = await uploadPhoto(ids.gift!, pngFile(), 'Silver tray.png');
	expect(uploaded.status).toBe(303);
	const photo = await fetch(`${server.url}/gifts/${ids.gift}/photo`, { headers: { cookie: viewer } });
	expect(photo.status).toBe(200);
	expect(photo.headers.get('content-type')).toBe('image/png');
	expect(photo.headers.get('content-disposition')).toMatch(/^inline; filename="Silver tray.png"/);
	expect(photo.headers.get('content-security-policy')).toContain("default-src 'none'");
	expect(photo.headers.get('x-content-type-options')).toBe('nosniff');
	expect(Buffer.from(await photo.arrayBuffer()).equals(pngFile())).toBe(true);
	expect((await page(`/gifts/${ids.gift}`)).text).toContain(`src="/gifts/${ids.gift}/photo"`);
	// Signed out, nothing.
	expect((await fetch(`${server.url}/gifts/${ids.gift}/photo`, { redirect: 'manual' })).status).toBe(303);
});

test("the year's report of an organisation, as a page and as CSV", async () => {
	const report = await page(`/gifts/report?year=2026&organization=${ids.sms}`, viewer);
	expect(report.status).toBe(200);
	expect(report.text).toContain('Gifts of State Migration Service');
	expect(report.text).toContain('A silver tray engraved with the IOM emblem');
	expect(report.text).toContain('USD\u00a0350.00');
	const csv = await page(`/gifts/report/csv?year=2026&organization=${ids.sms}`, viewer);
	expect(csv.status).toBe(200);
	expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
	expect(csv.headers.get('content-disposition')).toContain(`gifts-2026-organization-${ids.sms}.csv`);
	const lines = csv.text
		.replace(/^\uFEFF/, '')
		.trim()
		.split('\r\n');
	expect(lines).toHaveLength(2);
	expect(lines[1]).toContain('2026-12-18,Received,');
	// Another year: nothing received.
	expect((await page(`/gifts/report?year=2025&organization=${ids.sms}`)).text).toContain(
		'None recorded in 2025.'
	);
});
