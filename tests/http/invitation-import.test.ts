/**
 * Issue 17 §2 over HTTP, against the built server: an officer pastes or uploads a partner's invitation
 * on /inbox/import, sees the preview, and creates the draft with one form POST (no JavaScript); bad
 * input is refused beside the field with 400 and nothing written; a viewer is refused. Then, with
 * IMAP_URL set to the tests' Dovecot, an invitation delivered to the office's mailbox shows up in the
 * inbox as waiting, is imported from there once, and is marked in the mailbox.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { describeWithDovecot, startDovecot, type TestDovecot } from '../helpers/dovecot';
import { countRows, postForm, withDatabase } from '../helpers/http';
import { googleInvitation, invitationEmail, outlookInvitation } from '../helpers/partner-invitations';
import { startServer, type RunningServer } from '../helpers/server';

const OFFICE = 'protocol@migration.example';

const eventsImportedAs = (databaseUrl: string, uid: string) =>
	withDatabase(databaseUrl, (db) =>
		db
			.selectFrom('event')
			.select(['id', 'title', 'start_at', 'time_zone', 'status'])
			.where('import_uid', '=', uid)
			.execute()
	);

const flat = (html: string) => html.replace(/\s+/g, ' ');

describe('importing an invitation on /inbox/import', () => {
	let dir: string;
	let databaseUrl: string;
	let server: RunningServer;
	let officer: string;
	let viewer: string;

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'protokol-import-http-'));
		databaseUrl = join(dir, 'protokol.db');
		server = await startServer({ databaseUrl, env: { DEMO_DATA: 'off', ORGANIZER_EMAIL: OFFICE } });
		officer = await signInOverHttp(server, await addUser(databaseUrl, 'officer'));
		viewer = await signInOverHttp(server, await addUser(databaseUrl, 'viewer'));
	}, 60_000);
	afterAll(async () => {
		await server?.stop();
		if (dir) rmSync(dir, { recursive: true, force: true });
	});

	const upload = (action: string, file: Blob, cookie: string) => {
		const body = new FormData();
		body.set('file', file, 'invite.ics');
		body.set('source', '');
		return fetch(`${server.url}/inbox/import?/${action}`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: server.url, accept: 'text/html', cookie },
			body
		});
	};

	test('the page is for officers; a viewer is refused', async () => {
		const page = await fetch(`${server.url}/inbox/import`, { headers: { cookie: officer } });
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('Import an invitation');
		expect((await fetch(`${server.url}/inbox/import`, { headers: { cookie: viewer } })).status).toBe(403);
	});

	test('a pasted Outlook invitation: the preview shows the hour in its zone and the people, and writes nothing', async () => {
		const source = outlookInvitation({ uid: 'http-paste-1', location: 'Conference hall, Baku' });
		const response = await postForm(server, '/inbox/import?/preview', { source }, { cookie: officer });
		expect(response.status).toBe(200);
		const html = flat(await response.text());
		expect(html).toContain('Consultations on labour migration');
		expect(html).toContain('Tuesday 12 October 2027, 10:00–11:30');
		expect(html).toContain('(Asia/Baku, UTC+4)');
		expect(html).toContain('The invitation names the zone “Azerbaijan Standard Time”, which is Asia/Baku.');
		expect(html).toContain('Conference hall, Baku');
		expect(html).toMatch(
			/Anna Keller &lt;anna\.keller@bamf\.example>.{0,40}— new: will be added to the directory/
		);
		expect(html).toMatch(/<button type="submit">Create the draft event<\/button>/);
		expect(await eventsImportedAs(databaseUrl, 'http-paste-1')).toEqual([]);

		const created = await postForm(server, '/inbox/import?/import', { source }, { cookie: officer });
		expect(created.status).toBe(303);
		const [event] = await eventsImportedAs(databaseUrl, 'http-paste-1');
		expect(created.headers.get('location')).toBe(`/events/${event!.id}?imported=create`);
		expect(event).toMatchObject({ status: 'draft', time_zone: 'Asia/Baku' });
		expect(String(event!.start_at)).toMatch(/^2027-10-12T06:00:00/);
		// The event's page opens, in its zone.
		const page = flat(
			await (await fetch(`${server.url}/events/${event!.id}`, { headers: { cookie: officer } })).text()
		);
		expect(page).toContain('Consultations on labour migration');
	});

	test('an uploaded Google invitation file previews and imports the same way', async () => {
		const file = new Blob([googleInvitation({ uid: 'http-upload-1', summary: 'Meeting in Berlin' })], {
			type: 'text/calendar'
		});
		const preview = await upload('preview', file, officer);
		expect(preview.status).toBe(200);
		expect(flat(await preview.text())).toContain('Meeting in Berlin');
		const created = await upload('import', file, officer);
		expect(created.status).toBe(303);
		expect(await eventsImportedAs(databaseUrl, 'http-upload-1')).toHaveLength(1);
	});

	test('bad input: the reason beside the field, 400, nothing written', async () => {
		const before = await countRows(databaseUrl, 'event');
		const cases: [string, string][] = [
			['Please come on Tuesday.', 'This is not an iCalendar file (no BEGIN:VCALENDAR).'],
			['BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n', 'The calendar holds no event (no VEVENT).'],
			[
				outlookInvitation({ uid: 'z' }, 'Mordor Standard Time'),
				'The time zone "Mordor Standard Time" is neither an IANA zone nor a Windows one.'
			],
			['', 'Choose an .ics file or paste the invitation.']
		];
		for (const [source, message] of cases) {
			for (const action of ['preview', 'import']) {
				const response = await postForm(server, `/inbox/import?/${action}`, { source }, { cookie: officer });
				expect({ action, message, status: response.status }).toEqual({ action, message, status: 400 });
				const html = flat(await response.text());
				// Beside the field: the textarea says it is invalid and points at the message.
				expect(html).toMatch(
					/<textarea[^>]*name="source"[^>]*aria-invalid="true"|<textarea[^>]*aria-invalid="true"[^>]*name="source"/
				);
				expect(html).toContain(`<p class="error" id="field-source-error">${message}</p>`);
			}
		}
		const huge = await upload('preview', new Blob(['BEGIN:VCALENDAR\r\n', 'X'.repeat(300 * 1024)]), officer);
		expect(huge.status).toBe(400);
		expect(flat(await huge.text())).toContain('The file is larger than 256 kB');
		expect(await countRows(databaseUrl, 'event')).toBe(before);
	});

	test('a viewer cannot import, even by posting the form', async () => {
		const before = await countRows(databaseUrl, 'event');
		const response = await postForm(
			server,
			'/inbox/import?/import',
			{ source: outlookInvitation({ uid: 'viewer-1' }) },
			{ cookie: viewer }
		);
		expect(response.status).toBe(403);
		expect(await countRows(databaseUrl, 'event')).toBe(before);
	});
});

describeWithDovecot('an invitation in the office’s mailbox', () => {
	let dir: string;
	let databaseUrl: string;
	let dovecot: TestDovecot;
	let server: RunningServer;
	let officer: string;

	const page = async (path: string) =>
		flat(await (await fetch(`${server.url}${path}`, { headers: { cookie: officer } })).text());

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'protokol-import-imap-'));
		databaseUrl = join(dir, 'protokol.db');
		dovecot = await startDovecot();
		server = await startServer({
			databaseUrl,
			env: { DEMO_DATA: 'off', IMAP_URL: dovecot.url, IMAP_POLL_INTERVAL_MS: '300', ORGANIZER_EMAIL: OFFICE }
		});
		officer = await signInOverHttp(server, await addUser(databaseUrl, 'officer'));
	}, 60_000);
	afterAll(async () => {
		await server?.stop();
		await dovecot?.stop();
		if (dir) rmSync(dir, { recursive: true, force: true });
	});

	test('a REQUEST to the office waits in the inbox, is imported once from there, and is marked in the mailbox', async () => {
		const uid = 'mailbox-request-1@bamf.example';
		await dovecot.deliver(
			invitationEmail({
				ics: outlookInvitation({ uid, summary: 'Readmission talks' }),
				from: 'anna.keller@bamf.example',
				to: OFFICE,
				subject: 'Invitation: Readmission talks'
			})
		);
		// A partner's invitation to someone else is none of the inbox's business: left alone, unread.
		await dovecot.deliver(
			invitationEmail({
				ics: outlookInvitation({
					uid: 'not-ours',
					attendees: [{ name: 'Someone', email: 'someone@elsewhere.example' }]
				}),
				from: 'anna.keller@bamf.example',
				to: OFFICE,
				subject: 'Invitation: not for the office'
			})
		);
		const deadline = Date.now() + 15_000;
		let inbox = '';
		while (!(inbox = await page('/inbox?show=invitation')).includes('Invitation: Readmission talks')) {
			if (Date.now() > deadline) throw new Error('the invitation never showed in the inbox');
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
		expect(inbox).toContain('Invitation waiting');
		expect(inbox).not.toContain('not for the office');
		const link = /href="(\/inbox\/invitations\/\d+)">Preview and import</.exec(inbox)?.[1];
		expect(link).toBeDefined();

		const preview = await page(link!);
		expect(preview).toContain('Readmission talks');
		expect(preview).toContain('Tuesday 12 October 2027, 10:00–11:30');
		expect(preview).toContain('Create the draft event');

		const created = await postForm(server, `${link}?/import`, {}, { cookie: officer });
		expect(created.status).toBe(303);
		const [event] = await eventsImportedAs(databaseUrl, uid);
		expect(created.headers.get('location')).toBe(`/events/${event!.id}?imported=create`);
		expect(String(event!.start_at)).toMatch(/^2027-10-12T06:00:00/);

		// Handled exactly once: a second click changes nothing.
		const again = await postForm(server, `${link}?/import`, {}, { cookie: officer });
		expect(again.status).toBe(400);
		expect(flat(await again.text())).toContain('This invitation has been handled already.');
		expect(await eventsImportedAs(databaseUrl, uid)).toHaveLength(1);
		expect(await page('/inbox?show=invitation')).not.toContain('Invitation: Readmission talks');

		const flags = [...(await dovecot.flagsOf()).values()];
		expect(flags.map((f) => f.has('$ProtokolProcessed')).sort()).toEqual([false, true]);
		const rows = await withDatabase(databaseUrl, (db) =>
			db.selectFrom('inbox_message').select(['outcome', 'decision', 'event_id']).execute()
		);
		expect(rows).toEqual([{ outcome: 'invitation', decision: 'accepted', event_id: event!.id }]);
	});
});
