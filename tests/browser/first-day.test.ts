/**
 * The planning journey of a new officer, as the README's "A first day with Protokol" tells it, in one
 * Chromium session on a fresh database with the demo data: next year's International Migrants Day from
 * last year's, a change to its agenda, a delegation invited from a CSV file, who has not answered, and
 * the warning that the Chief of the Service is already booked when another meeting is planned at the
 * same hour. Every step goes through the pages a person would use, keyboard and mouse, nothing by SQL.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { seriousA11yViolations } from '../helpers/a11y';
import { addUser, TEST_PASSWORD } from '../helpers/accounts';
import { launchBrowser, signedInContext } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

let dir: string;
let server: RunningServer;
let browser: Browser;
let page: Page;
let imd2022Path = '';

const DELEGATION_CSV = [
	'honorific,given_name,family_name,organisation,position,email,role,delegation',
	'Ms,Leyla,Quliyeva,SMS,Head of the Protocol Division,leyla@migration.gov.az,Delegation member,State Migration Service',
	'Mr,Rəşad,Əhmədov,SMS,"Adviser, International Relations",rashad@migration.gov.az,Delegation member,State Migration Service'
].join('\n');

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-first-day-'));
	const databaseUrl = join(dir, 'protokol.db');
	[server, browser] = await Promise.all([startServer({ databaseUrl }), launchBrowser()]);
	const context = await signedInContext(
		browser,
		server.url,
		await addUser(databaseUrl, 'officer'),
		TEST_PASSWORD
	);
	page = await context.newPage();
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

test("1. next year's International Migrants Day is created from last year's", async () => {
	await page.goto(`${server.url}/events?when=past`);
	await page.getByRole('link', { name: 'International Migrants Day 2021' }).click();
	await page.getByRole('link', { name: 'Duplicate' }).click();
	await page.waitForURL(/\/duplicate$/);
	expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe(
		'International Migrants Day 2022'
	);
	await page.getByRole('button', { name: 'Create the new edition' }).click();
	await page.waitForURL((url) => /^\/events\/\d+$/.test(url.pathname));
	imd2022Path = new URL(page.url()).pathname;
	expect(await page.locator('h1').textContent()).toBe('International Migrants Day 2022');
	expect(await page.locator('dl.facts').textContent()).toContain('Saturday 17 December 2022, 10:00–12:30');
});

test('2. its agenda gets a new item, moved up by keyboard, and the times follow', async () => {
	expect(imd2022Path).not.toBe('');
	await page.goto(`${server.url}${imd2022Path}/agenda`);
	const titles = () => page.locator('ol.builder .item-title').allTextContents();
	const before = await titles();
	expect(before.length).toBeGreaterThan(2);
	await page.getByLabel('Title').fill('Message of the youth delegates');
	await page.getByLabel('Length in minutes').fill('10');
	await page.getByRole('button', { name: 'Add item' }).click();
	await expect.poll(titles).toEqual([...before, 'Message of the youth delegates']);

	await page.getByRole('button', { name: 'Move “Message of the youth delegates” up' }).focus();
	await page.keyboard.press('Enter');
	await expect
		.poll(() => page.getByRole('status').first().textContent())
		.toMatch(
			new RegExp(
				`“Message of the youth delegates” moved to number ${before.length} of ${before.length + 1}, \\d\\d:\\d\\d–\\d\\d:\\d\\d`
			)
		);
	expect((await titles()).at(-2)).toBe('Message of the youth delegates');
	expect(await seriousA11yViolations(page)).toEqual([]);
});

test('3. a delegation is invited from a CSV file, previewed before anything is saved', async () => {
	await page.goto(`${server.url}${imd2022Path}/participants`);
	const file = join(dir, 'delegation.csv');
	writeFileSync(file, DELEGATION_CSV, 'utf8');
	await page.getByLabel('CSV file', { exact: true }).setInputFiles(file);
	await page.getByRole('button', { name: 'Preview' }).click();
	const preview = page.locator('section.preview');
	await preview.waitFor();
	expect(await preview.locator('tbody tr').count()).toBe(2);
	expect(await preview.textContent()).toContain('New sides: State Migration Service');
	await page.getByRole('button', { name: 'Confirm and invite 2 people' }).click();
	await page.getByRole('status').filter({ hasText: 'Imported: 2 new people' }).waitFor();
	expect(await page.locator('#delegations li.side').allTextContents()).toEqual([
		expect.stringContaining('State Migration Service')
	]);
});

test('4. the officer sees who has not answered', async () => {
	const unanswered = await page.locator('ul[aria-labelledby="unanswered-heading"] > li').allTextContents();
	expect(unanswered).toEqual(
		expect.arrayContaining([expect.stringContaining('Quliyeva'), expect.stringContaining('Əhmədov')])
	);
	// Nobody of the new edition has answered: the answers of 2021 stayed with 2021.
	expect(await page.locator('.rsvp-counts .status-accepted dd').textContent()).toBe('0');
});

test('5. planning another meeting at the same hour warns that the Chief of the Service is booked', async () => {
	await page.goto(`${server.url}/events/new`);
	await page.getByLabel('Kind', { exact: true }).selectOption('bilateral_meeting');
	await page.getByLabel('Title', { exact: true }).fill('Meeting with the Ambassador of Georgia');
	await page.getByLabel('Start', { exact: true }).fill('2022-12-17T11:00');
	await page.getByLabel('End', { exact: true }).fill('2022-12-17T12:00');
	await page.getByLabel('Time zone', { exact: true }).selectOption('Asia/Baku');
	await page.getByLabel('Online link').fill('https://meet.example.gov/georgia');
	await page.getByRole('button', { name: 'Create event' }).click();
	await page.waitForURL((url) => /^\/events\/\d+$/.test(url.pathname));
	const meetingPath = new URL(page.url()).pathname;

	await page.goto(`${server.url}${meetingPath}/participants`);
	await page.getByLabel('Find a person by name').fill('Hüseynov');
	await page.getByRole('button', { name: 'Find' }).click();
	const invite = page.locator('#invite');
	await invite.getByLabel('Person', { exact: true }).selectOption({ label: 'Mr Vusal Huseynov, SMS' });
	await invite.getByRole('button', { name: 'Invite', exact: true }).click();
	const warning = page.locator('.clash');
	await warning.waitFor();
	const said = await warning.textContent();
	expect(said).toContain('International Migrants Day 2022');
	expect(said).toContain('Saturday 17 December 2022, 10:00–12:30 (Asia/Baku, UTC+4)');
	// Nothing was saved while the warning stands.
	expect(await page.locator('table.participants tbody tr').count()).toBe(0);
});
