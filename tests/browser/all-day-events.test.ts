/**
 * An officer plans a two-day council session as an all-day event in Chromium: ticks "All day", gives
 * the first and last day (the time fields step aside), and finds the session on both days of the month
 * view, marked "all day", and on its page as dates.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { seriousA11yViolations } from '../helpers/a11y';
import { addUser, TEST_PASSWORD } from '../helpers/accounts';
import { launchBrowser, signedInContext } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

let dir: string;
let server: RunningServer;
let browser: Browser;
let officer: BrowserContext;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-all-day-'));
	const databaseUrl = join(dir, 'protokol.db');
	[server, browser] = await Promise.all([startServer({ databaseUrl }), launchBrowser()]);
	officer = await signedInContext(browser, server.url, await addUser(databaseUrl, 'officer'), TEST_PASSWORD);
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

test('a two-day council session shows on both of its days in the month view', async () => {
	const page = await officer.newPage();
	try {
		await page.goto(`${server.url}/events/new`);
		await page.getByLabel('Kind').selectOption('council_session');
		await page.getByLabel('Title', { exact: true }).fill('Session of the Migration Council');
		expect(await page.getByLabel('First day', { exact: true }).isVisible()).toBe(false);
		await page.getByLabel(/^All day/).check();
		// The times step aside for the days.
		await expect.poll(() => page.getByLabel('Start', { exact: true }).isVisible()).toBe(false);
		await page.getByLabel('First day', { exact: true }).fill('2027-03-09');
		await page.getByLabel('Last day', { exact: true }).fill('2027-03-10');
		await page.getByLabel('Time zone', { exact: true }).selectOption('Asia/Baku');
		await page.getByLabel('Online link', { exact: true }).fill('https://meet.example.org/council');
		await page.getByRole('button', { name: 'Create event' }).click();
		await page.waitForURL(/\/events\/\d+$/);
		expect(await page.locator('dd', { hasText: 'all day' }).textContent()).toContain('9–10 March 2027');

		await page.goto(`${server.url}/calendar?year=2027&month=3&zone=America%2FLos_Angeles`);
		await expect.poll(() => page.locator('h1').textContent()).toBe('March 2027');
		const cellsWith = page.locator('td', {
			has: page.getByRole('link', { name: /Session of the Migration Council/ })
		});
		await expect.poll(() => cellsWith.count()).toBe(2);
		const days = await cellsWith
			.locator('time[datetime]')
			.evaluateAll((times) => times.map((t) => t.getAttribute('datetime')));
		expect(days).toEqual(['2027-03-09', '2027-03-10']);
		expect(
			await cellsWith
				.first()
				.getByRole('link', { name: /Session/ })
				.textContent()
		).toMatch(/all day\s+Session of the Migration Council/);
		expect(await seriousA11yViolations(page)).toEqual([]);
	} finally {
		await page.close();
	}
});
