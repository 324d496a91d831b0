/**
 * The programme and the list of participants printed in two languages side by side (issue 18 §2): in
 * Chromium, an officer opens the demo's International Migrants Day 2021, chooses the languages with the
 * page's plain form, and prints to PDF on A4; poppler's pdftotext finds both columns' headings, an agenda
 * title, a position and the hosts' names in both languages, and pdfinfo an A4 page (595 × 842 pt).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addUser, TEST_PASSWORD } from '../helpers/accounts';
import { launchBrowser, signedInContext } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let dir: string;
let eventUrl: string;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-bilingual-print-'));
	[server, browser] = await Promise.all([
		startServer({ databaseUrl: join(dir, 'protokol.db') }),
		launchBrowser()
	]);
	const email = await addUser(join(dir, 'protokol.db'), 'officer');
	context = await signedInContext(browser, server.url, email, TEST_PASSWORD);
	page = await context.newPage();
	await page.goto(`${server.url}/events?when=past`);
	await page.getByRole('link', { name: 'International Migrants Day 2021' }).click();
	await page.waitForURL(/\/events\/\d+$/);
	eventUrl = page.url();
});
afterAll(async () => {
	await context?.close();
	await browser?.close();
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

/** Text as pdftotext reads it, white space made single; `crop` reads only that band of each page, in points. */
function pdfText(file: string, crop?: { x: number; width: number }): string {
	const area = crop ? ['-x', String(crop.x), '-y', '0', '-W', String(crop.width), '-H', '842'] : [];
	return execFileSync('pdftotext', [...area, file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/**
 * The page printed by Chromium on A4: its whole text, the left and right halves of each page (the two
 * columns, read apart), and pdfinfo's facts.
 */
async function printed(name: string) {
	const file = join(dir, `${name}.pdf`);
	writeFileSync(file, await page.pdf({ format: 'A4' }));
	return {
		text: pdfText(file),
		left: pdfText(file, { x: 0, width: 297 }),
		right: pdfText(file, { x: 298, width: 297 }),
		info: execFileSync('pdfinfo', [file], { encoding: 'utf8' })
	};
}

/**
 * Whether pdfinfo names the page A4: 595.28 × 841.89 pt, give or take the point Chromium's rounding to
 * whole CSS pixels adds (it prints 595.92 × 842.88), and pdfinfo's own "(A4)".
 */
function isA4(info: string): boolean {
	const match = /^Page size:\s+([\d.]+) x ([\d.]+) pts \(A4\)$/m.exec(info);
	return (
		match !== null && Math.abs(Number(match[1]) - 595.28) < 1.5 && Math.abs(Number(match[2]) - 841.89) < 1.5
	);
}

test('the programme prints in Azerbaijani and English side by side on A4', async () => {
	await page.goto(`${eventUrl}/programme`);
	// The plain GET form: first language, and the one beside it.
	await page.getByLabel('Print in').selectOption('az');
	await page.getByLabel('Beside it, in').selectOption('en');
	await page.getByRole('button', { name: 'Show' }).click();
	await page.waitForURL(/\/programme\?lang=az&also=en$/);
	expect(
		await page.locator('article.programme > section').evaluateAll((s) => s.map((e) => e.getAttribute('lang')))
	).toEqual(['az', 'en']);

	const { left, right, info } = await printed('programme-az-en');
	// Each column wholly in its language: heading (capitals, as printed), labels, title, date, an agenda
	// title and the Chief's post.
	for (const words of [
		'PROQRAM',
		'Beynəlxalq Miqrantlar Günü 2021',
		'Nə vaxt',
		'Harada',
		'17 dekabr 2021, cümə',
		'Salamlama nitqi',
		'Dövlət Miqrasiya Xidmətinin rəisi'
	]) {
		expect(left, words).toContain(words);
	}
	for (const words of [
		'PROGRAMME',
		'International Migrants Day 2021',
		'When',
		'Where',
		'Friday 17 December 2021',
		'Welcoming address',
		'Chief of the State Migration Service'
	]) {
		expect(right, words).toContain(words);
	}
	expect(left).not.toContain('Welcoming address');
	expect(right).not.toContain('Salamlama nitqi');
	expect(isA4(info), info).toBe(true);
});

test('the programme printed in English and Russian names its hosts in each column’s language', async () => {
	await page.goto(`${eventUrl}/programme?lang=en&also=ru`);
	const { left, right } = await printed('programme-en-ru');
	expect(left).toContain('State Migration Service of the Republic of Azerbaijan (SMS)');
	expect(left).toContain('IOM Mission to Azerbaijan (IOM Azerbaijan)');
	expect(right).toContain('Государственная миграционная служба Азербайджанской Республики (SMS)');
	expect(right).toContain('Представительство МОМ в Азербайджане (IOM Azerbaijan)');
	expect(right).not.toContain('State Migration Service of the Republic');
});

test('the programme prints in one language when no second is chosen', async () => {
	await page.goto(`${eventUrl}/programme?lang=ru`);
	expect(await page.locator('article.programme > section').count()).toBe(1);
	const { text, info } = await printed('programme-ru');
	expect(text).toContain('ПРОГРАММА');
	expect(text).toContain('Приветственное слово');
	expect(text).not.toContain('Welcoming address');
	// An item with no Russian title prints in English, tagged with its language.
	expect(text).toContain('Opening speech EN');
	expect(isA4(info), info).toBe(true);
});

test('the list of participants prints in English and Russian side by side on A4', async () => {
	await page.goto(`${eventUrl}/participants/list`);
	await page.getByLabel('Print in').selectOption('en');
	await page.getByLabel('Beside it, in').selectOption('ru');
	await page.getByRole('button', { name: 'Show' }).click();
	await page.waitForURL(/\/participants\/list\?lang=en&also=ru$/);
	expect(
		await page
			.locator('article.participant-list > section')
			.evaluateAll((s) => s.map((e) => e.getAttribute('lang')))
	).toEqual(['en', 'ru']);

	const { left, right, info } = await printed('participants-en-ru');
	for (const words of [
		'LIST OF PARTICIPANTS',
		'International Migrants Day 2021',
		'Friday 17 December 2021',
		'Chief of the State Migration Service'
	]) {
		expect(left, words).toContain(words);
	}
	for (const words of [
		'СПИСОК УЧАСТНИКОВ',
		'Международный день мигрантов 2021',
		'17 декабря 2021 г., пятница',
		'Начальник Государственной миграционной службы'
	]) {
		expect(right, words).toContain(words);
	}
	expect(left).not.toContain('Начальник');
	expect(isA4(info), info).toBe(true);
});
