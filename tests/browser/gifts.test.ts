/**
 * An officer in Chromium registers a gift received at William Lacy Swing's official visit: opens Gifts
 * from the main navigation, chooses the giver and the recipients by typing their names, is told beside
 * the field what is wrong, saves, adds a photograph, and finds the gift in the State Migration Service's
 * yearly report; axe-core on the form, the gift's page and the report.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { seriousA11yViolations } from '../helpers/a11y';
import { addUser, TEST_PASSWORD } from '../helpers/accounts';
import { launchBrowser, signedInContext } from '../helpers/browser';
import { pngFile } from '../helpers/documents';
import { startServer, type RunningServer } from '../helpers/server';

let dir: string;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-gifts-browser-'));
	const databaseUrl = join(dir, 'protokol.db');
	[server, browser] = await Promise.all([
		startServer({ databaseUrl, env: { FILES_DIR: join(dir, 'files') } }),
		launchBrowser()
	]);
	const email = await addUser(databaseUrl, 'officer');
	context = await signedInContext(browser, server.url, email, TEST_PASSWORD);
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Types into a chooser and picks the first record offered whose name matches. */
async function choose(page: Page, field: string, typed: string, option: RegExp) {
	const input = page.locator(`#field-${field}[role="combobox"]`);
	await input.focus();
	await page.keyboard.type(typed, { delay: 30 });
	await page.locator(`#field-${field}-listbox`).getByRole('option', { name: option }).first().click();
}

test('an officer registers a gift received, with its photograph, and finds it in the yearly report', async () => {
	const page = await context.newPage();
	await page.goto(`${server.url}/`);
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Gifts' }).click();
	await page.waitForURL(/\/gifts$/);
	expect(await page.locator('main').textContent()).toContain('No gifts registered yet');
	await page.getByRole('link', { name: 'Register a gift' }).click();
	await page.waitForURL(/\/gifts\/new$/);

	await page.getByLabel('Date', { exact: true }).fill('2017-01-16');
	await choose(page, 'giverPersonId', 'Swing', /William Lacy Swing/);
	await choose(
		page,
		'giverOrganizationId',
		'International Organization',
		/International Organization for Migration/
	);
	await choose(page, 'recipientOrganizationId', 'State Migration', /State Migration Service/);
	await page.getByLabel('Description').fill('A framed photograph of the IOM headquarters in Geneva');
	await page.getByLabel('Estimated value').fill('120.5');
	await page.getByLabel('Currency').fill('JPY');
	expect(await seriousA11yViolations(page)).toEqual([]);
	await page.getByRole('button', { name: 'Register the gift' }).click();
	// Yen have no smaller unit: said beside the value, and what was typed stays.
	await expect
		.poll(() => page.locator('#field-value-error').textContent())
		.toContain('JPY has no smaller unit');
	expect(await page.getByLabel('Description').inputValue()).toBe(
		'A framed photograph of the IOM headquarters in Geneva'
	);
	await page.getByLabel('Currency').fill('CHF');
	await page.getByRole('button', { name: 'Register the gift' }).click();
	await page.waitForURL(/\/gifts\/\d+$/);
	const main = page.locator('main');
	expect(await main.textContent()).toContain('CHF\u00a0120.50');
	expect(await main.textContent()).toContain('William Lacy Swing');

	const photo = join(dir, 'Geneva headquarters.png');
	writeFileSync(photo, pngFile());
	await page.getByLabel('Add a photograph').setInputFiles(photo);
	await page.getByRole('button', { name: 'Keep the photograph' }).click();
	await page.getByRole('img', { name: /Photograph of A framed photograph/ }).waitFor();
	expect(
		await page
			.getByRole('img')
			.first()
			.evaluate((img: HTMLImageElement) => img.naturalWidth)
	).toBe(2);
	expect(await seriousA11yViolations(page)).toEqual([]);

	await page.goto(`${server.url}/gifts`);
	await page.getByRole('link', { name: 'Yearly report for declarations' }).click();
	await page.waitForURL(/\/gifts\/report$/);
	await page.getByRole('spinbutton', { name: 'Year' }).fill('2017');
	await choose(page, 'organization', 'State Migration', /State Migration Service/);
	await page.getByRole('button', { name: 'Show' }).click();
	await page.waitForURL(/year=2017/);
	await page.getByRole('heading', { name: /Gifts of State Migration Service .* in 2017/ }).waitFor();
	const received = page.getByRole('region', { name: 'Received' });
	expect(await received.textContent()).toContain('A framed photograph of the IOM headquarters in Geneva');
	expect(await received.textContent()).toContain('CHF\u00a0120.50');
	expect(await seriousA11yViolations(page)).toEqual([]);
	await page.close();
});
