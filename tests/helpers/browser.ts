/**
 * Headless Chromium for the browser tests: the system's own (Debian's package), driven by
 * playwright-core, which downloads no browser of its own. CHROMIUM_PATH points elsewhere if needed.
 */
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Without the networking flags Chromium keeps calling Google's hosts, which a closed network refuses;
 * --no-sandbox because CI runs as root.
 */
const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

export function launchBrowser(): Promise<Browser> {
	return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/**
 * A browser context signed in as the given user through the real login form. Pages opened from it share
 * the session cookie.
 */
export async function signedInContext(
	browser: Browser,
	serverUrl: string,
	email: string,
	password: string,
	options: Parameters<Browser['newContext']>[0] = {}
): Promise<BrowserContext> {
	const context = await browser.newContext(options);
	const page = await context.newPage();
	await page.goto(`${serverUrl}/login`);
	await page.getByLabel('E-mail').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	try {
		await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 45_000 });
	} catch (error) {
		// Say what the page showed instead: a refusal, a notice, or nothing at all (a slow machine).
		const shown = await page.locator('[role=alert]').allTextContents();
		throw new Error(`signing in as ${email} did not leave ${page.url()}; alerts: ${JSON.stringify(shown)}`, {
			cause: error
		});
	}
	await page.close();
	return context;
}
