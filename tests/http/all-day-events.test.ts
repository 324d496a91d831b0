/**
 * All-day events over HTTP, as a browser without JavaScript posts the event form to the built server:
 * first and last day saved and shown as dates, wrong days named beside their fields, and the event's
 * calendar file with DTSTART;VALUE=DATE.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { postForm } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';

let dir: string;
let server: RunningServer;
let officer: string;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-all-day-'));
	const databaseUrl = join(dir, 'protokol.db');
	server = await startServer({ databaseUrl });
	officer = await signInOverHttp(server, await addUser(databaseUrl, 'officer'));
});
afterAll(async () => {
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

const session = (overrides: Record<string, string> = {}): [string, string][] =>
	Object.entries({
		kind: 'council_session',
		title: 'Council of Heads of Migration Bodies',
		theme: '',
		description: '',
		allDay: 'on',
		firstDay: '2027-05-05',
		lastDay: '2027-05-08',
		start: '',
		end: '',
		timeZone: 'Asia/Baku',
		timing: 'exact',
		venueId: '',
		onlineUrl: 'https://meet.example.org/council',
		status: 'planned',
		statusReason: '',
		seriesId: '',
		newSeriesName: '',
		version: '',
		...overrides
	});

async function post(fields: [string, string][]) {
	const response = await postForm(server, '/events/new?/save', fields, { cookie: officer });
	return { status: response.status, location: response.headers.get('location'), html: await response.text() };
}

async function get(path: string) {
	const response = await fetch(`${server.url}${path}`, { headers: { cookie: officer }, redirect: 'manual' });
	return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

test('an all-day session of four days is created and shown with its dates, not times', async () => {
	const created = await post(session());
	expect(created.status).toBe(303);
	const page = await get(created.location!);
	expect(page.text).toContain('5–8 May 2027');
	expect(page.text).toContain('(all day, Asia/Baku)');
	expect(page.text).not.toMatch(/5 May 2027, 00:00|00:00–/);

	const ics = await get(`${created.location!}/calendar.ics`);
	expect(ics.status).toBe(200);
	expect(ics.text).toContain('DTSTART;VALUE=DATE:20270505\r\n');
	expect(ics.text).toContain('DTEND;VALUE=DATE:20270509\r\n');
	expect(ics.text).not.toContain('BEGIN:VTIMEZONE');

	const edit = await get(`${created.location!}/edit`);
	expect(edit.text).toMatch(/name="allDay"[^>]*checked/);
	expect(edit.text).toContain('value="2027-05-05"');
	expect(edit.text).toContain('value="2027-05-08"');
});

test('a last day before the first comes back with the days typed and the message beside the last day', async () => {
	const refused = await post(session({ lastDay: '2027-05-01' }));
	expect(refused.status).toBe(400);
	expect(refused.html).toContain('id="field-lastDay-error">The last day cannot be before the first day.');
	expect(refused.html).toContain('value="2027-05-05"');
	expect(refused.html).toContain('value="2027-05-01"');
	expect(refused.html).toMatch(/name="allDay"[^>]*checked/);
});

test('a day that is not a date, or none, is named beside its field; never a server error', async () => {
	const refused = await post(session({ firstDay: '5 May', lastDay: '' }));
	expect(refused.status).toBe(400);
	expect(refused.html).toContain('id="field-firstDay-error">Enter the first day as a date.');
	expect(refused.html).toContain('id="field-lastDay-error">Last day is required.');
	const hostile = await post(session({ firstDay: '2027-13-01' }));
	expect(hostile.status).toBe(400);
	expect(hostile.html).toContain('id="field-firstDay-error">There is no such date.');
});
