/**
 * Issue 19's seating walk, as a new user would: open the next International Migrants Day, make its
 * seating plan from the guest list, move a guest with the keyboard, and print the table diagram (A3
 * landscape) and the place cards with Chromium (a guest dragged too), reading the PDFs back; every page axe-clean.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { seriousA11yViolations } from '../helpers/a11y';
import { addUser, TEST_PASSWORD } from '../helpers/accounts';
import { launchBrowser, signedInContext } from '../helpers/browser';
import { withDatabase } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;
let officerEmail: string;
let dir: string;
let eventId: number;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-seating-browser-'));
	const databaseUrl = join(dir, 'protokol.db');
	[server, browser] = await Promise.all([startServer({ databaseUrl }), launchBrowser()]);
	officerEmail = await addUser(databaseUrl, 'officer');
	eventId = await withDatabase(databaseUrl, async (db) => {
		const row = await db
			.selectFrom('event')
			.select('id')
			.where('title', 'like', 'International Migrants Day%')
			.orderBy('start_at', 'desc')
			.executeTakeFirstOrThrow();
		return row.id;
	});
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
	if (dir && process.env.KEEP_SEATING_PDFS) execFileSync('cp', ['-r', dir, process.env.KEEP_SEATING_PDFS]);
	if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The page as Chromium prints it, with the page's own @page size: its text and its pages' size. */
async function printed(page: Page, name: string) {
	const file = join(dir, `${name}.pdf`);
	writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
	const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
	const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
	const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info) ?? [];
	return {
		text,
		pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]),
		width: Number(width),
		height: Number(height)
	};
}

/** Who the plan's seat list shows at a seat: "Top table" seat 2 → the guest's name. */
const guestAt = (page: Page, table: string, seat: number) =>
	page
		.locator('table.seats', { has: page.locator('caption', { hasText: table }) })
		.locator('tbody tr')
		.nth(seat - 1)
		.locator('td')
		.nth(2)
		.innerText();

test('the seating plan of the next International Migrants Day: made from the guest list, a guest moved with the keyboard, diagram and place cards printed', async () => {
	const context = await signedInContext(browser, server.url, officerEmail, TEST_PASSWORD);
	try {
		const page = await context.newPage();
		await page.goto(`${server.url}/events/${eventId}`);
		await page.getByRole('link', { name: 'Seating plan' }).click();
		await page.waitForURL(new RegExp(`/events/${eventId}/seating$`));
		expect(await seriousA11yViolations(page)).toEqual([]);

		// Made again from the guest list: a long top table of four, round tables of four.
		await page.getByLabel('Seats at the top table').fill('4');
		await page.getByLabel('Seats per table').fill('4');
		await page.getByRole('button', { name: 'Generate again' }).click();
		await page.waitForURL(new RegExp(`/events/${eventId}/seating$`));
		expect(await guestAt(page, 'Top table', 1)).toContain('Huseynov');
		const second = await guestAt(page, 'Top table', 2);
		const fourth = await guestAt(page, 'Top table', 4);
		expect(second).not.toBe('');
		expect(await page.locator('#warnings-heading + p').innerText()).toContain('None');

		// With the keyboard: pick up seat 2 (first on the host's right), go on to seat 4 (second on the
		// right), put it down; the two swap.
		const seat2 = page.locator('g.seat[tabindex="0"]').nth(1);
		await seat2.focus();
		await page.keyboard.press('Enter');
		await expect
			.poll(() => page.locator('[role=status]').innerText())
			.toContain('Picked up Top table, seat 2');
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowRight');
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		expect(await guestAt(page, 'Top table', 2)).toBe(fourth);
		expect(await guestAt(page, 'Top table', 4)).toBe(second);
		const moved = await page.locator('ol.changes').innerText();
		expect(moved).toContain('Top table, seat 2 → Top table, seat 4');
		// The guest of honour now sits further from the host than someone after them, on the same side.
		expect(await page.locator('ul.warnings').innerText()).toContain('Out of precedence');
		expect(await seriousA11yViolations(page)).toEqual([]);

		// Dragging: the first seat of Table 2 onto its empty fourth; a move.
		const first = await guestAt(page, 'Table 2', 1);
		const box = async (seat: number) =>
			(await page
				.locator(`g.seat[tabindex="0"]`)
				.nth(4 + seat - 1)
				.locator('circle')
				.boundingBox())!;
		const [from, to] = [await box(1), await box(4)];
		await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
		await page.mouse.down();
		await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 5 });
		await Promise.all([page.waitForNavigation(), page.mouse.up()]);
		expect(await guestAt(page, 'Table 2', 4)).toBe(first);
		expect(await guestAt(page, 'Table 2', 1)).toBe('empty');

		// The table diagram on A3 landscape.
		await page.getByRole('link', { name: 'Print the table diagram' }).click();
		await page.waitForURL(/\/seating\/print$/);
		await page.getByRole('link', { name: 'A3 landscape' }).click();
		await page.waitForURL(/paper=a3$/);
		expect(await seriousA11yViolations(page)).toEqual([]);
		const diagram = await printed(page, 'diagram');
		expect(diagram.pages).toBe(1);
		// A3 landscape: 420 × 297 mm.
		expect(Math.round(diagram.width)).toBe(1191);
		expect(Math.round(diagram.height)).toBe(842);
		expect(diagram.text).toContain('Top table');
		expect(diagram.text).toContain('Huseynov');
		expect(diagram.text).toContain('Table 2');

		// The place cards: two to an A4 sheet, each with the exact form of address and name.
		await page.goto(`${server.url}/events/${eventId}/seating`);
		await page.getByRole('link', { name: 'Place cards' }).click();
		await page.waitForURL(/\/seating\/cards$/);
		expect(await seriousA11yViolations(page)).toEqual([]);
		const cards = await printed(page, 'cards');
		const seated = await page.locator('.face.front').count();
		expect(seated).toBeGreaterThan(4);
		expect(cards.pages).toBe(Math.ceil(seated / 2));
		expect(Math.round(cards.width)).toBe(595);
		expect(cards.text).toContain('Mr');
		expect(cards.text).toContain('Vusal Huseynov');
		expect(cards.text).toContain('Top table · seat 1');

		await page.getByRole('link', { name: 'Table cards' }).click();
		await page.waitForURL(/\/seating\/table-cards$/);
		expect(await seriousA11yViolations(page)).toEqual([]);
		const tables = await printed(page, 'tables');
		expect(tables.text).toContain('Top table');
		expect(tables.text).toContain('Table 2');
	} finally {
		await context.close();
	}
});
