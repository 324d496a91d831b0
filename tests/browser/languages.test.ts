/**
 * The planning journey in Azerbaijani, in Chromium without JavaScript: an officer switches the interface
 * to Azerbaijani with the switcher and plans an event through the form; axe-core finds nothing serious on
 * the Azerbaijani form.
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
let plain: BrowserContext;
let scripted: BrowserContext;

beforeAll(async () => {
	const databaseUrl = join(mkdtempSync(join(tmpdir(), 'protokol-languages-browser-')), 'protokol.db');
	[server, browser] = await Promise.all([startServer({ databaseUrl }), launchBrowser()]);
	const email = await addUser(databaseUrl, 'officer');
	// Signed in in English (the browser asks for it), then switched by hand.
	plain = await signedInContext(browser, server.url, email, TEST_PASSWORD, {
		javaScriptEnabled: false,
		locale: 'en-GB'
	});
	scripted = await browser.newContext();
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

test('switched to Azerbaijani without JavaScript, an officer plans an event', async () => {
	const page = await plain.newPage();
	await page.goto(`${server.url}/events/new`);
	expect(await page.locator('html').getAttribute('lang')).toBe('en');

	await page.getByRole('button', { name: 'Azərbaycanca' }).click();
	await page.waitForURL(`${server.url}/events/new`);
	expect(await page.locator('html').getAttribute('lang')).toBe('az');
	await expect.poll(() => page.locator('h1').textContent()).toBe('Yeni tədbir');
	expect(await page.getByRole('button', { name: 'Azərbaycanca' }).getAttribute('aria-current')).toBe('true');

	// axe runs in the page's own JavaScript, which this context has switched off: it checks the same page
	// in one that has it.
	const copy = await scripted.newPage();
	await copy.setContent(await page.content());
	expect(await seriousA11yViolations(copy)).toEqual([]);
	await copy.close();

	await page.getByLabel('Ad', { exact: true }).fill('Gömrük əməkdaşlığı üzrə məsləhətləşmələr');
	await page.getByLabel('Başlanğıc', { exact: true }).fill('2030-03-04T10:00');
	await page.getByLabel('Son', { exact: true }).fill('2030-03-04T11:30');
	await page.getByLabel('Saat qurşağı', { exact: true }).selectOption('Asia/Baku');
	await page.getByLabel('Onlayn keçid').fill('https://meet.example.org/consultations');
	await page.getByRole('button', { name: 'Tədbir yarat' }).click();
	await page
		.waitForURL((url) => /^\/events\/\d+$/.test(url.pathname), { timeout: 15_000 })
		.catch(async (e: unknown) => {
			throw new Error(`not saved: ${(await page.locator('main').innerText()).slice(0, 1500)}`, { cause: e });
		});
	expect(await page.locator('html').getAttribute('lang')).toBe('az');
	const main = await page.locator('main').textContent();
	expect(main).toContain('Gömrük əməkdaşlığı üzrə məsləhətləşmələr');
	expect(main).toContain('4 mart 2030');
});
