/**
 * The seeded meeting's one-page brief in Azerbaijani and Russian, as Chromium shows and prints it: the
 * sections under their translated headings, and still exactly one A4 page, though the words are longer.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addUser, TEST_PASSWORD } from '../helpers/accounts';
import { launchBrowser, signedInContext } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;
let officerEmail: string;
let dir: string;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-brief-languages-'));
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

const SECTIONS = {
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
			expect(await page.locator('article.brief h2').allTextContents()).toEqual(SECTIONS[locale]);
			const pdf = await page.pdf({ format: 'A4' });
			const file = join(dir, `brief-${locale}.pdf`);
			writeFileSync(file, pdf);
			const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
			expect(Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])).toBe(1);
		} finally {
			await context.close();
		}
	}
);
