/**
 * Keeping the directory clean, in Chromium, on the demo data: an officer finds "Вусал Гусейнов" by search;
 * adds "Vusal Huseynov" again and is shown the one already there first, then adds him anyway as someone
 * else; invites that duplicate to the IMRF; merges the duplicate into the real one, and sees all his events
 * on the real one's page with the post he held at each, while the duplicate's old address leads there.
 * axe-core on every step's page.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { seriousA11yViolations } from '../helpers/a11y';
import { addUser, TEST_PASSWORD } from '../helpers/accounts';
import { launchBrowser, signedInContext } from '../helpers/browser';
import { demoEventId, demoPersonId } from '../helpers/demo-records';
import { withDatabase } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;
let officer: BrowserContext;
let huseynovId: number;
let imrfId: number;

const CHIEF = 'Chief of the State Migration Service';

beforeAll(async () => {
	[server, browser] = await Promise.all([startServer(), launchBrowser()]);
	const { databaseUrl } = server;
	officer = await signedInContext(browser, server.url, await addUser(databaseUrl, 'officer'), TEST_PASSWORD);
	await withDatabase(databaseUrl, async (db) => {
		huseynovId = await demoPersonId(db, 'Huseynov');
		imrfId = await demoEventId(db, 'International Migration Review Forum 2022');
	});
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
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
		expect(events.map((e) => e.title).sort()).toEqual([
			'International Migrants Day 2021',
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
