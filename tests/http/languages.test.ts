/** The interface's language, chosen over HTTP as a browser without JavaScript would. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '$lib/server/db/connection';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { postForm } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';

let dir: string;
let databaseUrl: string;
let server: RunningServer;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-languages-'));
	databaseUrl = join(dir, 'protokol.db');
	server = await startServer({ databaseUrl, env: { DEMO_DATA: 'off' } });
	// Any account ends the first-run setup; the tests' own come after.
	await addUser(databaseUrl, 'admin', 'first@protokol.test');
});
afterAll(async () => {
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) =>
	fetch(`${server.url}${path}`, { redirect: 'manual', headers });
const htmlLang = (html: string) => html.match(/<html lang="([^"]*)"/)?.[1];

describe('the interface language', () => {
	test('a browser asking for Russian gets the login page in Russian, <html lang="ru">', async () => {
		const page = await get('/login', { 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.5' });
		const html = await page.text();
		expect(htmlLang(html)).toBe('ru');
		expect(html).toContain('<h1>Вход</h1>');
		expect(html).toContain('Пароль');
	});

	test('a sign-in without an address or password is refused in Russian, beside its fields', async () => {
		const response = await postForm(
			server,
			'/login',
			{ email: '', password: '' },
			{
				headers: { 'accept-language': 'ru-RU,ru;q=0.9' }
			}
		);
		expect(response.status).toBe(400);
		const html = await response.text();
		expect(html).toContain('Укажите адрес электронной почты.');
		expect(html).toContain('Введите пароль.');
		expect(html).not.toContain('is required');
	});

	test('a browser asking for none of ours gets the office’s default, English', async () => {
		const html = await (await get('/login', { 'accept-language': 'de-CH, fr;q=0.8' })).text();
		expect(htmlLang(html)).toBe('en');
		expect(html).toContain('<h1>Sign in</h1>');
	});

	test('without an account the switcher sets a cookie that wins over the browser, and returns to the page', async () => {
		const chose = await postForm(server, '/language', { locale: 'az', next: '/login?next=%2Fevents' });
		expect(chose.status).toBe(303);
		expect(chose.headers.get('location')).toBe('/login?next=%2Fevents');
		const cookie = chose.headers.get('set-cookie')!.split(';')[0]!;
		expect(cookie).toBe('protokol_locale=az');
		const html = await (await get('/login', { cookie, 'accept-language': 'ru' })).text();
		expect(htmlLang(html)).toBe('az');
		expect(html).toContain('<h1>Daxil olun</h1>');
	});

	test('the switcher refuses what is not one of our languages, and a return address elsewhere', async () => {
		expect((await postForm(server, '/language', { locale: 'de', next: '/' })).status).toBe(400);
		const offsite = await postForm(server, '/language', { locale: 'ru', next: '//evil.example/' });
		expect(offsite.headers.get('location')).toBe('/');
	});

	test('a signed-in user’s choice is kept on the account and follows them into a new session', async () => {
		const email = await addUser(databaseUrl, 'officer', 'polyglot@protokol.test');
		const session = await signInOverHttp(server, email);
		const chose = await postForm(server, '/language', { locale: 'az', next: '/events' }, { cookie: session });
		expect(chose.status).toBe(303);
		expect(chose.headers.get('location')).toBe('/events');

		const handle = openDatabase(databaseUrl);
		try {
			const row = await handle.db
				.selectFrom('user_account')
				.select('locale')
				.where('email', '=', email)
				.executeTakeFirstOrThrow();
			expect(row.locale).toBe('az');
		} finally {
			await handle.close();
		}

		// Another browser, another session, asking for Russian and without the cookie: still Azerbaijani.
		const later = await signInOverHttp(server, email);
		const html = await (await get('/events', { cookie: later, 'accept-language': 'ru' })).text();
		expect(htmlLang(html)).toBe('az');
		expect(html).toContain('Tədbirlər');
	});
});
