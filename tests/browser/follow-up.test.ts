/**
 * The follow-up issue's "done when", walked in Chromium on the demo data as a new officer would, with a
 * real SMTP server of the test's own: the home page shows an overdue action point of theirs (the IMRF
 * debrief's adjustment of the UNNM work plan); they open it, carry it to a new meeting with IOM, open that
 * meeting's brief and find it there on one printed A4 page beside the prior meetings and the agreements in
 * force; they record what the meeting said of it, mark it done with a note, see the board's count drop;
 * and the day's digest of what they follow up reaches the SMTP server.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addDays } from '$lib/server/actions/action-board.input';
import { officeToday } from '$lib/server/calendar/calendar.settings';
import { addUser, TEST_PASSWORD } from '../helpers/accounts';
import { launchBrowser, signedInContext } from '../helpers/browser';
import { withDatabase } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp';

const WORK_PLAN = 'Adjust the draft work plan of UNNM Azerbaijan';
const MEETING = 'Meeting of the Chief of the Service with the IOM Chief of Mission';

let dir: string;
let smtp: TestSmtpServer;
let server: RunningServer;
let browser: Browser;
let officer: BrowserContext;
let email: string;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-follow-up-'));
	const databaseUrl = join(dir, 'protokol.db');
	smtp = await startSmtpServer();
	[server, browser] = await Promise.all([
		startServer({
			databaseUrl,
			// Mail is what this test is about: a server that sends, and looks for due digests every second
			// from midnight on, so that the day's digest goes out while the test runs.
			env: {
				SMTP_URL: smtp.url,
				OUTBOX_INTERVAL_MS: '200',
				ORGANIZER_EMAIL: 'protocol@migration.example',
				REMINDER_HOUR: '0',
				REMINDER_INTERVAL_MS: '1000'
			}
		}),
		launchBrowser()
	]);
	email = await addUser(databaseUrl, 'officer');
	// The new officer follows up the debrief's action point, due five days ago.
	await withDatabase(databaseUrl, async (db) => {
		const { id } = await db
			.selectFrom('user_account')
			.select('id')
			.where('email', '=', email)
			.executeTakeFirstOrThrow();
		await db
			.updateTable('outcome')
			.set({ responsible_user_id: id, due_on: addDays(officeToday(), -5) })
			.where('title', 'like', `${WORK_PLAN}%`)
			.execute();
	});
	officer = await signedInContext(browser, server.url, email, TEST_PASSWORD);
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
	await smtp?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The page printed as Chromium prints it on A4, and how many pages that came to (pdfinfo). */
function printedPages(pdf: Buffer): number {
	const file = join(dir, 'brief.pdf');
	writeFileSync(file, pdf);
	return Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
}

async function boardCount(page: Page): Promise<number> {
	await page.goto(`${server.url}/actions`);
	return Number(/(\d+) action points?/.exec((await page.locator('p.count').textContent()) ?? '')?.[1]);
}

test('from the home page to a done action point, through a new meeting and its brief, and the digest', async () => {
	const page = await officer.newPage();
	try {
		const openBefore = await boardCount(page);

		// 1. The home page shows the overdue action point; it opens from there.
		await page.goto(`${server.url}/`);
		const mine = page.locator('section', { has: page.getByRole('heading', { name: 'My action points' }) });
		await expect.poll(() => mine.textContent()).toContain('Overdue by 5 days');
		await mine.getByRole('link', { name: new RegExp(WORK_PLAN) }).click();
		await page.waitForURL(/\/outcomes\/\d+$/);
		const actionPointPath = new URL(page.url()).pathname;

		// 2. A new meeting with IOM, a year ahead, hosted by the Service with IOM as co-host.
		const year = Number(officeToday().slice(0, 4)) + 1;
		await page.goto(`${server.url}/events/new`);
		await page.getByLabel('Title', { exact: true }).fill(MEETING);
		await page.getByLabel('Kind', { exact: true }).selectOption('bilateral_meeting');
		await page.getByLabel('Start', { exact: true }).fill(`${year}-03-10T11:00`);
		await page.getByLabel('End', { exact: true }).fill(`${year}-03-10T12:00`);
		await page.getByLabel('Online link').fill('https://meet.example.org/iom');
		await page.getByLabel('Time zone', { exact: true }).selectOption('Asia/Baku');
		// Hosts are chosen by name: an acronym names one organisation exactly.
		await page.locator('#field-host').fill('SMS');
		await page.locator('#field-coHost').fill('IOM');
		await page.getByRole('button', { name: 'Create event' }).click();
		await page.waitForURL(/\/events\/\d+$/);
		const meetingPath = new URL(page.url()).pathname;

		// 3. Carried to it from the action point's page, the meeting found as one types.
		await page.goto(`${server.url}${actionPointPath}`);
		await page
			.getByLabel('A later meeting, existing or planned, by words of its title')
			.pressSequentially('Chief of Mission', { delay: 30 });
		await page.waitForURL(/find=Chief/);
		await page.getByRole('button', { name: new RegExp(`Carry it here ${MEETING}`) }).click();
		await page.waitForURL(/#thread$/);
		expect(await page.locator('#thread').innerText()).toContain(MEETING);

		// 4. On that meeting's brief, with the prior meetings and the agreement in force, on one A4 page.
		await page.goto(`${server.url}${meetingPath}`);
		await page.getByRole('link', { name: 'One-page brief' }).click();
		await page.waitForURL(/\/brief$/);
		const brief = page.locator('article.brief');
		expect(await brief.locator('section[aria-labelledby="follow-ups-heading"]').innerText()).toContain(
			WORK_PLAN
		);
		const text = await brief.innerText();
		expect(text).toContain('Post-International Migration Review Forum Debrief for Azerbaijan');
		expect(text).toContain('In force since 2 March 2017');
		expect(printedPages(await page.pdf({ format: 'A4' }))).toBe(1);

		// 5. What the meeting said of it, then done, with a note.
		await page.goto(`${server.url}${actionPointPath}`);
		const thread = page.locator('#thread');
		await thread.getByText('Record what was said there').click();
		await thread.getByLabel(`What was said at ${MEETING}`).fill('IOM agreed the adjusted work plan.');
		await thread.getByRole('button', { name: 'Save what was said' }).click();
		await expect
			.poll(() => page.locator('#thread').innerText())
			.toContain('IOM agreed the adjusted work plan.');
		await page.getByLabel('Follow-up status').selectOption('done');
		await page.getByLabel('Note').fill('Adjusted work plan sent to the UN Network on Migration.');
		await page.getByRole('button', { name: 'Save status' }).click();
		await expect
			.poll(() => page.locator('section[aria-labelledby="status-history-heading"]').textContent())
			.toContain('Adjusted work plan sent to the UN Network on Migration.');

		// 6. The board counts one open action point fewer.
		expect(await boardCount(page)).toBe(openBefore - 1);

		// 7. The day's digest of what the officer follows up, at the SMTP server: once, with the action point.
		await expect
			.poll(() => smtp.received.filter((mail) => mail.to === email).length, { timeout: 20_000 })
			.toBe(1);
		const digest = smtp.received.find((mail) => mail.to === email)!;
		expect(digest.parsed.text).toContain(WORK_PLAN);
		expect(digest.parsed.text).toContain(actionPointPath);
	} finally {
		await page.close();
	}
});
