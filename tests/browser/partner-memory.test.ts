/**
 * The partner-memory issue's "done when", walked in Chromium on the demo data as a new user would: open
 * IOM's dossier and see, in one timeline, the Regional Office's meeting, the Mission's debrief, the note
 * verbale and the voluntary-return agreement "in force since 2 March 2017"; attach a PDF to a letter and
 * download it back byte for byte, and be refused an HTML page renamed .pdf; find "Вусал Гусейнов" by
 * search; add "Vusal Huseynov" again and be shown the one already there first, add him anyway, invite that
 * duplicate to the IMRF, merge him into the real one, and see all his events on the real one's page with
 * the post he held at each, while the duplicate's old address leads there. axe-core on every step's page.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { seriousA11yViolations } from '../helpers/a11y';
import { addUser, TEST_PASSWORD } from '../helpers/accounts';
import { launchBrowser, signedInContext } from '../helpers/browser';
import { nextMigrantsDayDate } from '../../db/demo/next-migrants-day';
import { officeToday } from '$lib/server/calendar/calendar.settings';
import { demoEventId, demoOrganizationId, demoPersonId } from '../helpers/demo-records';
import { htmlPage, pdfFile } from '../helpers/documents';
import { withDatabase } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';

let dir: string;
let server: RunningServer;
let browser: Browser;
let officer: BrowserContext;
let withoutScripts: BrowserContext;
let huseynovId: number;
let imrfId: number;
let iomId: number;
let letterPath = '';

const CHIEF = 'Chief of the State Migration Service';

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-partner-memory-'));
	const databaseUrl = join(dir, 'protokol.db');
	[server, browser] = await Promise.all([startServer({ databaseUrl }), launchBrowser()]);
	const email = await addUser(databaseUrl, 'officer');
	officer = await signedInContext(browser, server.url, email, TEST_PASSWORD, {
		acceptDownloads: true
	});
	writeFileSync(join(dir, 'Letter 09-1502 signed.pdf'), pdfFile('Signed'));
	withoutScripts = await signedInContext(browser, server.url, email, TEST_PASSWORD, {
		javaScriptEnabled: false
	});
	writeFileSync(join(dir, 'invoice.pdf'), htmlPage());
	writeFileSync(join(dir, 'annex.pdf'), pdfFile('Annex'));
	await withDatabase(databaseUrl, async (db) => {
		huseynovId = await demoPersonId(db, 'Huseynov');
		iomId = await demoOrganizationId(db, 'IOM');
		imrfId = await demoEventId(db, 'International Migration Review Forum 2022');
	});
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

test("IOM's dossier holds, in one timeline, what its Regional Office and Mission did with us", async () => {
	const page = await officer.newPage();
	try {
		await page.goto(`${server.url}/organizations`);
		await page.getByRole('link', { name: 'International Organization for Migration (IOM)' }).click();
		await page.getByRole('heading', { name: 'Timeline' }).waitFor();
		const timeline = page.locator('ol.timeline > li');
		const lines = await timeline.evaluateAll((items) =>
			items.map((li) => ({
				title: li.querySelector('.what a')?.textContent ?? '',
				text: li.textContent?.replace(/\s+/g, ' ') ?? ''
			}))
		);
		// The line whose title names it (a letter's, whose reference does).
		const line = (name: string) =>
			lines.find((l) => l.title.includes(name) || l.text.includes(`Ref. ${name}`))?.text ?? '';
		expect(
			line('Meeting of the Chief of the State Migration Service with the Regional Director of IOM')
		).toContain('Took part, through IOM Regional Office');
		expect(line('Post-International Migration Review Forum Debrief for Azerbaijan')).toContain(
			'Host, through IOM Azerbaijan'
		);
		expect(line('0451/13/21/26')).toContain('Note verbale');
		expect(line('Voluntary Return of Migrants')).toContain('In force since 2 March 2017');
		// Newest first.
		const debrief = lines.findIndex((l) => l.title.includes('Post-International Migration Review Forum'));
		const signing = lines.findIndex((l) => l.title.includes('Voluntary Return of Migrants'));
		expect(debrief).toBeLessThan(signing);
		// The head: who heads it, and the agreement in force.
		expect(await page.getByRole('region', { name: 'Head and contacts' }).textContent()).toContain('Vitorino');
		expect(await page.getByRole('region', { name: 'Agreements in force' }).textContent()).toContain(
			'In force since 2 March 2017'
		);
		// Printed, it is the dossier alone: no filters, no feed, no buttons.
		await page.emulateMedia({ media: 'print' });
		expect(await page.locator('form.filters').isVisible()).toBe(false);
		expect(await page.getByRole('heading', { name: 'Subscribe in a calendar program' }).isVisible()).toBe(
			false
		);
		expect(await page.locator('ol.timeline').isVisible()).toBe(true);
		await page.emulateMedia({ media: 'screen' });
		// Only what IOM itself did: the Mission's debrief is left out.
		await page.getByLabel('Leave out the organisations below it').check();
		await page.getByRole('button', { name: 'Filter' }).click();
		await page.waitForURL(/own=1/);
		expect(await timeline.allTextContents()).not.toContainEqual(expect.stringContaining('Debrief'));
		expect(await seriousA11yViolations(page)).toEqual([]);
	} finally {
		await page.close();
	}
});

test('a PDF attached to a letter downloads back byte for byte; an HTML page renamed .pdf is refused', async () => {
	const page = await officer.newPage();
	try {
		// From IOM's dossier to the letter No 09/1502 the Service sent it.
		await page.goto(`${server.url}/organizations/${iomId}`);
		await page
			.locator('ol.timeline')
			.getByRole('link', { name: /Champion countries/ })
			.click();
		await page.waitForURL(/\/correspondence\/\d+$/);
		letterPath = new URL(page.url()).pathname;
		expect(await page.locator('main').textContent()).toContain('09/1502');
		await page.getByLabel('Attach a file').setInputFiles(join(dir, 'Letter 09-1502 signed.pdf'));
		await page.getByRole('button', { name: 'Attach', exact: true }).click();
		const sha256 = createHash('sha256').update(pdfFile('Signed')).digest('hex');
		await expect.poll(() => page.locator('#files').textContent()).toContain(sha256);
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: 'Letter 09-1502 signed.pdf' }).click()
		]);
		expect(readFileSync((await download.path())!).equals(pdfFile('Signed'))).toBe(true);

		await page.getByLabel('Attach a file').setInputFiles(join(dir, 'invoice.pdf'));
		await page.getByRole('button', { name: 'Attach', exact: true }).click();
		await expect
			.poll(() => page.locator('#field-file-error').textContent())
			.toContain('This file is not a PDF, DOCX, ODT, JPEG or PNG document, whatever its name says.');
		expect(await page.locator('#files li').count()).toBe(1);
		expect(await seriousA11yViolations(page)).toEqual([]);
	} finally {
		await page.close();
	}
});

test('without JavaScript the same form attaches a file and refuses a renamed HTML page', async () => {
	const page = await withoutScripts.newPage();
	try {
		await page.goto(`${server.url}${letterPath}`);
		await page.getByLabel('Attach a file').setInputFiles(join(dir, 'invoice.pdf'));
		await page.getByRole('button', { name: 'Attach', exact: true }).click();
		await page.waitForLoadState();
		expect(await page.locator('#field-file-error').textContent()).toContain('whatever its name says');

		await page.getByLabel('Attach a file').setInputFiles(join(dir, 'annex.pdf'));
		await page.getByRole('button', { name: 'Attach', exact: true }).click();
		await page.waitForURL((url) => url.pathname === letterPath);
		expect(await page.locator('#files').textContent()).toContain(
			createHash('sha256').update(pdfFile('Annex')).digest('hex')
		);
	} finally {
		await page.close();
	}
});

test('find Вусал Гусейнов, add him twice by mistake, and merge the duplicate into the real one', async () => {
	const page = await officer.newPage();
	try {
		// 1. The search finds him typed in Cyrillic.
		await page.goto(`${server.url}/search`);
		const box = page.getByRole('searchbox');
		await box.click();
		await box.pressSequentially('Вусал Гусейнов', { delay: 30 });
		const found = page.getByRole('link', { name: 'Mr Vusal Huseynov' });
		await expect.poll(() => found.count()).toBe(1);
		expect(await found.getAttribute('href')).toBe(`/people/${huseynovId}`);

		// 2. Adding "Vusal Huseynov" again shows the one in the directory first.
		await page.goto(`${server.url}/people/new`);
		await page.getByLabel('Honorific').fill('Mr');
		await page.getByLabel('Given name').fill('Vusal');
		await page.getByLabel('Family name').fill('Huseynov');
		await page.getByLabel('Position', { exact: true }).fill('Head of the delegation of Azerbaijan');
		await page.getByRole('button', { name: 'Add to the directory' }).click();
		const matches = page.getByRole('region', { name: 'Already in the directory?' });
		await matches.waitFor();
		expect(await matches.textContent()).toContain('Mr Vusal Huseynov');
		expect(await matches.textContent()).toContain(CHIEF);
		expect(await matches.getByRole('link', { name: 'Open this one' }).getAttribute('href')).toBe(
			`/people/${huseynovId}`
		);
		expect(await seriousA11yViolations(page)).toEqual([]);
		// What was typed is still in the form.
		expect(await page.getByLabel('Given name').inputValue()).toBe('Vusal');

		// 3. "It's someone else" adds him all the same.
		await matches.getByRole('button', { name: "It's someone else: add Vusal Huseynov" }).click();
		await page.waitForURL(
			(url) => /^\/people\/\d+$/.test(url.pathname) && url.pathname !== `/people/${huseynovId}`
		);
		const duplicatePath = new URL(page.url()).pathname;
		const duplicateId = Number(duplicatePath.split('/').pop());

		// 4. The duplicate is invited to the IMRF, with the title typed for him.
		await page.goto(`${server.url}/events/${imrfId}/participants?q=Huseynov`);
		await page.getByLabel('Person', { exact: true }).selectOption(String(duplicateId));
		await page.getByRole('button', { name: 'Invite', exact: true }).click();
		await page.waitForURL(/done=invited/);

		// 5. From the duplicate's page: merge, finding the real one typed in Cyrillic.
		await page.goto(`${server.url}${duplicatePath}`);
		await page.getByRole('link', { name: 'Merge with a duplicate…' }).click();
		await page.waitForURL(/\/merge$/);
		await page.getByLabel('Find the person by name').fill('Гусейнов');
		await page.getByRole('button', { name: 'Find' }).click();
		await page.waitForURL(/q=/);
		await page.getByRole('link', { name: 'Keep this one: Mr Vusal Huseynov' }).click();
		await page.waitForURL(new RegExp(`into=${huseynovId}`));
		const confirm = page.getByRole('region', { name: /^Merge Mr Vusal Huseynov into Mr Vusal Huseynov\?$/ });
		await confirm.waitFor();
		expect(await confirm.count()).toBe(1);
		expect(
			await page.getByRole('region', { name: 'This record (merged and removed)' }).textContent()
		).toContain('1 event taken part in');
		expect(await seriousA11yViolations(page)).toEqual([]);
		await confirm.getByRole('button', { name: 'Merge into Mr Vusal Huseynov' }).click();
		await page.waitForURL((url) => url.pathname === `/people/${huseynovId}`);
		expect(await page.getByRole('status').first().textContent()).toContain('Merged');

		// 6. All his events on the real one's page, each with the post he held there.
		const rows = page.locator('section[aria-labelledby="events-heading"] tbody tr');
		const events = await rows.evaluateAll((trs) =>
			trs.map((tr) => ({
				title: tr.querySelector('a')?.textContent?.trim(),
				post: tr.querySelector('td:nth-child(4)')?.textContent ?? ''
			}))
		);
		// The demo data invites him to the next International Migrants Day, whose year is the load's.
		const next = `International Migrants Day ${nextMigrantsDayDate(officeToday() as `${number}-${number}-${number}`).slice(0, 4)}`;
		expect(events.map((e) => e.title).sort()).toEqual([
			'International Migrants Day 2021',
			next,
			'International Migration Review Forum 2022',
			'Meeting of the Chief of the State Migration Service with the Regional Director of IOM',
			'Post-International Migration Review Forum Debrief for Azerbaijan'
		]);
		for (const event of events) expect(event.post, event.title).toContain(CHIEF);
		expect(await page.locator('main').textContent()).toContain('Also recorded as');
		expect(await seriousA11yViolations(page)).toEqual([]);

		// 7. The duplicate's old address leads to him.
		await page.goto(`${server.url}${duplicatePath}`);
		expect(new URL(page.url()).pathname).toBe(`/people/${huseynovId}`);
	} finally {
		await page.close();
	}
});
