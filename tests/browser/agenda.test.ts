/**
 * The agenda builder in Chromium: an officer reorders items by keyboard alone and by dragging, adds
 * and edits items with and without JavaScript, names people on items, and prints the programme to PDF.
 * Each test works on an event of its own, made in the server's database through the domain.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addAgendaItem, assignToAgendaItem } from '$lib/server/agenda/agenda.service';
import { openDatabase, type DatabaseHandle } from '$lib/server/db/connection';
import { seriousA11yViolations } from '../helpers/a11y';
import { addUser, TEST_PASSWORD } from '../helpers/accounts';
import { launchBrowser, signedInContext } from '../helpers/browser';
import { insertEvent, insertPerson } from '../helpers/factories';
import { startServer, type RunningServer } from '../helpers/server';

let dir: string;
let server: RunningServer;
let browser: Browser;
let officer: BrowserContext;
let viewer: BrowserContext;
let handle: DatabaseHandle;

const setup = { userId: null, label: 'test setup', role: 'system' as const };

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-agenda-'));
	const databaseUrl = join(dir, 'protokol.db');
	[server, browser] = await Promise.all([startServer({ databaseUrl }), launchBrowser()]);
	const [officerEmail, viewerEmail] = [
		await addUser(databaseUrl, 'officer'),
		await addUser(databaseUrl, 'viewer')
	];
	officer = await signedInContext(browser, server.url, officerEmail, TEST_PASSWORD);
	viewer = await signedInContext(browser, server.url, viewerEmail, TEST_PASSWORD);
	handle = openDatabase(databaseUrl);
});
afterAll(async () => {
	await handle?.close();
	await browser?.close();
	await server?.stop();
});

/** International Migrants Day, 10:00 in Baku, with the items given as [title, minutes]. */
async function eventWithAgenda(title: string, items: [string, number][]) {
	const event = await insertEvent(handle.db, {
		title,
		kind: 'observance',
		theme: 'Harnessing the potential of human mobility',
		start_at: '2022-12-16T06:00:00.000Z',
		end_at: '2022-12-16T08:30:00.000Z',
		time_zone: 'Asia/Baku'
	});
	const added = [];
	for (const [itemTitle, minutes] of items) {
		added.push(
			await addAgendaItem(handle.db, setup, event.id, {
				kind: 'speech',
				title: itemTitle,
				durationMinutes: minutes,
				notes: null,
				published: true
			})
		);
	}
	return { event, items: added };
}

const titles = (page: Page) => page.locator('ol.builder .item-title').allTextContents();
const times = (page: Page) => page.locator('ol.builder .when time').allTextContents();
const focusedLabel = (page: Page) =>
	page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id ?? '');

/** Presses Tab until the element with this accessible label (aria-label) has the focus. */
async function tabTo(page: Page, label: string) {
	for (let i = 0; i < 80; i++) {
		await page.keyboard.press('Tab');
		if ((await focusedLabel(page)) === label) return;
	}
	throw new Error(`Tab never reached “${label}”`);
}

test('an officer reorders the agenda with the keyboard alone, Up and Down, and the focus stays on the item', async () => {
	const { event } = await eventWithAgenda('Keyboard Day', [
		['Welcoming address', 15],
		['Opening speech', 10],
		['Video message', 10]
	]);
	const page = await officer.newPage();
	await page.goto(`${server.url}/events/${event.id}/agenda`);
	expect(await times(page)).toEqual(['10:00–10:15', '10:15–10:25', '10:25–10:35']);

	await tabTo(page, 'Move “Video message” up');
	await page.keyboard.press('Enter');
	await expect.poll(() => titles(page)).toEqual(['Welcoming address', 'Video message', 'Opening speech']);
	expect(await focusedLabel(page)).toBe('Move “Video message” up');
	await expect
		.poll(() => page.getByRole('status').first().textContent())
		.toContain('“Video message” moved to number 2 of 3, 10:15–10:25');

	// Again, from where the focus stayed: now it is first, and Up is no longer there to press.
	await page.keyboard.press('Enter');
	await expect.poll(() => titles(page)).toEqual(['Video message', 'Welcoming address', 'Opening speech']);
	expect(await focusedLabel(page)).toBe('Move “Video message” down');
	expect(await times(page)).toEqual(['10:00–10:10', '10:10–10:25', '10:25–10:35']);

	await page.keyboard.press('Enter');
	await expect.poll(() => titles(page)).toEqual(['Welcoming address', 'Video message', 'Opening speech']);
	await page.close();
});

test('an officer drags an item to a new place; the times follow and the move is announced', async () => {
	const { event, items } = await eventWithAgenda('Dragging Day', [
		['Welcoming address', 15],
		['Opening speech', 10],
		['Migration Profile of the Republic of Azerbaijan', 65]
	]);
	const page = await officer.newPage();
	await page.goto(`${server.url}/events/${event.id}/agenda`);
	await page.locator('.handle').first().waitFor();
	const profile = page.locator(`#item-${items[2]!.id}`);
	const welcome = page.locator(`#item-${items[0]!.id}`);
	// Dropped on the upper part of the first item: it goes before it.
	await profile.dragTo(welcome, { targetPosition: { x: 40, y: 4 } });
	await expect
		.poll(() => titles(page))
		.toEqual(['Migration Profile of the Republic of Azerbaijan', 'Welcoming address', 'Opening speech']);
	await expect.poll(() => times(page)).toEqual(['10:00–11:05', '11:05–11:20', '11:20–11:30']);
	await expect.poll(() => page.getByRole('status').first().textContent()).toContain('moved to number 1 of 3');
	expect(await page.evaluate(() => document.activeElement?.id)).toBe(`item-${items[2]!.id}`);

	// The server has it: a fresh load shows the same order.
	await page.reload();
	expect(await titles(page)).toEqual([
		'Migration Profile of the Republic of Azerbaijan',
		'Welcoming address',
		'Opening speech'
	]);
	await page.close();
});

test('without JavaScript an officer adds an item, is told what is wrong beside the field, and moves it up', async () => {
	const { event } = await eventWithAgenda('Plain Forms Day', [['Welcoming address', 15]]);
	const context = await browser.newContext({
		javaScriptEnabled: false,
		storageState: await officer.storageState()
	});
	const page = await context.newPage();
	await page.goto(`${server.url}/events/${event.id}/agenda`);
	expect(await page.locator('.handle').count()).toBe(0);

	await page.getByLabel('Title').fill('Closing remarks');
	await page.getByLabel('Length in minutes').fill('0');
	await page.getByRole('button', { name: 'Add item' }).click();
	expect(await page.locator('#field-durationMinutes-error').textContent()).toContain('whole minutes');
	// What was typed is still there.
	expect(await page.getByLabel('Title').inputValue()).toBe('Closing remarks');

	await page.getByLabel('Length in minutes').fill('5');
	await page.getByRole('button', { name: 'Add item' }).click();
	expect(await titles(page)).toEqual(['Welcoming address', 'Closing remarks']);
	expect(await times(page)).toEqual(['10:00–10:15', '10:15–10:20']);

	await page.getByRole('button', { name: 'Move “Closing remarks” up' }).click();
	expect(await titles(page)).toEqual(['Closing remarks', 'Welcoming address']);
	expect(await page.getByRole('status').first().textContent()).toContain('moved to number 1 of 2');

	// Removing asks first: the button only shows once "Remove …" is opened.
	await page.locator('details.remove summary', { hasText: 'Remove' }).first().click();
	await page.getByRole('button', { name: 'Yes, remove it' }).first().click();
	expect(await titles(page)).toEqual(['Welcoming address']);
	await context.close();
});

test('an officer edits an item and names someone from the directory on it', async () => {
	const { event, items } = await eventWithAgenda('Naming Day', [
		['Welcoming address', 15],
		['Video message', 10]
	]);
	await insertPerson(handle.db, {
		honorific: 'H.E. Mr',
		given_name: 'Ambrose',
		family_name: 'Testwell',
		position: 'Director General of a test organisation'
	});
	const page = await officer.newPage();
	await page.goto(`${server.url}/events/${event.id}/agenda`);
	await page.getByRole('link', { name: 'Edit “Video message” and its people' }).click();
	await page.waitForURL(new RegExp(`/agenda/${items[1]!.id}$`));
	await page.getByLabel('Length in minutes').fill('20');
	await page.getByRole('button', { name: 'Save item' }).click();
	await page.waitForURL(/\/agenda\?moved=/);
	expect(await times(page)).toEqual(['10:00–10:15', '10:15–10:35']);

	await page.goto(`${server.url}/events/${event.id}/agenda/${items[1]!.id}`);
	await page.getByLabel('Find someone in the directory').fill('Testwell');
	await page.getByRole('button', { name: 'Find', exact: true }).click();
	await page
		.getByLabel('Person')
		.selectOption({ label: 'H.E. Mr Ambrose Testwell (Director General of a test organisation)' });
	await page.getByLabel('Role').selectOption('video_message');
	await page.getByRole('button', { name: 'Name on this item' }).click();
	await expect
		.poll(() => page.locator('#people [role="status"]').textContent())
		.toContain('added to its participants as a speaker, invited');
	expect(await page.locator('#people li').first().textContent()).toContain('H.E. Mr Ambrose Testwell');

	expect(await seriousA11yViolations(page)).toEqual([]);
	await page.close();
});

test('naming someone booked elsewhere at the time warns with both times, and Name anyway goes ahead', async () => {
	const { event, items } = await eventWithAgenda('Clash Day', [['Welcoming address', 15]]);
	const chief = await insertPerson(handle.db, { given_name: 'Bookedwell', family_name: 'Elsewhere' });
	// 08:00 in Geneva on the same morning is 11:00 in Baku, during Clash Day (10:00–12:30 in Baku).
	const geneva = await insertEvent(handle.db, {
		title: 'Consultations in Geneva',
		start_at: '2022-12-16T07:00:00.000Z',
		end_at: '2022-12-16T08:00:00.000Z',
		time_zone: 'Europe/Zurich'
	});
	const now = new Date().toISOString();
	await handle.db
		.insertInto('event_participant')
		.values({ event_id: geneva.id, person_id: chief.id, role: 'guest', created_at: now, updated_at: now })
		.execute();

	const page = await officer.newPage();
	await page.goto(`${server.url}/events/${event.id}/agenda/${items[0]!.id}?q=Bookedwell`);
	await page.getByLabel('Person').selectOption({ label: 'Mr Bookedwell Elsewhere' });
	await page.getByRole('button', { name: 'Name on this item' }).click();
	const warning = page.locator('.clashes');
	await warning.waitFor();
	expect(await warning.textContent()).toContain('Consultations in Geneva');
	expect(await warning.textContent()).toContain('08:00–09:00 (Europe/Zurich, UTC+1)');
	expect(await warning.textContent()).toContain('10:00–12:30 (Asia/Baku, UTC+4)');
	expect(await page.locator('#people ul.plain li').count()).toBe(0);

	await page.getByRole('button', { name: 'Name anyway' }).click();
	await expect
		.poll(() => page.locator('#people [role="status"]').textContent())
		.toContain('Mr Bookedwell Elsewhere named on this item');
	await page.close();
});

test('the agenda page has no serious accessibility violations', async () => {
	const { event } = await eventWithAgenda('Accessible Day', [
		['Welcoming address', 15],
		['Opening speech', 10]
	]);
	const page = await officer.newPage();
	await page.goto(`${server.url}/events/${event.id}/agenda`);
	await page.locator('.handle').first().waitFor();
	expect(await seriousA11yViolations(page)).toEqual([]);
	await page.close();
});

test('the programme prints on A4 with the titles in order and the speakers, without the navigation', async () => {
	const { event, items } = await eventWithAgenda('International Migrants Day 2022', [
		['Welcoming address', 15],
		['Opening speech', 10],
		['Migration Profile of the Republic of Azerbaijan', 65]
	]);
	await addAgendaItem(handle.db, setup, event.id, {
		kind: 'break',
		title: 'Internal rehearsal',
		durationMinutes: 10,
		notes: null,
		published: false
	});
	const speaker = await insertPerson(handle.db, {
		honorific: 'Mr',
		given_name: 'Vusal',
		family_name: 'Mammadli',
		rank: 'II rank state migration service counselor',
		position: 'Head of the International Relations Department'
	});
	await assignToAgendaItem(handle.db, setup, items[0]!.id, speaker.id, 'speaker');

	const page = await viewer.newPage();
	await page.goto(`${server.url}/events/${event.id}/programme`);
	expect(await seriousA11yViolations(page)).toEqual([]);
	// The Print button is there on screen (the script runs) and gone on paper.
	await page.getByRole('button', { name: 'Print' }).waitFor();
	const pdf = join(dir, `programme-${event.id}.pdf`);
	writeFileSync(pdf, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
	// pdftotext keeps the lines of the page; a name or a title may wrap, so spaces are made single.
	const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

	expect(text).toContain('International Migrants Day 2022');
	expect(text).toContain('Harnessing the potential of human mobility');
	const order = [
		'Welcoming address',
		'Opening speech',
		'Migration Profile of the Republic of Azerbaijan'
	].map((title) => text.indexOf(title));
	expect(order.every((at) => at >= 0)).toBe(true);
	expect(order).toEqual([...order].sort((a, b) => a - b));
	expect(text).toContain('Mr Vusal Mammadli');
	expect(text).toContain('Head of the International Relations Department');
	expect(text).toContain('10:00–10:15');
	expect(text).toContain('Asia/Baku');
	expect(text).not.toContain('Internal rehearsal');
	for (const chrome of ['Correspondence', 'Organisations', 'Sign out', 'Back to the event', 'Print']) {
		expect(text, chrome).not.toContain(chrome);
	}
	await page.close();
});
