/**
 * An officer in Chromium attaches a PDF to the letter No 09/1502 and sees it listed with its SHA-256,
 * downloads it back byte for byte, and is refused, beside the field, an HTML page renamed .pdf — with
 * JavaScript and without. The letter's page (threads and files) passes axe-core.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { seriousA11yViolations } from '../helpers/a11y';
import { addUser, TEST_PASSWORD } from '../helpers/accounts';
import { launchBrowser, signedInContext } from '../helpers/browser';
import { htmlPage, pdfFile } from '../helpers/documents';
import { startServer, type RunningServer } from '../helpers/server';

let dir: string;
let server: RunningServer;
let browser: Browser;
let officer: BrowserContext;
let withoutScripts: BrowserContext;
const LETTER = '/correspondence/1';

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-files-browser-'));
	const databaseUrl = join(dir, 'protokol.db');
	[server, browser] = await Promise.all([startServer({ databaseUrl }), launchBrowser()]);
	const email = await addUser(databaseUrl, 'officer');
	officer = await signedInContext(browser, server.url, email, TEST_PASSWORD, { acceptDownloads: true });
	withoutScripts = await signedInContext(browser, server.url, email, TEST_PASSWORD, {
		javaScriptEnabled: false
	});
	writeFileSync(join(dir, 'Letter 09-1502 signed.pdf'), pdfFile('Signed'));
	writeFileSync(join(dir, 'invoice.pdf'), htmlPage());
	writeFileSync(join(dir, 'annex.pdf'), pdfFile('Annex'));
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

test('an officer attaches a PDF, sees its SHA-256, downloads it back, and is refused a renamed HTML page', async () => {
	const page = await officer.newPage();
	await page.goto(`${server.url}${LETTER}`);
	expect(await page.locator('main').textContent()).toContain('0451/13/21/26');

	await page.getByLabel('Attach a file').setInputFiles(join(dir, 'Letter 09-1502 signed.pdf'));
	await page.getByRole('button', { name: 'Attach', exact: true }).click();
	const sha256 = createHash('sha256').update(pdfFile('Signed')).digest('hex');
	await expect.poll(() => page.locator('#files').textContent()).toContain(sha256);
	expect(await page.locator('#files').textContent()).toContain('Letter 09-1502 signed.pdf');

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Letter 09-1502 signed.pdf' }).click()
	]);
	expect(download.suggestedFilename()).toBe('Letter 09-1502 signed.pdf');
	expect(readFileSync((await download.path())!).equals(pdfFile('Signed'))).toBe(true);

	await page.getByLabel('Attach a file').setInputFiles(join(dir, 'invoice.pdf'));
	await page.getByRole('button', { name: 'Attach', exact: true }).click();
	await expect
		.poll(() => page.locator('#field-file-error').textContent())
		.toContain('This file is not a PDF, DOCX, ODT, JPEG or PNG document, whatever its name says.');
	expect(await page.getByLabel('Attach a file').getAttribute('aria-invalid')).toBe('true');
	expect(await page.locator('#files li').count()).toBe(1);
	expect(await seriousA11yViolations(page)).toEqual([]);
});

test('without JavaScript the same form attaches a file and refuses a renamed HTML page', async () => {
	const page = await withoutScripts.newPage();
	await page.goto(`${server.url}${LETTER}`);
	await page.getByLabel('Attach a file').setInputFiles(join(dir, 'invoice.pdf'));
	await page.getByRole('button', { name: 'Attach', exact: true }).click();
	await page.waitForLoadState();
	expect(await page.locator('#field-file-error').textContent()).toContain('whatever its name says');

	await page.getByLabel('Attach a file').setInputFiles(join(dir, 'annex.pdf'));
	await page.getByRole('button', { name: 'Attach', exact: true }).click();
	await page.waitForURL((url) => url.pathname === LETTER);
	expect(await page.locator('#files').textContent()).toContain(
		createHash('sha256').update(pdfFile('Annex')).digest('hex')
	);
});
