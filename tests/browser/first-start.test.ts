/**
 * The README's first step as a newcomer takes it: the server started exactly as `npm start` starts it
 * (nothing configured: no ORIGIN, no HOST; the demo data loaded), opened in Chromium at
 * http://localhost:<port>. Setup, sign-in and a first event work with JavaScript and without it; and an
 * enhanced form whose submission fails says so on the page, keeping what was typed, whatever the cause.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addUser, TEST_PASSWORD } from '../helpers/accounts';
import { launchBrowser } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

const ADMIN = {
	name: 'Aysel Mammadova',
	email: 'aysel@protokol.test',
	password: 'a first administrator passphrase'
};

let browser: Browser;
let dir: string;
let server: RunningServer;
let localhost: string;

beforeAll(async () => {
	browser = await launchBrowser();
	dir = mkdtempSync(join(tmpdir(), 'protokol-first-start-'));
	server = await startServer({ databaseUrl: join(dir, 'protokol.db') });
	localhost = `http://localhost:${new URL(server.url).port}`;
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

async function signIn(page: Page, base: string, email = ADMIN.email, password = ADMIN.password) {
	await page.goto(`${base}/login`);
	await page.getByLabel('E-mail').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL((url) => url.pathname === '/');
}

async function createEvent(page: Page, base: string, title: string) {
	await page.goto(`${base}/events`);
	await page.getByRole('link', { name: 'New event' }).click();
	await page.getByLabel('Title', { exact: true }).fill(title);
	await page.getByLabel('Start', { exact: true }).fill('2027-12-18T10:00');
	await page.getByLabel('End', { exact: true }).fill('2027-12-18T12:00');
	await page.getByLabel('Time zone', { exact: true }).selectOption('Asia/Baku');
	await page.getByLabel('Online link').fill('https://meet.example.org/consultations');
	await page.getByRole('button', { name: 'Create event' }).click();
	await page.waitForURL(/\/events\/\d+$/);
	expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(title);
}

describe('a newcomer at http://localhost, as the README says', () => {
	let context: BrowserContext;
	beforeAll(async () => {
		context = await browser.newContext();
	});
	afterAll(() => context?.close());

	test('creates the first administrator, signs out and in again, and creates an event', async () => {
		const page = await context.newPage();
		await page.goto(`${localhost}/`);
		expect(new URL(page.url()).pathname).toBe('/setup');
		await page.getByLabel('Your name').fill(ADMIN.name);
		await page.getByLabel('E-mail').fill(ADMIN.email);
		await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
		await page.getByLabel('Repeat the password').fill(ADMIN.password);
		await page.getByRole('button', { name: 'Create administrator' }).click();
		await page.waitForURL((url) => url.pathname === '/');

		const [cookie] = (await context.cookies()).filter((c) => c.name === 'protokol_session');
		expect(cookie?.secure).toBe(false);
		expect(cookie?.httpOnly).toBe(true);

		await page.getByRole('button', { name: 'Sign out' }).click();
		await page.waitForURL(/\/login$/);
		await signIn(page, localhost);
		await createEvent(page, localhost, 'Consultations with the IOM Mission');
		await page.close();
	});
});

describe('without JavaScript, at http://127.0.0.1', () => {
	test('signs in and creates an event with plain forms', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		try {
			const page = await context.newPage();
			await signIn(page, server.url);
			await createEvent(page, server.url, 'Working meeting without scripts');
		} finally {
			await context.close();
		}
	});
});

describe('an enhanced form whose submission fails says so and keeps what was typed', () => {
	let context: BrowserContext;
	let page: Page;
	const notice = () => page.locator('[data-form-notice]');

	beforeAll(async () => {
		context = await browser.newContext();
		page = await context.newPage();
		await signIn(page, localhost);
	});
	afterAll(() => context?.close());

	/** The new-event form, filled in and ready to send. */
	async function typedEventForm(title: string) {
		await page.goto(`${localhost}/events/new`);
		await page.getByLabel('Title', { exact: true }).fill(title);
		await page.getByLabel('Start', { exact: true }).fill('2027-11-02T10:00');
		await page.getByLabel('End', { exact: true }).fill('2027-11-02T11:00');
		await page.getByLabel('Time zone', { exact: true }).selectOption('Asia/Baku');
		await page.getByLabel('Online link').fill('https://meet.example.org/consultations');
	}

	test('the connection is lost', async () => {
		await typedEventForm('Lost on the way');
		await page.route('**/events/new?/save', (route) => route.abort('connectionfailed'));
		await page.getByRole('button', { name: 'Create event' }).click();
		await expect.poll(() => notice().textContent()).toContain('could not be reached');
		expect(await notice().getAttribute('role')).toBe('alert');
		expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('Lost on the way');
		await page.unroute('**/events/new?/save');

		// Sent again once the connection is back, it goes through and the notice is gone.
		await page.getByRole('button', { name: 'Create event' }).click();
		await page.waitForURL(/\/events\/\d+$/);
		expect(await notice().count()).toBe(0);
	});

	test('the server fails (5xx)', async () => {
		await typedEventForm('A server error');
		await page.route('**/events/new?/save', (route) =>
			route.fulfill({
				status: 502,
				contentType: 'application/json',
				body: JSON.stringify({ type: 'error', error: { message: 'Bad Gateway' } })
			})
		);
		await page.getByRole('button', { name: 'Create event' }).click();
		await expect.poll(() => notice().textContent()).toContain('error 502');
		expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('A server error');
		await page.unroute('**/events/new?/save');
	});

	test('the request is too large (413)', async () => {
		await page.goto(`${localhost}/events/1/participants`);
		// adapter-node's BODY_SIZE_LIMIT is 512 kB by default.
		const csv = `name,email\n${'Guest Name,guest@example.org\n'.repeat(25_000)}`;
		await page
			.getByRole('button', { name: 'CSV file' })
			.setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
		await page.getByRole('button', { name: 'Preview' }).click();
		await expect.poll(() => notice().textContent()).toContain('too large to send');
	});

	test('the session ended in another tab (401)', async () => {
		await typedEventForm('Signed out meanwhile');
		const other = await context.newPage();
		await other.goto(`${localhost}/events`);
		await other.getByRole('button', { name: 'Sign out' }).click();
		await other.waitForURL(/\/login$/);
		await other.close();

		await page.getByRole('button', { name: 'Create event' }).click();
		await expect.poll(() => notice().textContent()).toContain('no longer signed in');
		expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('Signed out meanwhile');
	});
});

describe('opened at another address than the configured ORIGIN (403)', () => {
	test('the sign-in form says it was refused and what to do', async () => {
		const otherDir = mkdtempSync(join(tmpdir(), 'protokol-first-start-origin-'));
		const databaseUrl = join(otherDir, 'protokol.db');
		const email = await addUser(databaseUrl, 'officer');
		const misconfigured = await startServer({ databaseUrl, env: { ORIGIN: 'https://protokol.example.gov' } });
		const context = await browser.newContext();
		try {
			const page = await context.newPage();
			await page.goto(`${misconfigured.url}/login`);
			await page.getByLabel('E-mail').fill(email);
			await page.getByLabel('Password').fill(TEST_PASSWORD);
			await page.getByRole('button', { name: 'Sign in' }).click();
			const notice = page.locator('[data-form-notice]');
			await expect.poll(() => notice.textContent()).toContain('refused');
			expect(await notice.textContent()).toContain('usual address');
			expect(new URL(page.url()).pathname).toBe('/login');
			expect(await page.getByLabel('E-mail').inputValue()).toBe(email);
		} finally {
			await context.close();
			await misconfigured.stop();
			rmSync(otherDir, { recursive: true, force: true });
		}
	});
});
