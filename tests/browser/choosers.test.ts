/**
 * Choosing a record by typing, in Chromium: an officer adds a host with the keyboard alone (type, arrow
 * down, Enter) and the event is saved with it; the same form without JavaScript takes the host by its
 * name typed whole; axe-core finds nothing serious with the suggestions open.
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
let scripted: BrowserContext;
let plain: BrowserContext;

beforeAll(async () => {
	const databaseUrl = join(mkdtempSync(join(tmpdir(), 'protokol-choosers-browser-')), 'protokol.db');
	[server, browser] = await Promise.all([startServer({ databaseUrl }), launchBrowser()]);
	const email = await addUser(databaseUrl, 'officer');
	scripted = await signedInContext(browser, server.url, email, TEST_PASSWORD);
	plain = await signedInContext(browser, server.url, email, TEST_PASSWORD, { javaScriptEnabled: false });
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

async function fillTheRest(page: Page, title: string) {
	await page.getByLabel('Title', { exact: true }).fill(title);
	await page.getByLabel('Start', { exact: true }).fill('2030-03-04T10:00');
	await page.getByLabel('End', { exact: true }).fill('2030-03-04T11:00');
	await page.getByLabel('Time zone', { exact: true }).selectOption('Asia/Baku');
	await page.getByLabel('Online link').fill('https://meet.example.org/consultations');
}

test('a host is chosen with the keyboard alone, and the event is saved with it', async () => {
	const page = await scripted.newPage();
	await page.goto(`${server.url}/events/new`);
	await fillTheRest(page, 'Consultations chosen with the keyboard');
	const hosts = page.locator('#field-host[role="combobox"]');
	await hosts.focus();
	await page.keyboard.type('migra', { delay: 30 });
	const listbox = page.locator('#field-host-listbox');
	await listbox.getByRole('option', { name: /International Organization for Migration/ }).waitFor();
	expect(await hosts.getAttribute('aria-expanded')).toBe('true');

	expect(await seriousA11yViolations(page)).toEqual([]);

	await page.keyboard.press('ArrowDown');
	const active = await hosts.getAttribute('aria-activedescendant');
	expect(active).toBe('field-host-option-0');
	const option = page.locator(`#${active}`);
	expect(await option.getAttribute('aria-selected')).toBe('true');
	const chosenLabel = (await option.textContent())!.split('·')[0]!.trim();
	await page.keyboard.press('Enter');
	expect(await hosts.getAttribute('aria-expanded')).toBe('false');
	expect(await hosts.inputValue()).toBe('');
	const chosen = page.getByRole('checkbox', { name: chosenLabel });
	expect(await chosen.isChecked()).toBe(true);

	// Escape closes the suggestions without choosing.
	await page.keyboard.type('state migr', { delay: 30 });
	await listbox.getByRole('option').first().waitFor();
	await page.keyboard.press('Escape');
	expect(await hosts.getAttribute('aria-expanded')).toBe('false');
	await hosts.fill('');

	await page.getByRole('button', { name: 'Create event' }).click();
	await page.waitForURL((url) => /^\/events\/\d+$/.test(url.pathname));
	expect(await page.locator('h1').textContent()).toBe('Consultations chosen with the keyboard');
	expect(await page.locator('main').textContent()).toContain(chosenLabel);
	await page.close();
});

test('without JavaScript the host is taken by its name typed whole', async () => {
	const page = await plain.newPage();
	await page.goto(`${server.url}/events/new`);
	const hosts = page.getByLabel('Hosts', { exact: true });
	expect(await hosts.getAttribute('role')).toBeNull();
	await fillTheRest(page, 'Consultations chosen without scripts');
	await hosts.fill('International Organization for Migration');
	await page.getByRole('button', { name: 'Create event' }).click();
	await page.waitForURL((url) => /^\/events\/\d+$/.test(url.pathname));
	expect(await page.locator('h1').textContent()).toBe('Consultations chosen without scripts');
	expect(await page.locator('main').textContent()).toContain('International Organization for Migration');
	await page.close();
});

test('without JavaScript a name naming several is answered with them to pick from', async () => {
	const page = await plain.newPage();
	await page.goto(`${server.url}/events/new`);
	await fillTheRest(page, 'Consultations with a pick');
	await page.getByLabel('Hosts', { exact: true }).fill('migration');
	await page.getByRole('button', { name: 'Create event' }).click();
	const error = page.locator('#field-host-error');
	await error.waitFor({ timeout: 10_000 }).catch(async (e: unknown) => {
		throw new Error(
			`no message beside the hosts: ${(await page.locator('main').innerText()).slice(0, 1500)}`,
			{
				cause: e
			}
		);
	});
	expect(await error.textContent()).toMatch(/No organisation is named exactly “migration”: choose one below/);
	await page
		.getByRole('radio', { name: /International Organization for Migration/ })
		.check({ timeout: 5000 });
	// axe runs in the page's own JavaScript, which this context has switched off: it checks the same
	// answer in a page that has it.
	const answer = await scripted.newPage();
	await answer.setContent(await page.content());
	expect(await seriousA11yViolations(answer)).toEqual([]);
	await answer.close();
	await page.getByRole('button', { name: 'Create event' }).click();
	await page
		.waitForURL((url) => /^\/events\/\d+$/.test(url.pathname), { timeout: 10_000 })
		.catch(async (e: unknown) => {
			throw new Error(`not saved: ${(await page.locator('main').innerText()).slice(0, 1500)}`, { cause: e });
		});
	expect(await page.locator('main').textContent()).toContain('International Organization for Migration');
	await page.close();
});
