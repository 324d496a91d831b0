/**
 * What someone types before a page's scripts have started stays in the field once they start. On a slow
 * line (or a busy machine) a form is drawn and used before hydration; hydration used to write the
 * server's value back over every input, so a sign-in or a new event's title was silently lost and the
 * form refused as empty. The page's scripts are held back here until the typing is done.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addUser, TEST_PASSWORD } from '../helpers/accounts';
import { launchBrowser } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

let dir: string;
let server: RunningServer;
let browser: Browser;
let email: string;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-typed-early-'));
	const databaseUrl = join(dir, 'protokol.db');
	[server, browser] = await Promise.all([startServer({ databaseUrl }), launchBrowser()]);
	email = await addUser(databaseUrl, 'officer');
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Holds every script of the app back until the returned function is called. */
async function holdScripts(page: Page): Promise<() => Promise<void>> {
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**', async (route) => {
		await released;
		await route.continue();
	});
	return async () => {
		release();
		// SvelteKit's router has started (it numbers the history entry as it starts), and every script the
		// page needs has arrived: hydration, which runs with them, is over.
		await page.waitForFunction(() => history.state?.['sveltekit:history'] !== undefined);
		await page.waitForLoadState('networkidle');
	};
}

test('a sign-in and a new event typed before the scripts start are kept and sent', async () => {
	const context = await browser.newContext();
	const page = await context.newPage();
	let startScripts = await holdScripts(page);
	await page.goto(`${server.url}/login`, { waitUntil: 'commit' });
	await page.getByLabel('E-mail').fill(email);
	await page.getByLabel('Password').fill(TEST_PASSWORD);
	await startScripts();
	expect(await page.getByLabel('E-mail').inputValue()).toBe(email);
	expect(await page.getByLabel('Password').inputValue()).toBe(TEST_PASSWORD);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/login'));

	const form = await context.newPage();
	startScripts = await holdScripts(form);
	await form.goto(`${server.url}/events/new`, { waitUntil: 'commit' });
	await form.getByLabel('Title', { exact: true }).fill('Debrief on the Migration Review Forum');
	await form.getByLabel('Description').fill('What the delegation brought back from New York.');
	await startScripts();
	expect(await form.getByLabel('Title', { exact: true }).inputValue()).toBe(
		'Debrief on the Migration Review Forum'
	);
	expect(await form.getByLabel('Description').inputValue()).toBe(
		'What the delegation brought back from New York.'
	);
	await context.close();
});
