/**
 * Calendars in Chromium: an officer subscribes a speaker to their own feed from the person page (the
 * address shown once, the feed readable without a session), revokes it; the invitations page and the
 * outbox say plainly that no mail server is set. axe-core on each.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { officeToday } from '$lib/server/calendar/calendar.settings';
import { openDatabase } from '$lib/server/db/connection';
import { nextMigrantsDayDate } from '../../db/demo/next-migrants-day';
import { seriousA11yViolations } from '../helpers/a11y';
import { addUser, TEST_PASSWORD } from '../helpers/accounts';
import { launchBrowser, signedInContext } from '../helpers/browser';
import { parseCalendar } from '../helpers/ical';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;
let officer: BrowserContext;
let prenticeId = 0;
let imdId = 0;

beforeAll(async () => {
	const databaseUrl = join(mkdtempSync(join(tmpdir(), 'protokol-calendars-browser-')), 'protokol.db');
	[server, browser] = await Promise.all([startServer({ databaseUrl }), launchBrowser()]);
	officer = await signedInContext(browser, server.url, await addUser(databaseUrl, 'officer'), TEST_PASSWORD);
	const handle = openDatabase(databaseUrl);
	try {
		prenticeId = (
			await handle.db
				.selectFrom('person')
				.select('id')
				.where('family_name', '=', 'Prentice')
				.executeTakeFirstOrThrow()
		).id;
		imdId = (
			await handle.db
				.selectFrom('event')
				.select('id')
				.where('title', '=', 'International Migrants Day 2021')
				.executeTakeFirstOrThrow()
		).id;
	} finally {
		await handle.close();
	}
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

test('an officer subscribes a speaker to their own feed, shown once, then revokes it', async () => {
	const page = await officer.newPage();
	await page.goto(`${server.url}/people/${prenticeId}`);
	const panel = page.locator('section.feeds');
	expect(await panel.locator('h2').textContent()).toBe('Subscribe in a calendar program');
	await panel.getByLabel('Name of the calendar (optional)').fill('Prentice: engagements in Baku');
	await panel.getByRole('button', { name: 'Create a feed' }).press('Enter');
	const webcal = panel.getByLabel(/Open in the calendar program/);
	await webcal.waitFor();
	const address = await webcal.inputValue();
	expect(address).toMatch(/^webcal:\/\/127\.0\.0\.1:\d+\/feeds\/[a-z2-7]{32}\.[a-z2-7]{32}\.ics$/);
	expect(await seriousA11yViolations(page)).toEqual([]);

	// A calendar program reads it without a session.
	const https = await panel.getByLabel(/paste this into Google Calendar/).inputValue();
	const feed = await fetch(https);
	expect(feed.status).toBe(200);
	const { calendar, events } = parseCalendar(await feed.text());
	expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Prentice: engagements in Baku');
	// Within its year back and two ahead, he is invited to one event only: the next Migrants Day.
	const next = nextMigrantsDayDate(officeToday() as `${number}-${number}-${number}`);
	expect(events.map((event) => event.summary)).toEqual([`International Migrants Day ${next.slice(0, 4)}`]);

	// Shown once: after a reload only its name is listed.
	await page.reload();
	expect(await panel.getByLabel(/Open in the calendar program/).count()).toBe(0);
	expect(await panel.locator('.feed-list').textContent()).toContain('Prentice: engagements in Baku');
	await panel.getByRole('button', { name: 'Revoke Prentice: engagements in Baku' }).click();
	await page.getByRole('status').filter({ hasText: 'The feed is revoked' }).waitFor();
	expect((await fetch(https)).status).toBe(404);
	await page.close();
});

test('the invitations page of a past event says why nothing can be sent, and the outbox that no mail server is set', async () => {
	const page = await officer.newPage();
	await page.goto(`${server.url}/events/${imdId}`);
	await page.getByRole('link', { name: 'Invitations' }).click();
	await page.waitForURL(/\/invitations$/);
	expect(await page.locator('main').textContent()).toContain(
		'The event is over: invitations are no longer sent.'
	);
	expect(await page.locator('main').textContent()).toContain('No mail server is configured');
	expect(await page.getByRole('button', { name: /Send to/ }).count()).toBe(0);
	expect(await seriousA11yViolations(page)).toEqual([]);

	await page.getByRole('link', { name: 'Outbox' }).click();
	await page.waitForURL(/\/outbox$/);
	expect(await page.locator('h1').textContent()).toBe('Outbox');
	expect(await page.locator('main').textContent()).toContain('Nothing has been sent yet.');
	expect(await seriousA11yViolations(page)).toEqual([]);
	await page.close();
});
