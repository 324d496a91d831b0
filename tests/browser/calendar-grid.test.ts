/**
 * The hourly week grid in Chromium: an officer drags a meeting to another hour, is shown the clash with
 * what the hall already holds, moves it anyway, and the event has moved with its audit entry; the
 * keyboard goes from event to event and opens the move form with M; without JavaScript the grid is
 * still there and the list layout moves an event with a plain form. axe-core on the grid.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { seriousA11yViolations } from '../helpers/a11y';
import { addUser, TEST_PASSWORD } from '../helpers/accounts';
import { launchBrowser, signedInContext } from '../helpers/browser';
import { withDatabase } from '../helpers/http';
import { insertEvent, insertVenue } from '../helpers/factories';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;
let databaseUrl: string;
let officer: BrowserContext;
let email = '';
const ids = { press: 0, briefing: 0, reception: 0 };
const WEEK = '/calendar?view=week&date=2030-03-12&zone=UTC';

beforeAll(async () => {
	databaseUrl = join(mkdtempSync(join(tmpdir(), 'protokol-calendar-grid-browser-')), 'protokol.db');
	[server, browser] = await Promise.all([startServer({ databaseUrl }), launchBrowser()]);
	email = await addUser(databaseUrl, 'officer');
	officer = await signedInContext(browser, server.url, email, TEST_PASSWORD);
	await withDatabase(databaseUrl, async (db) => {
		const hall = await insertVenue(db, { name: 'Protocol hall' });
		const event = (title: string, kind: 'other' | 'debrief' | 'reception', start: string, end: string) =>
			insertEvent(db, { title, kind, venue_id: hall.id, start_at: start, end_at: end, time_zone: 'UTC' });
		ids.press = (await event('Press conference', 'other', '2030-03-12T10:00:00Z', '2030-03-12T11:00:00Z')).id;
		ids.briefing = (
			await event('Morning briefing', 'debrief', '2030-03-12T08:00:00Z', '2030-03-12T09:00:00Z')
		).id;
		ids.reception = (
			await event('Reception', 'reception', '2030-03-13T17:00:00Z', '2030-03-13T19:00:00Z')
		).id;
	});
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

const startOf = (id: number) =>
	withDatabase(databaseUrl, async (db) => {
		const row = await db
			.selectFrom('event')
			.select(['start_at', 'end_at'])
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		return [new Date(row.start_at).toISOString(), new Date(row.end_at).toISOString()];
	});

test('dragging the briefing onto the press conference’s hour warns of the clash; moved anyway, it is audited', async () => {
	const page = await officer.newPage();
	await page.goto(`${server.url}${WEEK}`);
	expect(await seriousA11yViolations(page)).toEqual([]);
	const briefing = page.locator(`li.event[data-event="${ids.briefing}"]`);
	const tuesday = page.locator('ol.timed[data-date="2030-03-12"]');
	await page.locator('.scroller').evaluate((el) => el.scrollIntoView());
	await briefing.hover();
	await page.locator('[data-calendar-grid][data-interactive]').waitFor();
	const grab = (await briefing.boundingBox())!;
	const day = (await tuesday.boundingBox())!;
	const hour = day.height / 24;
	// Grab the top of the event and drop it so that its top lands at 10:30.
	await page.mouse.move(grab.x + grab.width / 2, grab.y + 2);
	await page.mouse.down();
	await page.mouse.move(grab.x + grab.width / 2, grab.y + 40, { steps: 4 });
	await Promise.all([
		page.waitForURL((url) => url.search.includes('/move')),
		(async () => {
			await page.mouse.move(grab.x + grab.width / 2, day.y + 10.5 * hour + 2, { steps: 4 });
			await page.mouse.up();
		})()
	]);
	const warning = page.getByRole('alert').filter({ hasText: 'Not saved yet' });
	await warning.waitFor();
	expect(await warning.textContent()).toContain('Press conference');
	expect(await page.getByLabel('New start (UTC)').inputValue()).toBe('10:30');
	expect(await startOf(ids.briefing)).toEqual(['2030-03-12T08:00:00.000Z', '2030-03-12T09:00:00.000Z']);

	await Promise.all([
		page.waitForURL((url) => url.search.includes('moved=')),
		page.getByRole('button', { name: 'Move anyway' }).click()
	]);
	expect(await page.getByRole('status').filter({ hasText: 'Moved' }).textContent()).toContain(
		'Moved: Morning briefing, now 10:30–11:30'
	);
	expect(await startOf(ids.briefing)).toEqual(['2030-03-12T10:30:00.000Z', '2030-03-12T11:30:00.000Z']);
	const audit = await withDatabase(databaseUrl, (db) =>
		db
			.selectFrom('audit_entry')
			.select(['action', 'actor_label', 'after_json'])
			.where('event_id', '=', ids.briefing)
			.execute()
	);
	expect(audit.map((a) => [a.action, a.actor_label])).toEqual([['event.update', email]]);
	expect(JSON.parse(audit[0]!.after_json!).clash_overridden).toEqual([ids.press]);
	// Side by side now: two columns on Tuesday from 10:30.
	const moved = page.locator(`li.event[data-event="${ids.briefing}"]`);
	const press = page.locator(`li.event[data-event="${ids.press}"]`);
	const [a, b] = [(await moved.boundingBox())!, (await press.boundingBox())!];
	expect(a.x + a.width <= b.x + 1 || b.x + b.width <= a.x + 1).toBe(true);
	await page.close();
});

test('the keyboard goes from event to event, and M opens the move form for the one in focus', async () => {
	const page = await officer.newPage();
	await page.goto(`${server.url}${WEEK}`);
	await page.locator(`li.event[data-event="${ids.press}"] a`).focus();
	await page.locator('[data-calendar-grid][data-interactive]').waitFor();
	await page.keyboard.press('ArrowRight');
	const focused = () => page.evaluate(() => document.activeElement?.closest('li')?.dataset.event);
	await page.waitForFunction(
		(id) => document.activeElement?.closest('li')?.dataset.event === id,
		String(ids.reception)
	);
	expect(await focused()).toBe(String(ids.reception));
	await page.keyboard.press('ArrowLeft');
	expect(await focused()).not.toBe(String(ids.reception));
	await page.locator(`li.event[data-event="${ids.reception}"] a`).focus();
	await page.keyboard.press('m');
	const form = page.locator('form[data-move-form]');
	expect(await form.isVisible()).toBe(true);
	expect(await form.locator('h2').textContent()).toContain('Reception');
	expect(await page.getByLabel('New date').inputValue()).toBe('2030-03-13');
	expect(await page.getByLabel('New start (UTC)').inputValue()).toBe('17:00');
	await page.getByLabel('New start (UTC)').fill('15:00');
	await Promise.all([page.waitForURL((url) => url.search.includes('moved=')), page.keyboard.press('Enter')]);
	expect(await startOf(ids.reception)).toEqual(['2030-03-13T15:00:00.000Z', '2030-03-13T17:00:00.000Z']);
	await page.close();
});

test('without JavaScript the grid is drawn and the list layout moves an event with a plain form', async () => {
	const context = await signedInContext(browser, server.url, email, TEST_PASSWORD, {
		javaScriptEnabled: false
	});
	const page = await context.newPage();
	await page.goto(`${server.url}${WEEK}`);
	expect(await page.locator('ol.timed').count()).toBe(7);
	expect(await page.locator(`li.event[data-event="${ids.press}"]`).isVisible()).toBe(true);
	await page.getByRole('link', { name: 'List', exact: true }).click();
	await page.getByRole('link', { name: 'Move Press conference' }).click();
	await page.getByLabel('New start (UTC)').fill('14:00');
	await page.getByRole('button', { name: 'Move', exact: true }).click();
	await page.getByRole('status').filter({ hasText: 'Moved' }).waitFor();
	expect(await startOf(ids.press)).toEqual(['2030-03-12T14:00:00.000Z', '2030-03-12T15:00:00.000Z']);
	await context.close();
});
