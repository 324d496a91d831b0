/**
 * The planning journey in Azerbaijani, in Chromium without JavaScript: an officer switches the interface
 * to Azerbaijani with the switcher and plans an event through the form; axe-core finds nothing serious on
 * the Azerbaijani form. A Russian-speaking officer, whose browser asks for Russian, plans one with
 * JavaScript on, and the page drawn in the browser after the enhanced form stays Russian, axe-clean too.
 * The brief of a meeting with IOM reads in each of the three languages, axe-clean in each.
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
let officerEmail: string;
let briefReader: string;

beforeAll(async () => {
	const databaseUrl = join(mkdtempSync(join(tmpdir(), 'protokol-languages-browser-')), 'protokol.db');
	[server, browser] = await Promise.all([startServer({ databaseUrl }), launchBrowser()]);
	const email = await addUser(databaseUrl, 'officer');
	officerEmail = await addUser(databaseUrl, 'officer', 'ivanova@protokol.test');
	// Someone who chose no language, so that the cookie says which.
	briefReader = await addUser(databaseUrl, 'viewer');
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

test('in Russian, with JavaScript, an officer plans an event and the page stays Russian', async () => {
	const context = await browser.newContext({ locale: 'ru-RU' });
	try {
		// The browser asks for Russian: no switch needed, and the enhanced form keeps the language.
		const page = await context.newPage();
		await page.goto(`${server.url}/login`);
		expect(await page.locator('html').getAttribute('lang')).toBe('ru');
		await page.locator('[name=email]').fill(officerEmail);
		await page.locator('[name=password]').fill(TEST_PASSWORD);
		await page.locator('form:has([name=password]) button[type=submit]').click();
		await page.waitForURL((url) => !url.pathname.startsWith('/login'));

		await page.goto(`${server.url}/events/new`);
		expect(await page.locator('h1').textContent()).toBe('Новое мероприятие');
		expect(await seriousA11yViolations(page)).toEqual([]);
		await page.getByLabel('Название', { exact: true }).fill('Консультации по вопросам миграции');
		await page.getByLabel('Начало', { exact: true }).fill('2030-03-05T15:00');
		await page.getByLabel('Окончание', { exact: true }).fill('2030-03-05T16:00');
		await page.getByLabel('Часовой пояс', { exact: true }).selectOption('Europe/Moscow');
		await page.getByLabel('Ссылка для онлайн-участия').fill('https://meet.example.org/consultations');
		await page.getByRole('button', { name: 'Создать мероприятие' }).click();
		await page.waitForURL((url) => /^\/events\/\d+$/.test(url.pathname), { timeout: 15_000 });
		expect(await page.locator('html').getAttribute('lang')).toBe('ru');
		// Drawn in the browser after the enhanced form's redirect, in the browser's own Intl.
		await expect.poll(() => page.locator('main').textContent()).toContain('5 марта 2030 г., вторник');
		expect(await seriousA11yViolations(page)).toEqual([]);
	} finally {
		await context.close();
	}
});

test.each([
	['az', 'Arayış'],
	['en', 'Brief'],
	['ru', 'Справка']
] as const)('the brief of the meeting with IOM in %s, axe-clean', async (locale, eyebrow) => {
	const context = await browser.newContext();
	try {
		await context.addCookies([{ name: 'protokol_locale', value: locale, url: server.url }]);
		const page = await context.newPage();
		await page.goto(`${server.url}/login`);
		await page.locator('[name=email]').fill(briefReader);
		await page.locator('[name=password]').fill(TEST_PASSWORD);
		await page.locator('form:has([name=password]) button[type=submit]').click();
		await page.waitForURL((url) => !url.pathname.startsWith('/login'));
		await page.goto(`${server.url}/events?when=past`);
		await page.locator('a[href^="/events/"]', { hasText: 'IOM' }).first().click();
		await page.waitForURL(/\/events\/\d+$/);
		await page.goto(`${page.url()}/brief`);
		expect(await page.locator('html').getAttribute('lang')).toBe(locale);
		expect(await page.locator('main').textContent()).toContain(`${eyebrow} ·`);
		expect(await seriousA11yViolations(page)).toEqual([]);
	} finally {
		await context.close();
	}
});
