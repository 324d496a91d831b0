/**
 * The brief an official takes into the room: the seeded meeting of the Chief of the State Migration
 * Service with IOM's Regional Director printed by Chromium on A4 is exactly one page, with every section;
 * then an officer carries an open action point to a new meeting with IOM (searching for it as one types)
 * and finds it on that meeting's brief, which still prints on one page. In Azerbaijani and Russian, whose
 * words are longer, the seeded brief still prints on one page.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addUser, TEST_PASSWORD } from '../helpers/accounts';
import { launchBrowser, signedInContext } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;
let officerEmail: string;
let dir: string;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-brief-browser-'));
	[server, browser] = await Promise.all([
		startServer({ databaseUrl: join(dir, 'protokol.db') }),
		launchBrowser()
	]);
	officerEmail = await addUser(join(dir, 'protokol.db'), 'officer');
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

/** The page printed as Chromium prints it on A4, and how many pages that came to (pdfinfo). */
async function printedPages(page: Page, name: string): Promise<number> {
	const pdf = await page.pdf({ format: 'A4' });
	const file = join(dir, `${name}.pdf`);
	writeFileSync(file, pdf);
	const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
	return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

const SECTIONS = [
	'Delegations',
	'Topics and talking points',
	'Follow-up from earlier meetings',
	'Last meetings with the partner',
	'Open action points with the partner',
	'Agreements in force',
	'Cooperation projects running',
	'Latest correspondence'
];

test('the seeded meeting’s brief prints on exactly one A4 page, with every section', async () => {
	const context = await signedInContext(browser, server.url, officerEmail, TEST_PASSWORD);
	try {
		const page = await context.newPage();
		await page.goto(`${server.url}/events/15`);
		await page.getByRole('link', { name: 'One-page brief' }).click();
		await page.waitForURL(/\/events\/15\/brief$/);
		expect(await page.locator('article.brief h2').allTextContents()).toEqual(SECTIONS);
		const text = await page.locator('article.brief').innerText();
		expect(text).toContain('International Organization for Migration (IOM) → IOM Regional Office');
		expect(text).toContain('Mr Vusal Huseynov');
		expect(text).toContain('II rank state migration service counselor');
		expect(text).toContain('The Global Compact for Safe, Orderly and Regular Migration (GCM)');
		expect(text).toContain('In force since 2 March 2017');
		// An agreement shows its legal state, never an action point's "Done".
		const agreements = await page.locator('section[aria-labelledby="agreements-heading"]').innerText();
		expect(agreements).not.toMatch(/\bDone\b/);
		expect(text).toMatch(/… and \d+ older meetings? not shown here\./);
		expect(await printedPages(page, 'seeded-brief')).toBe(1);
	} finally {
		await context.close();
	}
});

test('an action point carried to a new meeting with IOM is on that meeting’s brief', async () => {
	const context = await signedInContext(browser, server.url, officerEmail, TEST_PASSWORD);
	try {
		const page = await context.newPage();
		// A new meeting with IOM, a year ahead.
		const next = new Date();
		next.setFullYear(next.getFullYear() + 1);
		await page.goto(`${server.url}/events/new`);
		await page
			.getByLabel('Title', { exact: true })
			.fill('Meeting of the Chief of the Service with the IOM Chief of Mission');
		await page.getByLabel('Kind', { exact: true }).selectOption('bilateral_meeting');
		await page.getByLabel('Start', { exact: true }).fill(`${next.getFullYear()}-03-10T11:00`);
		await page.getByLabel('End', { exact: true }).fill(`${next.getFullYear()}-03-10T12:00`);
		await page.getByLabel('Online link').fill('https://meet.example.org/iom');
		await page.getByLabel('Time zone', { exact: true }).selectOption('Asia/Baku');
		// Hosts are chosen by name: an acronym names one organisation exactly.
		await page.locator('#field-host').fill('SMS');
		await page.locator('#field-coHost').fill('IOM');
		await page.getByRole('button', { name: 'Create event' }).click();
		await page.waitForURL(/\/events\/\d+$/);
		const eventId = Number(/\/events\/(\d+)$/.exec(page.url())![1]);
		// The new meeting offers the open action points with its hosts to carry over.
		expect(await page.locator('section[aria-labelledby="carry-heading"]').innerText()).toContain(
			'Adjust the draft work plan of UNNM Azerbaijan'
		);

		// The IMRF debrief's open action point, carried to it from its own page.
		await page.goto(`${server.url}/outcomes?kind=action_point`);
		await page
			.getByRole('link', { name: /Adjust the draft work plan of UNNM Azerbaijan/ })
			.first()
			.click();
		await page.waitForURL(/\/outcomes\/\d+$/);
		await page
			.getByLabel('A later meeting, existing or planned, by words of its title')
			.pressSequentially('Chief of Mission', { delay: 30 });
		await page.waitForURL(/find=Chief/);
		await page
			.getByRole('button', { name: /Carry it here Meeting of the Chief of the Service with the IOM/ })
			.click();
		await page.waitForURL(/#thread$/);
		expect(await page.locator('#thread').innerText()).toContain(
			'Meeting of the Chief of the Service with the IOM Chief of Mission'
		);

		await page.goto(`${server.url}/events/${eventId}/brief`);
		const followUps = page.locator('section[aria-labelledby="follow-ups-heading"]');
		expect(await followUps.innerText()).toContain('Adjust the draft work plan of UNNM Azerbaijan');
		expect(await printedPages(page, 'new-brief')).toBe(1);
	} finally {
		await context.close();
	}
});

const SECTIONS_IN = {
	az: [
		'Nümayəndə heyətləri',
		'Mövzular və danışıq tezisləri',
		'Əvvəlki görüşlərin davamı',
		'Tərəfdaşla son görüşlər',
		'Tərəfdaşla açıq tapşırıqlar',
		'Qüvvədə olan sazişlər',
		'Davam edən əməkdaşlıq layihələri',
		'Son yazışmalar'
	],
	ru: [
		'Делегации',
		'Темы и тезисы для беседы',
		'По итогам прежних встреч',
		'Последние встречи с партнёром',
		'Открытые поручения с партнёром',
		'Действующие соглашения',
		'Текущие проекты сотрудничества',
		'Последняя переписка'
	]
};

test.each(['az', 'ru'] as const)(
	'the seeded meeting’s brief in %s prints on exactly one A4 page',
	async (locale) => {
		const context = await signedInContext(browser, server.url, officerEmail, TEST_PASSWORD);
		try {
			await context.addCookies([{ name: 'protokol_locale', value: locale, url: server.url }]);
			const page = await context.newPage();
			await page.goto(`${server.url}/events/15/brief`);
			expect(await page.locator('html').getAttribute('lang')).toBe(locale);
			expect(await page.locator('article.brief h2').allTextContents()).toEqual(SECTIONS_IN[locale]);
			expect(await printedPages(page, `brief-${locale}`)).toBe(1);
		} finally {
			await context.close();
		}
	}
);
