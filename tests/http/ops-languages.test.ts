/**
 * The office's administration pages and the outbox in Azerbaijani and Russian, and the hooks' own refusals
 * in the request's language, over HTTP as a browser without JavaScript would ask for them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { postForm } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';

let dir: string;
let server: RunningServer;
let admin: string;
let viewer: string;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-ops-languages-'));
	const databaseUrl = join(dir, 'protokol.db');
	server = await startServer({ databaseUrl, env: { DEMO_DATA: 'off' } });
	admin = await signInOverHttp(server, await addUser(databaseUrl, 'admin', 'admin@protokol.test'));
	viewer = await signInOverHttp(server, await addUser(databaseUrl, 'viewer', 'viewer@protokol.test'));
});
afterAll(async () => {
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

const page = async (path: string, session: string, locale: string) => {
	const response = await fetch(`${server.url}${path}`, {
		redirect: 'manual',
		headers: { cookie: `${session}; protokol_locale=${locale}` }
	});
	return { status: response.status, html: await response.text() };
};
const htmlLang = (html: string) => html.match(/<html lang="([^"]*)"/)?.[1];

describe('the administration pages in three languages', () => {
	const pages = [
		{ path: '/admin/users', az: 'İstifadəçilər', ru: 'Пользователи', en: ['Add a user', 'Sign-in security'] },
		{ path: '/admin/audit', az: 'Audit jurnalı', ru: 'Журнал аудита', en: ['Every write, sign-in'] },
		{ path: '/admin/export', az: 'Hamısını ixrac et', ru: 'Экспорт всех данных', en: ['Guard the archive'] },
		{ path: '/outbox', az: 'Göndərilənlər', ru: 'Исходящие', en: ['Nothing has been sent yet'] }
	];

	test.each(pages)('$path in Azerbaijani and in Russian, with no English left', async (p) => {
		for (const locale of ['az', 'ru'] as const) {
			const { status, html } = await page(p.path, admin, locale);
			expect(status).toBe(200);
			expect(htmlLang(html)).toBe(locale);
			expect(html).toContain(`<h1>${p[locale]}</h1>`);
			for (const english of p.en) expect(html).not.toContain(english);
		}
		const { html } = await page(p.path, admin, 'en');
		expect(htmlLang(html)).toBe('en');
		for (const english of p.en) expect(html).toContain(english);
	});

	test('the users page in Azerbaijani: its columns, buttons and the form to add someone', async () => {
		const { html } = await page('/admin/users', admin, 'az');
		for (const word of ['Son giriş (UTC)', 'Girişin təhlükəsizliyi', 'İstifadəçi əlavə et', 'İlkin şifrə'])
			expect(html).toContain(word);
	});

	test('the hooks refuse in the request’s language, and say it in <html lang>', async () => {
		const { status, html } = await page('/admin/users', viewer, 'ru');
		expect(status).toBe(403);
		expect(htmlLang(html)).toBe('ru');
		expect(html).toContain('<h1>Не разрешено</h1>');
		expect(html).toContain('Ваша роль этого не позволяет.');
		const signedOut = await postForm(
			server,
			'/admin/users?/create',
			{ name: 'X' },
			{ cookie: 'protokol_locale=az' }
		);
		expect(signedOut.status).toBe(401);
		const text = await signedOut.text();
		expect(htmlLang(text)).toBe('az');
		expect(text).toContain('Əvvəlcə daxil olun.');
	});
});
