/**
 * Headless Chromium for the browser tests: the system's own (Debian's package), driven by
 * playwright-core, which downloads no browser of its own. CHROMIUM_PATH points elsewhere if needed.
 */
import { chromium, type Browser } from 'playwright-core';

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
