/**
 * Issue 19's "draft the thank-you letter to the head of the visiting delegation", in Chromium on the demo
 * data: from the page of the President's meeting with William Lacy Swing an officer opens "Draft
 * thank-you letters", reads Swing's letter, drafts it, opens the draft, changes a sentence in the edit
 * form, looks at the printable letter, and registers it with its reference number; axe-core on the
 * letters page, the edit form and the registered letter.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { seriousA11yViolations } from '../helpers/a11y';
import { addUser, TEST_PASSWORD } from '../helpers/accounts';
import { launchBrowser, signedInContext } from '../helpers/browser';
import { demoEventId } from '../helpers/demo-records';
import { withDatabase } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';

const MEETING =
	'Meeting of the President of the Republic of Azerbaijan, Mr Ilham Aliyev, with the Director General of IOM, Mr William Lacy Swing';

let dir: string;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let meetingId: number;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-thanks-browser-'));
	const databaseUrl = join(dir, 'protokol.db');
	[server, browser] = await Promise.all([startServer({ databaseUrl }), launchBrowser()]);
	const email = await addUser(databaseUrl, 'officer');
	context = await signedInContext(browser, server.url, email, TEST_PASSWORD);
	meetingId = await withDatabase(databaseUrl, (db) => demoEventId(db, MEETING));
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

test('an officer drafts the thank-you letter to William Lacy Swing, edits it and registers it', async () => {
	const page = await context.newPage();
	await page.goto(`${server.url}/events/${meetingId}`);
	await page.getByRole('link', { name: 'Draft thank-you letters' }).click();
	await page.waitForURL(/\/thank-you$/);
	const main = page.locator('main');
	const checkbox = page.getByRole('checkbox', { name: /Mr William Lacy Swing/ });
	expect(await checkbox.isChecked()).toBe(true);
	const preview = await main.textContent();
	expect(preview).toContain('Dear Director General,');
	expect(preview).toContain('for our meeting on 16 January 2017.');
	expect(preview).toContain('Signed by Mr Ilham Aliyev, the host.');
	expect(await seriousA11yViolations(page)).toEqual([]);

	await page.getByRole('button', { name: 'Draft the chosen letters' }).click();
	await page.getByText('One draft made.').waitFor();
	expect(await page.getByRole('checkbox').count()).toBe(0);
	await page.getByRole('link', { name: 'Open the draft to Mr William Lacy Swing' }).click();
	await page.waitForURL(/\/correspondence\/\d+$/);
	const letterUrl = page.url();
	expect(await main.textContent()).toContain('Draft, not registered');

	await page.getByRole('link', { name: 'Edit draft' }).click();
	await page.waitForURL(/\/edit$/);
	const text = page.getByLabel('Text of the letter');
	const drafted = await text.inputValue();
	expect(drafted).toContain('I look forward to the further development of our fruitful cooperation.');
	await text.fill(
		drafted.replace(
			'I look forward to the further development of our fruitful cooperation.',
			'I look forward to welcoming you again in Baku.'
		)
	);
	expect(await seriousA11yViolations(page)).toEqual([]);
	await page.getByRole('button', { name: 'Save changes' }).click();
	await page.waitForURL(letterUrl);
	expect(await main.textContent()).toContain('I look forward to welcoming you again in Baku.');

	await page.getByRole('link', { name: 'Printable letter' }).click();
	await page.waitForURL(/\/letter$/);
	expect(await page.getByRole('article', { name: 'Letter' }).textContent()).toContain(
		'I look forward to welcoming you again in Baku.'
	);
	await page.getByRole('link', { name: 'Back to the document' }).click();
	await page.waitForURL(letterUrl);

	await page.getByLabel('Reference number').fill('09/1602');
	await page.getByRole('button', { name: 'Register the letter' }).click();
	await page.getByText('Registered with reference number 09/1602.').waitFor();
	expect(await page.getByRole('heading', { name: 'Register this letter' }).count()).toBe(0);
	expect(await main.textContent()).not.toContain('Draft, not registered');
	expect(await seriousA11yViolations(page)).toEqual([]);

	// Back on the event page, the letter is among its correspondence with its number.
	await page.goto(`${server.url}/events/${meetingId}`);
	const correspondence = page.locator('section[aria-labelledby="correspondence-heading"]');
	expect(await correspondence.textContent()).toContain('09/1602');
	await page.close();
});
