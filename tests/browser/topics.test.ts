/**
 * An officer in Chromium opens the seeded meeting of the Chief of the State Migration Service with IOM's
 * Regional Director, sees its topics from the seed, adds one, records what was said on it, turns it into
 * an action point (owner, partner and due date filled in from the meeting) and finds it on the outcome
 * page, which names the topic it came from; axe-core on the topic's page once it has become one.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { seriousA11yViolations } from '../helpers/a11y';
import { addUser, TEST_PASSWORD } from '../helpers/accounts';
import { launchBrowser, signedInContext } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;
let officerEmail: string;

beforeAll(async () => {
	const databaseUrl = join(mkdtempSync(join(tmpdir(), 'protokol-topics-browser-')), 'protokol.db');
	[server, browser] = await Promise.all([startServer({ databaseUrl }), launchBrowser()]);
	officerEmail = await addUser(databaseUrl, 'officer');
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

const MEETING = 'Meeting of the Chief of the State Migration Service with the Regional Director of IOM';

test('an officer prepares a topic of the seeded meeting, records it and turns it into an action point', async () => {
	const context = await signedInContext(browser, server.url, officerEmail, TEST_PASSWORD);
	try {
		const page = await context.newPage();
		await page.goto(`${server.url}/events?when=past`);
		await page.getByRole('link', { name: MEETING }).first().click();
		await page.waitForURL(/\/events\/\d+$/);
		await page.getByRole('link', { name: 'Topics', exact: true }).click();
		await page.waitForURL(/\/events\/\d+\/topics$/);
		const headings = await page.locator('ol.topics h2').allTextContents();
		expect(headings.map((h) => h.replace(/\s+/g, ' ').trim())).toEqual([
			'1. The two joint projects and the Regional Training Center on Migration',
			'2. The Global Compact for Safe, Orderly and Regular Migration (GCM)',
			'3. The National Migration Profile (2013–2020 and the first ten months of 2021)',
			'4. The Migration Governance Indicators process'
		]);

		// A new topic, refused first without a title: the message beside the field, what was typed kept.
		await page.getByLabel('Our position').fill('IOM’s support is welcome.');
		await page.getByLabel('Raised by').selectOption('their_side');
		await page.getByRole('button', { name: 'Add topic' }).click();
		await expect.poll(() => page.locator('#field-title-error').textContent()).toBe('Title is required.');
		expect(await page.getByLabel('Our position').inputValue()).toBe('IOM’s support is welcome.');
		await page.getByLabel('Topic', { exact: true }).fill('Digitalization of remittances flow');
		await page.getByRole('button', { name: 'Add topic' }).click();
		await page.waitForURL(/added=\d+/);
		await expect
			.poll(() => page.locator('main [role="status"]').textContent())
			.toContain('“Digitalization of remittances flow” added as number 5 of 5.');

		// Up, by keyboard: focus the button and press Enter.
		await page.getByRole('button', { name: 'Move “Digitalization of remittances flow” up' }).focus();
		await page.keyboard.press('Enter');
		await page.waitForURL(/moved=\d+/);
		await expect
			.poll(() => page.locator('main [role="status"]').textContent())
			.toContain('moved to number 4 of 5');

		await page.getByRole('link', { name: 'Open “Digitalization of remittances flow”' }).click();
		await page.waitForURL(/\/topics\/\d+$/);
		await page.getByLabel('What each side said on it').fill('IOM offered to share its experience.');
		await page.getByRole('button', { name: 'Save what was said' }).click();
		await page.waitForURL(/said=1/);
		await expect
			.poll(() => page.locator('#topic').textContent())
			.toContain('IOM offered to share its experience.');

		// The form is filled in from the meeting: IOM's side owns it, Mr Profazi, due a month after.
		expect(await page.getByLabel('It becomes').inputValue()).toBe('action_point');
		expect(await page.getByLabel('Owner', { exact: true }).locator('option:checked').textContent()).toContain(
			'Profazi'
		);
		expect(await page.getByLabel('Owner organisation').locator('option:checked').textContent()).toContain(
			'IOM Regional Office'
		);
		expect(await page.getByLabel('Due on').inputValue()).toBe('2022-01-20');
		await page.getByLabel('Due on').fill('2022-02-15');
		await page.getByRole('button', { name: 'Turn it into this' }).click();
		await page.waitForURL(/turned=1/);
		await expect.poll(() => page.locator('#topic').textContent()).toContain('Became');
		expect(await page.getByRole('button', { name: 'Turn it into this' }).count()).toBe(0);
		expect(await seriousA11yViolations(page)).toEqual([]);

		await page.locator('#topic').getByRole('link', { name: 'Digitalization of remittances flow' }).click();
		await page.waitForURL(/\/outcomes\/\d+$/);
		const outcome = (await page.locator('main').textContent())!.replace(/\s+/g, ' ');
		expect(outcome).toContain('Action point');
		expect(outcome).toContain('Digitalization of remittances flow');
		expect(outcome).toContain('Profazi');
		expect(outcome).toContain('15 February 2022');
		expect(outcome).toContain('IOM offered to share its experience.');
		// It names the topic it came from, linked.
		expect(
			await page
				.locator('main a[href*="/topics/"]', { hasText: 'Digitalization of remittances flow' })
				.count()
		).toBe(1);
	} finally {
		await context.close();
	}
});
