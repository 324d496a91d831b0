/**
 * An officer's home page in Chromium on the demo data: an overdue action point of theirs, opened from
 * there; and the next International Migrants Day with its unanswered invitations, followed to the
 * participants page that names who has not answered.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openDatabase } from '$lib/server/db/connection';
import { addUser, TEST_PASSWORD } from '../helpers/accounts';
import { launchBrowser, signedInContext } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let databaseUrl: string;

beforeAll(async () => {
	databaseUrl = join(mkdtempSync(join(tmpdir(), 'protokol-home-')), 'protokol.db');
	[server, browser] = await Promise.all([startServer({ databaseUrl }), launchBrowser()]);
	const email = await addUser(databaseUrl, 'officer');
	// The officer follows up the debrief's action point, due a month ago.
	const handle = openDatabase(databaseUrl);
	try {
		const officer = await handle.db
			.selectFrom('user_account')
			.select('id')
			.where('email', '=', email)
			.executeTakeFirstOrThrow();
		const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
		await handle.db
			.updateTable('outcome')
			.set({ responsible_user_id: officer.id, due_on: monthAgo, status: 'open' })
			.where('kind', '=', 'action_point')
			.where('title', 'like', '%work plan%')
			.execute();
	} finally {
		await handle.close();
	}
	context = await signedInContext(browser, server.url, email, TEST_PASSWORD);
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

/** The office's next International Migrants Day, and whether it is within the panel's 14 days. */
function nextMigrantsDay() {
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Baku' }).format(new Date());
	const year = Number(today.slice(0, 4)) + (today > `${today.slice(0, 4)}-12-18` ? 1 : 0);
	const daysAhead = (Date.parse(`${year}-12-18T06:00:00Z`) - Date.now()) / 86_400_000;
	return { title: `International Migrants Day ${year}`, soon: daysAhead <= 14 };
}

test('an overdue action point of mine is on the home page and opens from there', async () => {
	const page = await context.newPage();
	await page.goto(`${server.url}/`);
	const mine = page.locator('section', { has: page.getByRole('heading', { name: 'My action points' }) });
	await expect.poll(() => mine.textContent()).toMatch(/Overdue by 3\d days/);
	await mine.getByRole('link', { name: /work plan/ }).click();
	await expect.poll(() => page.title()).toMatch(/work plan/i);
});

test('the next International Migrants Day is there with its unanswered invitations', async () => {
	const page = await context.newPage();
	await page.goto(`${server.url}/`);
	const imd = nextMigrantsDay();
	const panel = page.locator('section', {
		has: page.getByRole('heading', { name: 'Invitations not answered' })
	});
	if (!imd.soon) {
		// Outside the 14 days the panel says so; the event is in the calendar and the events list.
		expect(await panel.textContent()).toContain('Every invitation to the next 14 days');
		return;
	}
	expect(await panel.getByRole('link', { name: imd.title }).count()).toBe(1);
	await panel.getByRole('link', { name: '4 of 7 invitations unanswered' }).click();
	await expect.poll(() => page.title()).toContain(imd.title);
	const unanswered = page.getByRole('list', { name: 'Not answered yet' });
	await expect.poll(() => unanswered.getByRole('listitem').count()).toBe(4);
	expect(await unanswered.textContent()).toContain('Vitorino');
});
