/**
 * Issue 19's "Done when" for a visit, in Chromium on the built server with the demo data: an officer
 * opens Visits from the main navigation, plans a two-day official visit of IOM's Director General with
 * a second member in his delegation, adds an arrival, the two meetings that are events of their own, a
 * dinner for the Director General alone and a departure — an end before the start refused beside its
 * field — and prints the second member's itinerary (page.pdf, pdftotext): only the arrival and the
 * departure are theirs. axe-core on the visit form, the item form, the programme and the itinerary.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { seriousA11yViolations } from '../helpers/a11y';
import { addUser, TEST_PASSWORD } from '../helpers/accounts';
import { launchBrowser, signedInContext } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

let dir: string;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-visits-browser-'));
	const databaseUrl = join(dir, 'protokol.db');
	[server, browser] = await Promise.all([startServer({ databaseUrl }), launchBrowser()]);
	const email = await addUser(databaseUrl, 'officer');
	context = await signedInContext(browser, server.url, email, TEST_PASSWORD);
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Types into a chooser and picks the first record offered whose name matches. */
async function choose(page: Page, field: string, typed: string, option: RegExp) {
	const input = page.locator(`#field-${field}[role="combobox"]`);
	await input.focus();
	await page.keyboard.type(typed, { delay: 30 });
	await page.locator(`#field-${field}-listbox`).getByRole('option', { name: option }).first().click();
}

/** Opens the item form of a kind from the visit's page, as the officer does. */
async function startItem(page: Page, kind: string) {
	await page.getByLabel('Add to the programme').selectOption({ label: kind });
	await page.getByRole('button', { name: 'Add', exact: true }).click();
	await page.waitForURL(/\/items\/new\?kind=/);
}

async function saveItem(page: Page) {
	await page.getByRole('button', { name: 'Add to the programme' }).click();
	await page.waitForURL(/\/visits\/\d+#item-\d+$/);
}

async function logistics(
	page: Page,
	kind: string,
	fields: { title: string; start: string; end: string; place?: string; flight?: string; greeter?: string }
) {
	await startItem(page, kind);
	await page.getByLabel('Title').fill(fields.title);
	await page.getByLabel('Start').fill(fields.start);
	await page.getByLabel('End').fill(fields.end);
	if (fields.place) await page.getByLabel(/^(Place|Airport or station)$/).fill(fields.place);
	if (fields.flight) await page.getByLabel('Flight or train').fill(fields.flight);
	if (fields.greeter) await page.getByLabel(/^(Greeted|Seen off) by$/).fill(fields.greeter);
}

async function meeting(page: Page, title: RegExp) {
	await startItem(page, 'Meeting');
	const select = page.getByLabel('Meeting (event)');
	const value = await select.locator('option', { hasText: title }).first().getAttribute('value');
	await select.selectOption(value!);
	await saveItem(page);
}

test('an officer plans a two-day official visit and prints one member’s itinerary with only their items', async () => {
	const page = await context.newPage();
	await page.goto(`${server.url}/`);
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Visits' }).click();
	await page.waitForURL(/\/visits$/);
	await page.getByRole('link', { name: 'Plan a visit' }).click();
	await page.waitForURL(/\/visits\/new$/);

	await page.getByLabel('Title').fill('Official visit of the Director General of IOM to Baku');
	await choose(
		page,
		'organizationId',
		'International Organization',
		/^International Organization for Migration/
	);
	await choose(page, 'memberIds', 'Swing', /William Lacy Swing/);
	await choose(page, 'memberIds', 'Prentice', /Jonathan Prentice/);
	await choose(
		page,
		'hostOrganizationId',
		'Government of the Republic',
		/Government of the Republic of Azerbaijan/
	);
	await page.getByLabel('First day').fill('2017-01-16');
	await page.getByLabel('Last day').fill('2017-01-17');
	await page.getByLabel('Time zone').selectOption('Asia/Baku');
	expect(await seriousA11yViolations(page)).toEqual([]);
	await page.getByRole('button', { name: 'Plan the visit' }).click();
	await page.waitForURL(/\/visits\/\d+$/);
	const visitUrl = page.url();

	// An end before the start is refused beside the field, and what was typed stays.
	await logistics(page, 'Arrival', {
		title: 'Arrival of the delegation',
		start: '2017-01-16T08:30',
		end: '2017-01-16T08:00',
		place: 'Heydar Aliyev International Airport',
		flight: 'TK 334',
		greeter: 'Chief of Protocol'
	});
	expect(await seriousA11yViolations(page)).toEqual([]);
	await page.getByRole('button', { name: 'Add to the programme' }).click();
	await expect
		.poll(() => page.locator('#field-end-error').textContent())
		.toContain('The end cannot come before the start.');
	expect(await page.getByLabel('Flight or train').inputValue()).toBe('TK 334');
	await page.getByLabel('End').fill('2017-01-16T09:00');
	await saveItem(page);

	await meeting(page, /Ilham Aliyev/);
	await meeting(page, /Official visit of the Director General of IOM/);
	await logistics(page, 'Meal', {
		title: 'Official dinner',
		start: '2017-01-16T19:30',
		end: '2017-01-16T21:30',
		place: 'Gulustan Palace'
	});
	await page.getByLabel('For the whole delegation').uncheck();
	await page.getByLabel('Or only for').selectOption({ label: 'Mr William Lacy Swing' });
	await saveItem(page);
	await logistics(page, 'Departure', {
		title: 'Departure of the delegation',
		start: '2017-01-17T10:00',
		end: '2017-01-17T10:30',
		place: 'Heydar Aliyev International Airport',
		flight: 'TK 335',
		greeter: 'Deputy Chief of Protocol'
	});
	await saveItem(page);

	const programme = page.locator('#programme');
	expect(await programme.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
		'Programme',
		'Monday 16 January 2017',
		'Tuesday 17 January 2017'
	]);
	const text = (await programme.textContent())!.replace(/\s+/g, ' ');
	for (const title of [
		'Arrival of the delegation',
		'Ilham Aliyev',
		'Official dinner',
		'Departure of the delegation'
	]) {
		expect(text).toContain(title);
	}
	expect(await seriousA11yViolations(page)).toEqual([]);

	await page.getByRole('link', { name: 'Itinerary' }).nth(1).click();
	await page.waitForURL(/\/itinerary\/\d+$/);
	expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Itinerary');
	expect(await seriousA11yViolations(page)).toEqual([]);
	const pdf = join(dir, 'itinerary.pdf');
	writeFileSync(pdf, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
	const printed = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
	expect(printed).toContain('Mr Jonathan Prentice');
	expect(printed).toContain('Arrival of the delegation');
	expect(printed).toContain('TK 334');
	expect(printed).toContain('Departure of the delegation');
	expect(printed).not.toContain('Official dinner');
	expect(printed).not.toContain('Ilham Aliyev');
	expect(printed).not.toContain('Print');
	expect(printed).not.toContain('Visits');

	// The head of delegation's own has his dinner and his meetings.
	await page.goto(visitUrl);
	await page.getByRole('link', { name: 'Itinerary' }).first().click();
	await page.waitForURL(/\/itinerary\/\d+$/);
	const his = (await page.locator('main').textContent())!.replace(/\s+/g, ' ');
	expect(his).toContain('Official dinner');
	expect(his).toContain('Ilham Aliyev');
});
