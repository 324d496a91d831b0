/**
 * Importing a partner's invitation in Chromium, as an officer would: from the inbox to the import page,
 * an Outlook .ics file chosen, its preview (the hour in its zone, the people matched or new; axe-core
 * finds no serious violation), and one click to the draft event. Then, with JavaScript off, a pasted
 * recurring invitation previewed with its occurrences and created as a series.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { seriousA11yViolations } from '../helpers/a11y';
import { addUser, TEST_PASSWORD } from '../helpers/accounts';
import { launchBrowser, signedInContext } from '../helpers/browser';
import { insertPerson } from '../helpers/factories';
import { withDatabase } from '../helpers/http';
import { googleInvitation, outlookInvitation } from '../helpers/partner-invitations';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;
let officer: BrowserContext;
let withoutScripts: BrowserContext;
let databaseUrl: string;

beforeAll(async () => {
	databaseUrl = join(mkdtempSync(join(tmpdir(), 'protokol-import-browser-')), 'protokol.db');
	[server, browser] = await Promise.all([
		startServer({ databaseUrl, env: { DEMO_DATA: 'off', ORGANIZER_EMAIL: 'protocol@migration.example' } }),
		launchBrowser()
	]);
	const email = await addUser(databaseUrl, 'officer');
	officer = await signedInContext(browser, server.url, email, TEST_PASSWORD);
	withoutScripts = await signedInContext(browser, server.url, email, TEST_PASSWORD, {
		javaScriptEnabled: false
	});
	await withDatabase(databaseUrl, (db) =>
		insertPerson(db, { given_name: 'Anna', family_name: 'Keller', email: 'anna.keller@bamf.example' })
	);
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

test('an Outlook invitation file: preview, then one click makes the draft event at the right hour', async () => {
	const page = await officer.newPage();
	await page.goto(`${server.url}/inbox`);
	await page.getByRole('link', { name: 'Import an invitation' }).click();
	await page.waitForURL(`${server.url}/inbox/import`);
	await page.getByLabel('Invitation file (.ics, up to 256 kB)').setInputFiles({
		name: 'invite.ics',
		mimeType: 'text/calendar',
		buffer: Buffer.from(
			outlookInvitation({
				uid: 'browser-outlook-1',
				summary: 'Bilateral consultations',
				attendees: [
					{ name: 'Protocol Office', email: 'protocol@migration.example' },
					{ name: 'Jonas Weber', email: 'jonas.weber@bamf.example' }
				]
			})
		)
	});
	await page.getByRole('button', { name: 'Preview' }).click();
	const preview = page.getByRole('region', { name: 'Bilateral consultations' });
	await preview.waitFor();
	const text = await preview.innerText();
	expect(text).toContain('Tuesday 12 October 2027, 10:00–11:30');
	expect(text).toContain('(Asia/Baku, UTC+4)');
	expect(text).toContain('“Azerbaijan Standard Time”');
	expect(text).toMatch(
		/Anna Keller <anna\.keller@bamf\.example>\s*— in the directory as (Mr |Ms )?Anna Keller/
	);
	expect(await preview.getByRole('row', { name: /Jonas Weber/ }).innerText()).toContain('New: will be added');
	expect(await seriousA11yViolations(page)).toEqual([]);

	await page.getByRole('button', { name: 'Create the draft event' }).click();
	await page.waitForURL(/\/events\/\d+\?imported=create$/);
	expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('Bilateral consultations');
	expect(await page.getByText('Imported from the partner’s invitation as a draft').count()).toBe(1);
	const event = await withDatabase(databaseUrl, (db) =>
		db
			.selectFrom('event')
			.select(['id', 'start_at', 'status'])
			.where('import_uid', '=', 'browser-outlook-1')
			.executeTakeFirstOrThrow()
	);
	expect(page.url()).toBe(`${server.url}/events/${event.id}?imported=create`);
	expect([event.start_at, event.status]).toEqual(['2027-10-12T06:00:00.000Z', 'draft']);
	await page.close();
});

test('without JavaScript: a pasted recurring invitation shows its occurrences and becomes a series', async () => {
	const page = await withoutScripts.newPage();
	await page.goto(`${server.url}/inbox/import`);
	await page.getByLabel('Or paste the invitation here').fill(
		googleInvitation({
			uid: 'browser-weekly-1',
			summary: 'Weekly working group',
			start: '20271005T100000',
			end: '20271005T110000',
			rrule: 'FREQ=WEEKLY;COUNT=4',
			exdates: ['20271012T100000']
		})
	);
	await page.getByRole('button', { name: 'Preview' }).click();
	const preview = page.getByRole('region', { name: 'Weekly working group' });
	await preview.waitFor();
	expect(await preview.innerText()).toContain('Occurrences (3)');
	await page.getByRole('button', { name: 'Create the draft event' }).click();
	await page.waitForURL(/\/events\/\d+\?imported=create$/);
	const series = await withDatabase(databaseUrl, (db) =>
		db
			.selectFrom('event')
			.select(['start_at', 'series_id'])
			.where('import_uid', '=', 'browser-weekly-1')
			.orderBy('start_at')
			.execute()
	);
	expect(series.map((e) => e.start_at)).toEqual([
		'2027-10-05T08:00:00.000Z',
		'2027-10-19T08:00:00.000Z',
		'2027-10-26T08:00:00.000Z'
	]);
	expect(new Set(series.map((e) => e.series_id)).size).toBe(1);
	await page.close();
});
