/**
 * An officer in Chromium plans next year's International Migrants Day from last year's: Duplicate, then
 * a new time on the edit page (the agenda follows), then the events list. Two tabs saving the same event:
 * the later one is told, and shown the other's values. axe-core on the form pages.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { seriousA11yViolations } from '../helpers/a11y';
import { addUser, TEST_PASSWORD } from '../helpers/accounts';
import { launchBrowser, signedInContext } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let imd2022Path = '';

beforeAll(async () => {
	const databaseUrl = join(mkdtempSync(join(tmpdir(), 'protokol-planning-browser-')), 'protokol.db');
	[server, browser] = await Promise.all([startServer({ databaseUrl }), launchBrowser()]);
	context = await signedInContext(browser, server.url, await addUser(databaseUrl, 'officer'), TEST_PASSWORD);
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

const agendaTimes = (page: Page) => page.locator('ol.agenda > li .agenda-time').allTextContents();

test("an officer creates next year's International Migrants Day from last year's and moves it", async () => {
	const page = await context.newPage();
	await page.goto(`${server.url}/events?when=past`);
	await page.getByRole('link', { name: 'International Migrants Day 2021' }).click();
	await page.getByRole('link', { name: 'Duplicate' }).click();
	await page.waitForURL(/\/duplicate$/);

	expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe(
		'International Migrants Day 2022'
	);
	expect(await page.getByLabel('Start', { exact: true }).inputValue()).toBe('2022-12-17T10:00');
	expect(await page.getByLabel('Kind').inputValue()).toBe('observance');
	await page.getByRole('button', { name: 'Create the new edition' }).click();
	await page.waitForURL((url) => /^\/events\/\d+$/.test(url.pathname));
	imd2022Path = new URL(page.url()).pathname;

	expect(await page.locator('h1').textContent()).toBe('International Migrants Day 2022');
	expect(await page.locator('dl.facts').textContent()).toContain('Saturday 17 December 2022, 10:00–12:30');
	expect((await agendaTimes(page))[0]).toBe('10:00–10:15');
	expect(await page.locator('ol.agenda > li h3').allTextContents()).toHaveLength(7);

	// 18 December 2022 is a Sunday: the office holds it on the Friday before, from 11:00.
	await page.getByRole('link', { name: 'Edit event' }).click();
	await page.waitForURL(/\/edit$/);
	await page.getByLabel('Start', { exact: true }).fill('2022-12-16T11:00');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await page.waitForURL((url) => url.pathname === imd2022Path);
	expect(await page.locator('dl.facts').textContent()).toContain('Friday 16 December 2022, 11:00–13:30');
	const times = await agendaTimes(page);
	expect(times[0]).toBe('11:00–11:15');
	expect(times.at(-1)).toBe('12:25–13:30');

	await page.goto(`${server.url}/events?when=past`);
	const row = page.locator('tr', {
		has: page.getByRole('link', { name: 'International Migrants Day 2022' })
	});
	expect(await row.count()).toBe(1);
	expect(await row.textContent()).toContain('16 Dec 2022');
	await page.close();
});

test('a second tab saving a stale version is told so, and shown the other values', async () => {
	expect(imd2022Path).not.toBe('');
	const first = await context.newPage();
	const second = await context.newPage();
	await first.goto(`${server.url}${imd2022Path}/edit`);
	await second.goto(`${server.url}${imd2022Path}/edit`);

	await first.getByLabel('Theme or slogan').fill('Migrants: agents of development');
	await first.getByRole('button', { name: 'Save changes' }).click();
	await first.waitForURL((url) => url.pathname === imd2022Path);

	await second.getByLabel('Title', { exact: true }).fill('International Migrants Day 2022 (Baku)');
	await second.getByRole('button', { name: 'Save changes' }).click();
	const alert = second.getByRole('alert').filter({ hasText: 'someone else changed this event' });
	await alert.waitFor();
	expect(await alert.textContent()).toContain('Migrants: agents of development');
	expect(await alert.textContent()).toContain('International Migrants Day 2022 (Baku)');
	// The form now holds the saved values, so a second click cannot overwrite them unseen.
	expect(await second.getByLabel('Title', { exact: true }).inputValue()).toBe(
		'International Migrants Day 2022'
	);
	expect(await second.getByLabel('Theme or slogan').inputValue()).toBe('Migrants: agents of development');

	await first.goto(`${server.url}${imd2022Path}`);
	expect(await first.locator('h1').textContent()).toBe('International Migrants Day 2022');
	await first.close();
	await second.close();
});

test('an officer finds "New event" on the events list and is warned beside the fields', async () => {
	const page = await context.newPage();
	await page.goto(`${server.url}/events`);
	await page.getByRole('link', { name: 'New event' }).click();
	await page.waitForURL(/\/events\/new$/);
	await page.getByLabel('Title', { exact: true }).fill('Consultations');
	await page.getByLabel('Start', { exact: true }).fill('2027-03-02T10:00');
	await page.getByLabel('End', { exact: true }).fill('2027-03-02T09:00');
	await page.getByRole('button', { name: 'Create event' }).click();
	const error = page.locator('#field-venueId-error');
	await error.waitFor();
	expect(await error.textContent()).toBe('Give a venue or an online link (or both).');
	expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('Consultations');
	await page.close();
});

test.each(['/events/new', '/events/1/edit', '/events/1/duplicate', '/events/1/delete'])(
	'%s has no serious accessibility violations',
	async (path) => {
		const page = await context.newPage();
		try {
			await page.goto(`${server.url}${path}`);
			expect(await seriousA11yViolations(page)).toEqual([]);
		} finally {
			await page.close();
		}
	}
);
