/**
 * An officer in Chromium invites a delegation from a CSV file (a bad row shown in the preview, fixed,
 * confirmed), sees who has not answered, is warned that the Chief of the Service is booked elsewhere,
 * and prints the participant list and the badges to PDF.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { zonedToInstant } from '$lib/format/datetime';
import { openDatabase } from '$lib/server/db/connection';
import { addUser, TEST_PASSWORD } from '../helpers/accounts';
import { seriousA11yViolations } from '../helpers/a11y';
import { launchBrowser, signedInContext } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

let dir: string;
let server: RunningServer;
let browser: Browser;
let officer: BrowserContext;
let viewer: BrowserContext;
let eventId: number;

const CSV_WITH_A_BAD_ROW = [
	'honorific;given_name;family_name;organisation;position;email;role;delegation',
	'Mr;Ilham;Məmmədov;SMS;Head of the International Relations Department;ilham@migration.gov.az;Delegation member;Republic of Azerbaijan',
	'Ms;Aygün;Əliyeva;Ministry of Nowhere;Adviser;aygun@example.org;;Republic of Azerbaijan',
	'Mr;Владимир;Гёргиев;IOM;"Chief of Mission; IOM Azerbaijan";vg@iom.int;Head of delegation;International Organization for Migration'
].join('\r\n');

/** The PDF's text through poppler's pdftotext; null where it is not installed. */
function pdfText(pdf: Buffer): string | null {
	const file = join(dir, `print-${Date.now()}.pdf`);
	writeFileSync(file, pdf);
	try {
		return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
		throw error;
	}
}

/** What a printout says: the PDF's own text, or (without pdftotext) the text visible in print media. */
async function printedText(page: Page): Promise<{ text: string; pages: number }> {
	const pdf = await page.pdf({ format: 'A4' });
	const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
	const text = pdfText(pdf);
	// Lines wrap where the paper ends: compare the words, not the layout.
	const words = (s: string) => s.replace(/\s+/g, ' ');
	if (text !== null) return { text: words(text), pages };
	await page.emulateMedia({ media: 'print' });
	return { text: words(await page.locator('main').innerText()), pages };
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-participants-'));
	const databaseUrl = join(dir, 'protokol.db');
	[server, browser] = await Promise.all([startServer({ databaseUrl }), launchBrowser()]);
	// Consultations in Geneva at 08:00 on 21 December 2021: 11:00 in Baku, when the demo data has the
	// Chief of the Service meeting IOM's Regional Director there.
	const handle = openDatabase(databaseUrl);
	try {
		const now = new Date().toISOString();
		const startAt = zonedToInstant('2021-12-21T08:00', 'Europe/Zurich');
		const row = await handle.db
			.insertInto('event')
			.values({
				kind: 'multilateral_meeting',
				title: 'Consultations on the Global Compact in Geneva',
				start_at: startAt,
				end_at: new Date(Date.parse(startAt) + 2 * 3_600_000).toISOString(),
				time_zone: 'Europe/Zurich',
				status: 'planned',
				ical_uid: `${crypto.randomUUID()}@protokol.test`,
				created_at: now,
				updated_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		eventId = row.id;
	} finally {
		await handle.close();
	}
	officer = await signedInContext(browser, server.url, await addUser(databaseUrl, 'officer'), TEST_PASSWORD);
	viewer = await signedInContext(browser, server.url, await addUser(databaseUrl, 'viewer'), TEST_PASSWORD);
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

test('an officer invites a delegation from a CSV file, fixing a bad row the preview shows', async () => {
	const page = await officer.newPage();
	await page.goto(`${server.url}/events/${eventId}/participants`);
	expect(await page.locator('h1').textContent()).toBe('Participants');
	expect(await seriousA11yViolations(page)).toEqual([]);

	const csvFile = join(dir, 'delegation.csv');
	writeFileSync(csvFile, `\uFEFF${CSV_WITH_A_BAD_ROW}`, 'utf8');
	await page.getByLabel('CSV file', { exact: true }).setInputFiles(csvFile);
	await page.getByRole('button', { name: 'Preview' }).click();
	const preview = page.locator('section.preview');
	await preview.waitFor();
	expect(await preview.textContent()).toContain(
		'Unknown organisation “Ministry of Nowhere”: add it to the directory first, or correct the name.'
	);
	expect(await preview.locator('tbody tr').count()).toBe(3);
	expect(await page.getByRole('button', { name: /^Confirm/ }).count()).toBe(0);
	expect(await seriousA11yViolations(page)).toEqual([]);

	// The text of the file is in the text area now: fix the row there and preview again.
	const text = page.getByLabel('Or paste the CSV here');
	expect(await text.inputValue()).toContain('Ministry of Nowhere');
	await text.fill((await text.inputValue()).replace('Ministry of Nowhere', 'SMS'));
	await page.getByRole('button', { name: 'Preview' }).click();
	await page.getByRole('button', { name: 'Confirm and invite 3 people' }).click();
	await page.getByRole('status').filter({ hasText: 'Imported: 3 new people' }).waitFor();

	const rows = page.locator('table.participants tbody tr');
	expect(await rows.count()).toBe(3);
	const sides = page.locator('#delegations li.side');
	expect(await sides.allTextContents()).toEqual([
		expect.stringContaining('Republic of Azerbaijan'),
		expect.stringContaining('International Organization for Migration')
	]);
	expect(await sides.nth(1).textContent()).toContain('head: Mr Владимир Гёргиев');
});

test('the officer sees who has not answered, records an answer and marks attendance', async () => {
	const page = await officer.newPage();
	await page.goto(`${server.url}/events/${eventId}/participants`);
	const unanswered = page.locator('ul[aria-labelledby="unanswered-heading"] > li');
	expect(await unanswered.count()).toBe(3);

	await page.getByLabel('Answer of Ms Aygün Əliyeva', { exact: true }).selectOption('accepted');
	await page.getByRole('button', { name: 'Record the answer of Ms Aygün Əliyeva' }).click();
	await page.getByRole('status').filter({ hasText: 'Answer recorded.' }).waitFor();
	expect(await unanswered.allTextContents()).toEqual([
		expect.stringContaining('Гёргиев'),
		expect.stringContaining('Məmmədov')
	]);
	const accepted = page.locator('.rsvp-counts .status-accepted dd');
	expect(await accepted.textContent()).toBe('1');

	await page.getByRole('button', { name: 'Attended — Ms Aygün Əliyeva' }).click();
	await page.getByRole('status').filter({ hasText: 'Attendance recorded.' }).waitFor();
	expect(await page.locator('.rsvp-counts .status-attended dd').textContent()).toBe('1');
});

test('inviting the Chief of the Service warns that he is booked in Baku, and "Invite anyway" invites him', async () => {
	const page = await officer.newPage();
	await page.goto(`${server.url}/events/${eventId}/participants`);
	await page.getByLabel('Find a person by name').fill('Huseynov');
	await page.getByRole('button', { name: 'Find' }).click();
	const invite = page.locator('#invite');
	await invite.getByLabel('Person', { exact: true }).selectOption({ label: 'Mr Vusal Huseynov, SMS' });
	await invite.getByLabel('Role', { exact: true }).selectOption('head_of_delegation');
	await invite.getByLabel('Side', { exact: true }).selectOption({ label: 'Republic of Azerbaijan' });
	await invite.getByRole('button', { name: 'Invite', exact: true }).click();
	const warning = page.locator('.clash');
	await warning.waitFor();
	const said = await warning.textContent();
	expect(said).toContain(
		'Meeting of the Chief of the State Migration Service with the Regional Director of IOM'
	);
	expect(said).toContain('Tuesday 21 December 2021, 11:00–12:00 (Asia/Baku, UTC+4)');
	expect(said).toContain('This event: Tuesday 21 December 2021, 08:00–10:00 (Europe/Zurich, UTC+1)');
	expect(await seriousA11yViolations(page)).toEqual([]);

	await page.getByRole('button', { name: 'Invite anyway' }).click();
	await page.getByRole('status').filter({ hasText: '1 invited.' }).waitFor();
	expect(await page.locator('table.participants tbody tr').count()).toBe(4);
	expect(await page.locator('#delegations li.side').first().textContent()).toContain(
		'head: Mr Vusal Huseynov'
	);
	// The override is in the event's history.
	await page.goto(`${server.url}/events/${eventId}/history`);
	expect(await page.locator('main').textContent()).toContain('participant.invite');
});

test('a viewer prints the participant list and the badges on A4', async () => {
	const page = await viewer.newPage();
	await page.goto(`${server.url}/events/${eventId}/participants/list`);
	const list = await printedText(page);
	expect(list.text).toContain('Consultations on the Global Compact in Geneva');
	const azerbaijan = list.text.indexOf('Republic of Azerbaijan');
	const iom = list.text.indexOf('International Organization for Migration');
	expect(azerbaijan).toBeGreaterThan(-1);
	expect(iom).toBeGreaterThan(azerbaijan);
	// The Chief heads his side and is listed first on it, with the title he holds.
	const chief = list.text.indexOf('Mr Vusal Huseynov');
	expect(chief).toBeGreaterThan(azerbaijan);
	expect(chief).toBeLessThan(list.text.indexOf('Mr Ilham Məmmədov'));
	expect(list.text).toContain('Chief of the State Migration Service');
	expect(list.text).toContain('Head of the International Relations Department');
	expect(list.text).not.toContain('Back to the event');

	await page.goto(`${server.url}/events/${eventId}/participants/badges`);
	const badges = await printedText(page);
	for (const name of ['Vusal', 'Ilham', 'Aygün', 'Владимир']) expect(badges.text).toContain(name);
	expect(badges.text).toContain('Chief of Mission; IOM Azerbaijan');
	expect(badges.pages).toBe(1);
	expect(await seriousA11yViolations(page)).toEqual([]);
});
