/**
 * Journey 1 in Chromium on a fresh database: the office calendar (month and week, zones, filters that
 * live in the URL, keyboard) and the search (answers as one types, and the plain form without
 * JavaScript), with axe on each page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '$lib/server/db/connection';
import { seriousA11yViolations } from '../helpers/a11y';
import { addUser, TEST_PASSWORD } from '../helpers/accounts';
import { launchBrowser, signedInContext } from '../helpers/browser';
import { insertEvent } from '../helpers/factories';
import { startServer, type RunningServer } from '../helpers/server';

let dir: string;
let server: RunningServer;
let browser: Browser;
let viewer: BrowserContext;
let email: string;
let databaseUrl: string;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-journey-calendar-'));
	databaseUrl = join(dir, 'protokol.db');
	[server, browser] = await Promise.all([startServer({ databaseUrl }), launchBrowser()]);
	email = await addUser(databaseUrl, 'viewer');
	viewer = await signedInContext(browser, server.url, email, TEST_PASSWORD);
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

describe('the office calendar', () => {
	test('the month view shows the demo events of December 2021 on their days', async () => {
		const page = await viewer.newPage();
		try {
			await page.goto(`${server.url}/calendar?year=2021&month=12`);
			await expect.poll(() => page.locator('h1').textContent()).toBe('December 2021');
			const friday = page.locator('td', { has: page.locator('time[datetime="2021-12-17"]') });
			await expect
				.poll(() => friday.getByRole('link', { name: /International Migrants Day 2021/ }).count())
				.toBe(1);
			const tuesday = page.locator('td', { has: page.locator('time[datetime="2021-12-21"]') });
			expect(await tuesday.getByRole('link').first().textContent()).toMatch(
				/11:00–12:00\s+Meeting of the Chief of the State Migration Service/
			);
			expect(await page.locator('td').getByRole('link').count()).toBe(2);
			expect(await seriousA11yViolations(page)).toEqual([]);
		} finally {
			await page.close();
		}
	});

	test('filters and zone chosen in the form survive a reload, because they are in the URL', async () => {
		const page = await viewer.newPage();
		try {
			await page.goto(`${server.url}/calendar?year=2021&month=12`);
			await page.getByLabel('Kind').selectOption('observance');
			await page.getByLabel('Time zone').selectOption('Europe/Zurich');
			await page.getByRole('button', { name: 'Filter' }).click();
			await page.waitForURL(/kind=observance/);
			expect(new URL(page.url()).searchParams.get('zone')).toBe('Europe/Zurich');

			await page.reload();
			expect(await page.getByLabel('Kind').inputValue()).toBe('observance');
			expect(await page.getByLabel('Time zone').inputValue()).toBe('Europe/Zurich');
			const events = page.locator('td').getByRole('link');
			expect(await events.allTextContents()).toEqual([
				expect.stringMatching(/07:00–09:30\s+International Migrants Day 2021/)
			]);
			expect(await page.locator('.own-time').first().textContent()).toContain('10:00 Baku (UTC+4)');

			// The filters ride along when the viewer moves on.
			await page.getByRole('link', { name: 'Next month →' }).click();
			await page.waitForURL(/month=1(&|$)/);
			expect(new URL(page.url()).searchParams.get('kind')).toBe('observance');
			await expect.poll(() => page.locator('h1').textContent()).toBe('January 2022');
		} finally {
			await page.close();
		}
	});

	test('by keyboard alone: choose a week, reach an event, open it', async () => {
		const page = await viewer.newPage();
		try {
			await page.goto(`${server.url}/calendar?year=2016&month=12&zone=Europe%2FZurich`);
			await page.getByRole('link', { name: 'Week 49' }).focus();
			await page.keyboard.press('Enter');
			await page.waitForURL(/view=week/);
			expect(await page.locator('h1').textContent()).toBe('Week 49: 5–11 December 2016');
			// The four days of the session are one bar in the week's all-day row.
			expect(await page.getByRole('link', { name: /107th Session of the IOM Council/ }).count()).toBe(1);
			expect(await seriousA11yViolations(page)).toEqual([]);

			// Tab through the page until an event of the week has the focus, then open it with Enter.
			let focused = '';
			for (let i = 0; i < 40 && !focused.includes('107th Session'); i++) {
				await page.keyboard.press('Tab');
				focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
			}
			expect(focused).toMatch(/107th Session of the IOM Council, all day/);
			await page.keyboard.press('Enter');
			await page.waitForURL(/\/events\/\d+$/);
			expect(await page.locator('h1').textContent()).toContain('107th Session of the IOM Council');
		} finally {
			await page.close();
		}
	});

	test('a cancelled event is struck through and says so', async () => {
		const handle = openDatabase(databaseUrl);
		try {
			await insertEvent(handle.db, {
				title: 'Cancelled courtesy call',
				status: 'cancelled',
				status_reason: 'The guest could not travel.',
				start_at: '2021-12-15T08:00:00.000Z',
				end_at: '2021-12-15T09:00:00.000Z'
			});
		} finally {
			await handle.close();
		}
		const page = await viewer.newPage();
		try {
			await page.goto(`${server.url}/calendar?year=2021&month=12`);
			const entry = page.locator('td .entry', { hasText: 'Cancelled courtesy call' });
			expect(await entry.locator('s').textContent()).toBe('Cancelled courtesy call');
			expect(await entry.locator('.badge').textContent()).toBe('Cancelled');
			expect(await entry.locator('s').evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe(
				'line-through'
			);
			await page.goto(`${server.url}/calendar?year=2021&month=12&status=held`);
			expect(await page.locator('td .entry').count()).toBe(2);
			await page.goto(`${server.url}/calendar?year=2021&month=12&status=postponed`);
			// The filters' choosers have live regions of their own.
			await page.getByRole('status').filter({ hasText: 'No events match these filters' }).waitFor();
		} finally {
			await page.close();
		}
	});
});

describe('the search', () => {
	test('answers as one types, keeping the focus in the box', async () => {
		const page = await viewer.newPage();
		try {
			await page.goto(`${server.url}/search`);
			const box = page.getByRole('searchbox');
			await box.click();
			await box.pressSequentially('hüsey', { delay: 40 });
			await page.waitForURL(/q=h%C3%BCsey/);
			const person = page.getByRole('link', { name: 'Mr Vusal Huseynov' });
			await expect.poll(() => person.count()).toBe(1);
			expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
			expect(await box.inputValue()).toBe('hüsey');
			expect(await page.locator('mark').first().textContent()).toBe('Huseynov');

			// Typing on narrows the answer without a click or Enter.
			await box.pressSequentially(' chief', { delay: 40 });
			await page.waitForURL(/chief/);
			await expect.poll(() => page.getByRole('status').textContent()).toMatch(/results? for “hüsey chief”/);
			expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');

			// A result is a link, reached from the box by keyboard.
			await page.keyboard.press('Tab');
			await page.keyboard.press('Tab');
			expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('A');
			expect(await seriousA11yViolations(page)).toEqual([]);
		} finally {
			await page.close();
		}
	});

	test('the form works without JavaScript', async () => {
		const context = await signedInContext(browser, server.url, email, TEST_PASSWORD, {
			javaScriptEnabled: false
		});
		const page = await context.newPage();
		try {
			await page.goto(`${server.url}/search`);
			await page.getByRole('searchbox').fill('Ѓорѓиев');
			await page.getByRole('button', { name: 'Search' }).click();
			await page.waitForURL(/q=/);
			expect(await page.getByRole('link', { name: 'Mr Vladimir Gjorgjiev' }).count()).toBe(1);
			expect(await page.getByRole('heading', { name: /People/ }).count()).toBe(1);

			await page.getByRole('searchbox').fill('09/1502');
			await page.keyboard.press('Enter');
			await page.waitForURL(/q=09%2F1502/);
			expect(await page.getByRole('link', { name: /Champion countries/ }).count()).toBe(1);
			// (axe runs in the page's JavaScript, so it checks this page in the test above, with JS on.)
		} finally {
			await context.close();
		}
	});

	test('the calendar works without JavaScript too', async () => {
		const context = await signedInContext(browser, server.url, email, TEST_PASSWORD, {
			javaScriptEnabled: false
		});
		const page = await context.newPage();
		try {
			await page.goto(`${server.url}/calendar?year=2021&month=12`);
			await page.getByLabel('Status').selectOption('held');
			await page.getByRole('button', { name: 'Filter' }).click();
			await page.waitForURL(/status=held/);
			expect(await page.getByLabel('Status').inputValue()).toBe('held');
			expect(await page.locator('td .entry').count()).toBe(2);
		} finally {
			await context.close();
		}
	});
});
