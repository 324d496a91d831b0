/**
 * Issue 18's "done when", walked as a new user walks it from the README, in one Chromium session on the
 * built server with the demo data: the first administrator switches the interface to Azerbaijani and plans
 * an event, whose programme prints on A4 in Azerbaijani and English side by side; invites a Russian-speaking guest, who receives the invitation in Russian from the tests' own SMTP
 * server; downloads the archive of everything from the Export page, imports it into PostgreSQL with
 * `npm run import` and signs in to a server on that database to find the event there; and reads the event
 * through the API with a token issued on the API tokens page, which, once revoked there, is refused.
 *
 * Every field is found by its name, not its label, so the steps read the same in whichever language the
 * page speaks; what is checked is the language itself (`<html lang>`, the words on the page, the mail).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { runScriptAlongside } from '../helpers/cli';
import { adminQuery, engines, POSTGRES_URL } from '../helpers/databases';
import { startServer, type RunningServer } from '../helpers/server';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp';

const ADMIN = { name: 'Aysel Quliyeva', email: 'aysel@migration.example', password: 'Protokol-walk-2026!' };
const TITLE = 'Miqrasiya üzrə məsləhətləşmələr';
const TITLE_EN = 'Consultations on migration';
const ITEM = { az: 'Açılış nitqi', en: 'Opening speech' };
const GUEST = { givenName: 'Olga', familyName: 'Smirnova', email: 'olga.smirnova@iom.example' };

let dir: string;
let smtp: TestSmtpServer;
let server: RunningServer;
let imported: RunningServer | undefined;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const schema = `walk_${process.pid}`;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-walk-'));
	smtp = await startSmtpServer();
	[server, browser] = await Promise.all([
		startServer({
			databaseUrl: join(dir, 'protokol.db'),
			env: { SMTP_URL: smtp.url, OUTBOX_INTERVAL_MS: '200', FILES_DIR: join(dir, 'files') }
		}),
		launchBrowser()
	]);
	context = await browser.newContext({ locale: 'en-GB', acceptDownloads: true });
	page = await context.newPage();
});
afterAll(async () => {
	await browser?.close();
	await Promise.all([server?.stop(), imported?.stop(), smtp?.stop()]);
	if (imported) await adminQuery(`drop schema if exists ${schema} cascade`);
	if (dir) rmSync(dir, { recursive: true, force: true });
});

const lang = () => page.locator('html').getAttribute('lang');
const mainText = async () => ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');

test('the walk of issue 18, from the first administrator to a revoked token', async () => {
	// A newcomer at the README's address creates the first administrator, in English (the browser's).
	await page.goto(`${server.url}/`);
	expect(new URL(page.url()).pathname).toBe('/setup');
	expect(await lang()).toBe('en');
	await page.locator('[name=name]').fill(ADMIN.name);
	await page.locator('[name=email]').fill(ADMIN.email);
	await page.locator('[name=password]').fill(ADMIN.password);
	await page.locator('[name=confirm]').fill(ADMIN.password);
	await page.locator('form:has([name=password]) button[type=submit]').click();
	await page.waitForURL((url) => url.pathname === '/');

	// Switched to Azerbaijani, they plan an event: the form, the saved page and its date speak it.
	await page.getByRole('button', { name: 'Azərbaycanca' }).click();
	await expect.poll(lang).toBe('az');
	await page.goto(`${server.url}/events/new`);
	expect(await page.locator('h1').innerText()).toBe('Yeni tədbir');
	await page.locator('[name=title]').fill(TITLE);
	await page.locator('[name=titleLocale]').selectOption('az');
	await page.locator('[name=titleEn]').fill(TITLE_EN);
	await page.locator('[name=start]').fill('2030-03-04T10:00');
	await page.locator('[name=end]').fill('2030-03-04T11:30');
	await page.locator('[name=timeZone]').selectOption('Asia/Baku');
	await page.locator('[name=onlineUrl]').fill('https://meet.example.org/consultations');
	await page.locator('form:has([name=title]) button[type=submit]').first().click();
	await page.waitForURL((url) => /^\/events\/\d+$/.test(url.pathname), { timeout: 15_000 });
	const eventPath = new URL(page.url()).pathname;
	const eventId = Number(eventPath.split('/')[2]);
	expect(await lang()).toBe('az');
	expect(await mainText()).toContain('4 mart 2030');

	// Its agenda gets an opening speech, written in Azerbaijani with an English version; the programme
	// prints on A4 with Azerbaijani and English side by side, each column wholly in its language.
	await page.goto(`${server.url}${eventPath}/agenda`);
	const adding = page.locator('form[action="?/add"]');
	await adding.locator('[name=title]').fill(ITEM.az);
	await adding.locator('[name=titleLocale]').selectOption('az');
	await adding.locator('[name=titleEn]').fill(ITEM.en);
	await adding.locator('[name=durationMinutes]').fill('10');
	await adding.locator('button[type=submit]').click();
	await expect.poll(mainText).toContain(ITEM.az);
	await page.goto(`${server.url}${eventPath}/programme?lang=az&also=en`);
	expect(await lang()).toBe('az');
	const programme = join(dir, 'programme.pdf');
	writeFileSync(programme, await page.pdf({ format: 'A4' }));
	const column = (x: number) =>
		execFileSync('pdftotext', ['-x', String(x), '-y', '0', '-W', '297', '-H', '842', programme, '-'], {
			encoding: 'utf8'
		}).replace(/\s+/g, ' ');
	const [azerbaijani, english] = [column(0), column(298)];
	expect(azerbaijani).toContain(TITLE);
	expect(azerbaijani).toContain(ITEM.az);
	expect(azerbaijani).toContain('4 mart 2030');
	expect(azerbaijani).not.toContain(ITEM.en);
	expect(english).toContain(TITLE_EN);
	expect(english).toContain(ITEM.en);
	expect(english).toContain('4 March 2030');
	expect(english).not.toContain(ITEM.az);
	expect(execFileSync('pdfinfo', [programme], { encoding: 'utf8' })).toMatch(/^Page size:.*\(A4\)$/m);

	// A Russian-speaking guest joins the directory, is invited, and receives the invitation in Russian.
	await page.goto(`${server.url}/people/new`);
	await page.locator('[name=givenName]').fill(GUEST.givenName);
	await page.locator('[name=familyName]').fill(GUEST.familyName);
	await page.locator('[name=email]').fill(GUEST.email);
	await page.locator('[name=preferredLocale]').selectOption('ru');
	await page.locator('form:has([name=givenName]) button[type=submit]').last().click();
	await page.waitForURL((url) => /^\/people\/\d+$/.test(url.pathname));
	await page.goto(`${server.url}${eventPath}/participants?q=Smirnova#invite`);
	const choice = page.locator('#invite [name=personId] option', { hasText: GUEST.familyName });
	await page.locator('#invite [name=personId]').selectOption((await choice.getAttribute('value'))!);
	await page.locator('#invite form[method=POST] button[type=submit]').click();
	await expect.poll(mainText).toContain('Smirnova');
	await page.goto(`${server.url}${eventPath}/invitations`);
	await page.locator('button[name=to][value=new]').click();
	const [mail] = await smtp.waitFor(1);
	expect(mail!.to).toBe(GUEST.email);
	expect(mail!.parsed.subject).toMatch(/[А-Яа-я]/);
	expect(mail!.parsed.subject).toContain(TITLE);
	expect(mail!.parsed.text).toMatch(/Приглашение|приглаш/i);
	expect(mail!.calendar).toMatch(/DTSTART;TZID=Asia\/Baku:20300304T100000/);

	// The administrator downloads everything from the Export page, in Azerbaijani.
	await page.goto(`${server.url}/admin/export`);
	expect(await lang()).toBe('az');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.locator('form[action="/admin/export/archive"] button[type=submit]').click()
	]);
	const archive = join(dir, 'everything.zip');
	await download.saveAs(archive);

	// `npm run import` loads it into an empty PostgreSQL schema, and a server on that database shows the
	// event to the same administrator, in the language kept on their account.
	if (!engines.some((engine) => engine.engine === 'postgres')) return; // said by the databases helper
	await adminQuery(`create schema ${schema}`);
	const postgresUrl = new URL(POSTGRES_URL);
	postgresUrl.searchParams.set('schema', schema);
	const loaded = await runScriptAlongside('scripts/archive.ts', ['import', archive], {
		DATABASE_URL: postgresUrl.toString(),
		FILES_DIR: join(dir, 'imported-files')
	});
	expect(loaded.status, loaded.stderr).toBe(0);
	// Its progress, table by table: the demo's twelve people and the guest.
	expect(loaded.stderr).toMatch(/imported person\s+13 rows/);
	imported = await startServer({
		databaseUrl: postgresUrl.toString(),
		env: { FILES_DIR: join(dir, 'imported-files') }
	});
	const there = await browser.newContext({ locale: 'en-GB' });
	try {
		const other = await there.newPage();
		await other.goto(`${imported.url}/login`);
		await other.locator('[name=email]').fill(ADMIN.email);
		await other.locator('[name=password]').fill(ADMIN.password);
		await other.locator('form:has([name=password]) button[type=submit]').click();
		await other.waitForURL((url) => !url.pathname.startsWith('/login'));
		await other.goto(`${imported.url}${eventPath}`);
		expect(await other.locator('html').getAttribute('lang')).toBe('az');
		expect(await other.locator('h1').innerText()).toContain(TITLE);
		await other.goto(`${imported.url}${eventPath}/participants`);
		expect(await other.locator('main').innerText()).toContain('Smirnova');
	} finally {
		await there.close();
	}

	// A token issued on the API tokens page reads the same event; revoked there, it is refused.
	await page.goto(`${server.url}/admin/api-tokens`);
	await page.locator('[name=name]').fill('Calendar bridge');
	await page.locator('[name=role]').selectOption('viewer');
	await page.locator('form[action="?/issue"] button[type=submit]').click();
	const token = await page.getByTestId('issued-token').inputValue();
	expect(token.length).toBeGreaterThan(30);
	const read = () =>
		fetch(`${server.url}/api/v1/events/${eventId}`, { headers: { authorization: `Bearer ${token}` } });
	const answer = await read();
	expect(answer.status).toBe(200);
	const event = (await answer.json()) as { id: number; title: string; timeZone: string };
	// Read in the office's language (English here): the title's English version.
	expect(event).toMatchObject({ id: eventId, title: TITLE_EN, timeZone: 'Asia/Baku' });

	await page.locator('form[action="?/revoke"] button[type=submit]').first().click();
	await expect.poll(async () => (await read()).status).toBe(401);
	const refusal = await read();
	expect(refusal.headers.get('content-type')).toMatch(/^application\/problem\+json/);
});
