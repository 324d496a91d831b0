/**
 * An officer edits a person in Chromium with the keyboard alone (a new rank and precedence level),
 * is told beside the field what is wrong, and a second tab saving an older version is refused and shown
 * what the other officer saved. axe-core on the form.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { seriousA11yViolations } from '../helpers/a11y';
import { addUser, TEST_PASSWORD } from '../helpers/accounts';
import { launchBrowser, signedInContext } from '../helpers/browser';
import { demoPersonId } from '../helpers/demo-records';
import { withDatabase } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;
let officer: BrowserContext;
let chiefPath = '';

beforeAll(async () => {
	[server, browser] = await Promise.all([startServer(), launchBrowser()]);
	const { databaseUrl } = server;
	officer = await signedInContext(browser, server.url, await addUser(databaseUrl, 'officer'), TEST_PASSWORD);
	chiefPath = `/people/${await withDatabase(databaseUrl, (db) => demoPersonId(db, 'Huseynov'))}`;
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

/** Tabs forward until the element with this accessible label has the focus. */
async function tabTo(page: Page, label: string) {
	for (let i = 0; i < 80; i++) {
		await page.keyboard.press('Tab');
		const focused = await page.evaluate(() => {
			const el = document.activeElement as HTMLElement | null;
			return el?.id
				? (document.querySelector(`label[for="${el.id}"]`)?.textContent ?? el.textContent)
				: el?.textContent;
		});
		if (focused?.trim() === label) return;
	}
	throw new Error(`never reached ${label}`);
}

test('with the keyboard alone an officer corrects a rank, is told what is wrong, and saves', async () => {
	const page = await officer.newPage();
	await page.goto(`${server.url}${chiefPath}`);
	await tabTo(page, 'Edit person');
	await page.keyboard.press('Enter');
	await page.waitForURL(/\/edit$/);
	expect(await seriousA11yViolations(page)).toEqual([]);

	await tabTo(page, 'Rank');
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.type('Major General of the Migration Service');
	await tabTo(page, 'Precedence level');
	await page.keyboard.type('first');
	await page.keyboard.press('Enter');
	await expect
		.poll(() => page.locator('#field-precedenceLevel-error').textContent())
		.toContain('whole number from 1 to 99');
	expect(await page.getByLabel('Rank').inputValue()).toBe('Major General of the Migration Service');

	await page.getByLabel('Precedence level').fill('1');
	await page.getByLabel('Precedence level').press('Enter');
	await page.waitForURL((url) => url.pathname === chiefPath);
	expect(await page.locator('main').textContent()).toContain('Major General of the Migration Service');
	await page.close();
});

test('a second tab saving an older version is refused and shown what the other officer saved', async () => {
	const first = await officer.newPage();
	const second = await officer.newPage();
	await first.goto(`${server.url}${chiefPath}/edit`);
	await second.goto(`${server.url}${chiefPath}/edit`);
	await first
		.getByLabel('Position')
		.fill('Chief of the State Migration Service of the Republic of Azerbaijan');
	await first.getByRole('button', { name: 'Save changes' }).click();
	await first.waitForURL((url) => url.pathname === chiefPath);

	await second.getByLabel('Notes').fill('Speaks at every Migrants Day.');
	await second.getByRole('button', { name: 'Save changes' }).click();
	const notice = second.locator('.stale');
	await notice.waitFor();
	expect(await notice.textContent()).toContain('Someone else saved this person');
	expect(await notice.textContent()).toContain('Speaks at every Migrants Day.');
	// The form now holds the saved version, to apply one's own change again.
	expect(await second.getByLabel('Position').inputValue()).toBe(
		'Chief of the State Migration Service of the Republic of Azerbaijan'
	);
	expect(await seriousA11yViolations(second)).toEqual([]);
});
