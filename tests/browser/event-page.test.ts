/** A person in Chromium opens the demo International Migrants Day event from the events list. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addUser, TEST_PASSWORD } from '../helpers/accounts';
import { launchBrowser, signedInContext } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
	const databaseUrl = join(mkdtempSync(join(tmpdir(), 'protokol-browser-')), 'protokol.db');
	[server, browser] = await Promise.all([startServer({ databaseUrl }), launchBrowser()]);
	context = await signedInContext(browser, server.url, await addUser(databaseUrl, 'viewer'), TEST_PASSWORD);
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

test('the International Migrants Day event shows its agenda in order', async () => {
	const page = await context.newPage();
	await page.goto(`${server.url}/events`);
	await page.getByRole('link', { name: 'Past', exact: true }).click();
	await page.getByRole('link', { name: 'International Migrants Day 2021' }).click();
	await expect.poll(() => page.title()).toContain('International Migrants Day 2021');

	const agenda = page.locator('ol.agenda > li h3');
	const titles = await agenda.allTextContents();
	expect(titles.length).toBeGreaterThanOrEqual(7);
	expect(titles.at(-1)).toBe('Migration Profile of the Republic of Azerbaijan');
	expect(await page.locator('header .theme').textContent()).toContain(
		'Harnessing the potential of human mobility'
	);
	const video = page.locator('ol.agenda > li', { hasText: 'Video message' });
	expect(await video.textContent()).toContain('Vitorino');
});

test('the events list is usable with the keyboard alone', async () => {
	const page = await context.newPage();
	await page.goto(`${server.url}/events?when=past`);
	await page.keyboard.press('Tab');
	expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
	await page.keyboard.press('Enter');
	// Tab through to the first event link and open it.
	for (let i = 0; i < 40; i++) {
		await page.keyboard.press('Tab');
		const href = await page.evaluate(() => document.activeElement?.getAttribute('href') ?? '');
		if (/^\/events\/\d+$/.test(href)) break;
	}
	await page.keyboard.press('Enter');
	await page.waitForURL(/\/events\/\d+$/);
	expect(await page.locator('h1').textContent()).toBeTruthy();
});
