/**
 * An officer in Chromium opens the agreements register from the main navigation, finds the SMS–IOM
 * voluntary-return agreement "in force since 2 March 2017", records a project under it and sees the
 * project on the agreement's page — all without JavaScript, as plain forms (axe-core needs JavaScript:
 * these pages are in accessibility.test.ts); then, with JavaScript, links a letter to the agreement
 * through the page's finder, axe-core on the finder's results.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { seriousA11yViolations } from '../helpers/a11y';
import { addUser, TEST_PASSWORD } from '../helpers/accounts';
import { launchBrowser, signedInContext } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;
let officerEmail: string;

beforeAll(async () => {
	const databaseUrl = join(mkdtempSync(join(tmpdir(), 'protokol-agreements-browser-')), 'protokol.db');
	[server, browser] = await Promise.all([startServer({ databaseUrl }), launchBrowser()]);
	officerEmail = await addUser(databaseUrl, 'officer');
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

const VOLUNTARY_RETURN = /Pilot Project on Assistance for the Voluntary Return/;

test('without JavaScript, an officer finds the agreement in force and records a project under it', async () => {
	const context: BrowserContext = await signedInContext(browser, server.url, officerEmail, TEST_PASSWORD, {
		javaScriptEnabled: false
	});
	try {
		const page = await context.newPage();
		await page.goto(`${server.url}/events`);
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Agreements' }).click();
		await page.waitForURL(/\/agreements$/);
		const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: VOLUNTARY_RETURN }) });
		expect(await row.textContent()).toContain('In force since 2 March 2017');

		await page.locator('select[name="state"]').selectOption('in_force');
		await page.getByRole('button', { name: 'Filter' }).click();
		await page.waitForURL(/state=in_force/);
		expect(await page.getByRole('link', { name: VOLUNTARY_RETURN }).count()).toBe(1);
		expect(await page.locator('tbody tr').count()).toBe(1);

		await page.getByRole('link', { name: VOLUNTARY_RETURN }).click();
		await page.waitForURL(/\/agreements\/\d+$/);
		const agreementUrl = page.url();
		expect(await page.locator('main').textContent()).toContain('In force since 2 March 2017');
		expect(await page.locator('main').textContent()).toContain('Decree of the President');

		await page.getByRole('link', { name: 'New project under this agreement' }).click();
		await page.waitForURL(/\/projects\/new\?agreement=\d+$/);
		await page.getByLabel('Title').fill('Pilot project on the voluntary return of migrants');
		await page.getByLabel('Programme or instrument').selectOption('joint_project');
		await page.locator('#field-partners').fill('International Organization for Migration');
		await page.getByLabel('Started').fill('December 2016');
		await page.getByRole('button', { name: 'Record the project' }).click();
		// A mistake is named beside its field, and what was typed stays.
		await expect
			.poll(() => page.locator('#field-startOn-error').textContent())
			.toContain('a year (2014), a month (2014-03) or a day');
		expect(await page.getByLabel('Title').inputValue()).toBe(
			'Pilot project on the voluntary return of migrants'
		);
		await page.getByLabel('Started').fill('2016-12');
		await page.getByRole('button', { name: 'Record the project' }).click();
		await page.waitForURL(/\/projects\/\d+$/);
		const main = await page.locator('main').textContent();
		expect(main).toContain('Since December 2016');
		expect(main).toMatch(VOLUNTARY_RETURN);

		await page.goto(agreementUrl);
		const projects = page.getByRole('region', { name: 'Projects under it' });
		expect(
			await projects.getByRole('link', { name: 'Pilot project on the voluntary return of migrants' }).count()
		).toBe(1);
	} finally {
		await context.close();
	}
});

test('with JavaScript, an officer links a letter to the agreement through its finder, and unlinks it', async () => {
	const context = await signedInContext(browser, server.url, officerEmail, TEST_PASSWORD);
	try {
		const page = await context.newPage();
		await page.goto(`${server.url}/agreements`);
		await page.getByRole('link', { name: VOLUNTARY_RETURN }).click();
		await page.waitForURL(/\/agreements\/\d+$/);
		await page.getByLabel('Find notes and letters by subject or reference number').fill('09/1502');
		await page.getByRole('button', { name: 'Find', exact: true }).click();
		await page.waitForURL(/find=/);
		expect(await seriousA11yViolations(page)).toEqual([]);
		await page.getByRole('button', { name: /^Link Azerbaijan's intent/ }).click();
		const letters = page.getByRole('region', { name: 'Notes and letters about it' });
		await letters.getByRole('link', { name: /Champion countries/ }).waitFor();
		expect(await letters.textContent()).toContain('09/1502');
		await letters.getByRole('button', { name: /^Unlink/ }).click();
		await letters.getByText('No documents linked.').waitFor();
	} finally {
		await context.close();
	}
});
