/**
 * Security as a person meets it in Chromium: the first run leads to creating the first administrator and
 * then that page is gone for good; a name full of markup, stored through the admin form, never runs as
 * script; our own pages work under the strict Content-Security-Policy without a single violation; and the
 * sign-in throttle's message reads the same whether the account exists or not.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '$lib/server/db/connection';
import { addUser, TEST_PASSWORD } from '../helpers/accounts';
import { launchBrowser } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** A server on a database of its own; `users` puts accounts into it before it starts. */
async function serverWith(
	users: (databaseUrl: string) => Promise<unknown>,
	env: Record<string, string> = {}
) {
	const dir = mkdtempSync(join(tmpdir(), 'protokol-browser-security-'));
	const databaseUrl = join(dir, 'protokol.db');
	await users(databaseUrl);
	const server = await startServer({ databaseUrl, env });
	return {
		server,
		databaseUrl,
		async stop() {
			await server.stop();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/** Signs in through the login form, as a person would. */
async function signIn(page: Page, server: RunningServer, email: string, password = TEST_PASSWORD) {
	await page.goto(`${server.url}/login`);
	await page.getByLabel('E-mail').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL((url) => url.pathname === '/');
}

/** Which element has the keyboard focus, by id (or tag name). */
const focused = (page: Page) =>
	page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName.toLowerCase() || '');

describe('first run', () => {
	let running: Awaited<ReturnType<typeof serverWith>>;
	let context: BrowserContext;

	beforeAll(async () => {
		running = await serverWith(async () => {}, { DEMO_DATA: 'off' });
		context = await browser.newContext();
	});
	afterAll(async () => {
		await context?.close();
		await running?.stop();
	});

	test('leads to creating the first administrator, with the keyboard alone, and then the page is gone', async () => {
		const { server } = running;
		const page = await context.newPage();
		await page.goto(`${server.url}/events`);
		expect(new URL(page.url()).pathname).toBe('/setup');
		await expect.poll(() => page.title()).toContain('first administrator');

		// Tab to the first field, then type and Tab through the form, and press Enter to send it.
		for (let i = 0; i < 10 && (await focused(page)) !== 'field-name'; i++) await page.keyboard.press('Tab');
		expect(await focused(page)).toBe('field-name');
		const fields: [string, string][] = [
			['field-name', 'Aysel Mammadova'],
			['field-email', 'aysel@protokol.test'],
			['field-password', 'a first administrator passphrase'],
			['field-confirm', 'a first administrator passphrase']
		];
		for (const [index, [id, value]] of fields.entries()) {
			expect(await focused(page)).toBe(id);
			await page.keyboard.type(value);
			if (index < fields.length - 1) await page.keyboard.press('Tab');
		}
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => url.pathname === '/');
		// The home page is the first to read the demo data: on a loaded machine it may take a few seconds.
		await expect
			.poll(() => page.getByRole('link', { name: 'Aysel Mammadova' }).count(), { timeout: 15_000 })
			.toBe(1);

		const again = await page.goto(`${server.url}/setup`);
		expect(again?.status()).toBe(404);

		await page.goto(`${server.url}/events`);
		await page.getByRole('button', { name: 'Sign out' }).click();
		await page.waitForURL(/\/login$/);
		const signedOut = await page.goto(`${server.url}/setup`);
		expect(signedOut?.status()).toBe(404);

		// Someone new is sent to sign in now, not to the setup.
		const stranger = await (await browser.newContext()).newPage();
		await stranger.goto(`${server.url}/events`);
		expect(new URL(stranger.url()).pathname).toBe('/login');
		await stranger.context().close();
	});
});

describe('with the demo office', () => {
	let running: Awaited<ReturnType<typeof serverWith>>;
	let admin: string;
	let officer: string;

	beforeAll(async () => {
		running = await serverWith(async (databaseUrl) => {
			admin = await addUser(databaseUrl, 'admin');
			officer = await addUser(databaseUrl, 'officer');
		});
	});
	afterAll(async () => {
		await running?.stop();
	});

	test('a name full of markup, stored through the admin form, never runs and shows as text', async () => {
		const { server } = running;
		const context = await browser.newContext();
		const page = await context.newPage();
		const payload = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
		await signIn(page, server, admin);

		await page.goto(`${server.url}/admin/users`);
		await page.locator('#field-name').fill(payload);
		await page.locator('#field-email').fill('markup@protokol.test');
		await page.locator('#field-role').selectOption('viewer');
		await page.locator('#field-password').fill('a perfectly long password');
		await page.getByRole('button', { name: 'Add user' }).click();
		await expect.poll(() => page.getByRole('status').textContent()).toContain('markup@protokol.test');
		expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();

		await page.reload();
		const row = page.getByRole('row').filter({ hasText: 'markup@protokol.test' });
		expect(await row.getByRole('cell').first().textContent()).toBe(payload);
		expect(await page.locator('img[src="x"]').count()).toBe(0);
		expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
		await context.close();
	});

	test('our own pages run under the strict policy without a violation or an error', async () => {
		const { server } = running;
		const context = await browser.newContext();
		const page = await context.newPage();
		const problems: string[] = [];
		page.on('console', (message) => {
			const text = message.text();
			if (message.type() === 'error' || /Content Security Policy|Refused to/i.test(text)) {
				problems.push(`${page.url()} console ${message.type()}: ${text}`);
			}
		});
		page.on('pageerror', (error) => problems.push(`${page.url()} page error: ${error.message}`));
		// Reported by the document itself too, whatever the console says.
		await context.addInitScript(() => {
			document.addEventListener('securitypolicyviolation', (event) => {
				const seen = ((window as { __violations?: string[] }).__violations ??= []);
				seen.push(`${event.violatedDirective} ${event.blockedURI}`);
			});
		});
		const violations = async () =>
			page.evaluate(() => (window as { __violations?: string[] }).__violations ?? []);

		await page.goto(`${server.url}/login`);
		await page.waitForLoadState('networkidle');
		expect(await violations()).toEqual([]);
		await signIn(page, server, admin);
		expect(await violations()).toEqual([]);

		await page.goto(`${server.url}/events?when=past`);
		await page.getByRole('link', { name: 'International Migrants Day 2021' }).click();
		await page.waitForURL(/\/events\/\d+$/);
		const eventPath = new URL(page.url()).pathname;
		expect(await violations()).toEqual([]);

		for (const path of ['/events', eventPath, '/people', '/admin/users', '/account']) {
			await page.goto(`${server.url}${path}`);
			await page.waitForLoadState('networkidle');
			expect(await violations(), path).toEqual([]);
			// Hydrated: client-side navigation works, which needs our scripts to have run.
			expect(
				await page.evaluate(() => document.querySelector('main')?.textContent?.length ?? 0)
			).toBeGreaterThan(0);
		}
		// A client-side navigation between two of them, through SvelteKit's router.
		await page.goto(`${server.url}/events`);
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
		await page.waitForURL(/\/people$/);
		expect(await violations()).toEqual([]);
		expect(problems).toEqual([]);
		await context.close();
	});

	test('the sign-in throttle answers the same for an account that exists and one that does not', async () => {
		const { server } = running;
		const context = await browser.newContext();
		const page = await context.newPage();

		const attempt = async (email: string, password: string) => {
			await page.goto(`${server.url}/login`);
			await page.getByLabel('E-mail').fill(email);
			await page.getByLabel('Password').fill(password);
			await Promise.all([
				page.waitForResponse(
					(r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login'
				),
				page.getByRole('button', { name: 'Sign in' }).click()
			]);
			await expect.poll(() => page.getByRole('alert').count()).toBe(1);
			return (await page.getByRole('alert').textContent())!.trim();
		};
		/** Three slips (free), then more failures from this address, then the right password. */
		const attempts = async (email: string, lastPassword: string) => {
			const messages: string[] = [];
			for (let i = 1; i <= 3; i++) messages.push(await attempt(email, `wrong password ${i}`));
			// Five more failures from here, just now (typed one by one they would already be slowed).
			const handle = openDatabase(running.databaseUrl);
			try {
				const failure = {
					at: new Date().toISOString(),
					account_key: email,
					client_address: '127.0.0.1',
					succeeded: 0 as const
				};
				await handle.db.insertInto('login_attempt').values(Array(5).fill(failure)).execute();
			} finally {
				await handle.close();
			}
			messages.push(await attempt(email, lastPassword));
			return messages;
		};

		const known = await attempts(officer, TEST_PASSWORD);
		expect(new URL(page.url()).pathname).toBe('/login');
		const unknown = await attempts('nobody-here@protokol.test', 'any password at all');

		expect(known.slice(0, 3).every((m) => m === known[0])).toBe(true);
		expect(known[3]).toMatch(/^Too many attempts\. Wait \d+ seconds? and try again\.$/);
		const shape = (messages: string[]) => messages.map((m) => m.replace(/\d+/g, 'N'));
		expect(shape(unknown)).toEqual(shape(known));
		for (const message of known) {
			expect(message).not.toContain(officer);
			expect(message).not.toMatch(/no such|unknown|not found|does not exist/i);
		}
		// The right password, held back by the throttle, opened nothing.
		const cookies = await context.cookies();
		expect(cookies.filter((c) => c.name === 'protokol_session')).toEqual([]);
		await context.close();
	});
});
