/**
 * An officer in Chromium opens the action-point board, filters it to the overdue ones, opens one, marks
 * it done with a note on its page, finds the note in its history and sees the board's count drop.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addDays } from '$lib/server/actions/action-board.input';
import { officeToday } from '$lib/server/calendar/calendar.settings';
import { openDatabase } from '$lib/server/db/connection';
import { addUser, TEST_PASSWORD } from '../helpers/accounts';
import { launchBrowser, signedInContext } from '../helpers/browser';
import { insertActionPoint } from '../helpers/factories';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;
let officerEmail: string;
const TITLE = 'Send the adjusted UNNM work plan to IOM';

beforeAll(async () => {
	const databaseUrl = join(mkdtempSync(join(tmpdir(), 'protokol-board-browser-')), 'protokol.db');
	[server, browser] = await Promise.all([startServer({ databaseUrl }), launchBrowser()]);
	officerEmail = await addUser(databaseUrl, 'officer');
	const handle = openDatabase(databaseUrl);
	try {
		await insertActionPoint(handle.db, { title: TITLE, due_on: addDays(officeToday(), -4) });
	} finally {
		await handle.close();
	}
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

test('an officer filters the board to what is overdue and marks one done with a note', async () => {
	const context = await signedInContext(browser, server.url, officerEmail, TEST_PASSWORD);
	try {
		const page = await context.newPage();
		await page.goto(`${server.url}/events`);
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Action points' }).click();
		await page.waitForURL(/\/actions$/);
		const count = () => page.locator('p.count').textContent();
		const before = Number(/(\d+) action point/.exec((await count()) ?? '')?.[1]);
		expect(before).toBeGreaterThanOrEqual(2);

		await page.locator('select[name="due"]').selectOption({ label: 'Overdue (1)' });
		await page.getByRole('button', { name: 'Filter' }).click();
		await page.waitForURL(/due=overdue/);
		await expect.poll(count).toContain('1 action point,');
		await expect.poll(() => page.locator('table.board').textContent()).toContain('Overdue by 4 days');

		await page.getByRole('link', { name: TITLE }).click();
		await page.waitForURL(/\/outcomes\/\d+$/);
		await page.getByLabel('Follow-up status').selectOption('done');
		await page.getByLabel('Note').fill('Sent to the IOM mission on Tuesday.');
		await page.getByRole('button', { name: 'Save status' }).click();
		await expect.poll(() => page.locator('main [role="status"]').first().textContent()).toContain('saved');
		await expect
			.poll(() => page.locator('section[aria-labelledby="status-history-heading"]').textContent())
			.toContain('Sent to the IOM mission on Tuesday.');

		await page.goBack();
		await page.goto(`${server.url}/actions?due=overdue`);
		await expect.poll(count).toContain('0 action points,');
		await page.goto(`${server.url}/actions`);
		await expect.poll(count).toContain(`${before - 1} action point`);
	} finally {
		await context.close();
	}
});
