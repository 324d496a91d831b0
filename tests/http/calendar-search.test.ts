/**
 * The calendar and the search over HTTP, as a browser without JavaScript uses them: GET forms whose
 * answers are whole pages; the demo data in the calendar and in the index from the first request;
 * whatever a record holds shown as text, never as markup.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '$lib/server/db/connection';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { startServer, type RunningServer } from '../helpers/server';

describe('the calendar and the search over HTTP', () => {
	let dir: string;
	let databaseUrl: string;
	let server: RunningServer;
	let cookie: string;

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'protokol-calendar-'));
		databaseUrl = join(dir, 'protokol.db');
		server = await startServer({ databaseUrl, env: { OFFICE_TIME_ZONE: 'Asia/Baku' } });
		cookie = await signInOverHttp(server, await addUser(databaseUrl, 'viewer'));
	});
	afterAll(async () => {
		await server?.stop();
		rmSync(dir, { recursive: true, force: true });
	});

	async function get(path: string, extraCookie = '') {
		const response = await fetch(`${server.url}${path}`, {
			headers: { cookie: [cookie, extraCookie].filter(Boolean).join('; '), accept: 'text/html' },
			redirect: 'manual'
		});
		return { response, html: await response.text() };
	}

	/** The visible text of the page's main element, markup removed. */
	function mainText(html: string): string {
		const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
		return main
			.replace(/<option[^>]*>[^<]*<\/option>/g, '')
			.replace(/<\/?mark[^>]*>/g, '')
			.replace(/<!--[\s\S]*?-->/g, '')
			.replace(/<[^>]+>/g, ' ')
			.replace(/&amp;/g, '&')
			.replace(/\s+/g, ' ');
	}

	test('December 2021 in the office zone shows the demo events at their Baku times', async () => {
		const { response, html } = await get('/calendar?year=2021&month=12');
		expect(response.status).toBe(200);
		const text = mainText(html);
		expect(text).toContain('December 2021');
		expect(text).toContain('Times in Asia/Baku (UTC+4)');
		expect(text).toContain('10:00–12:30 International Migrants Day 2021');
		expect(text).toContain('11:00–12:00 Meeting of the Chief of the State Migration Service');
	});

	test('in a Geneva calendar the same events show at Geneva times with their own beside them', async () => {
		const { html } = await get('/calendar?year=2021&month=12&zone=Europe%2FZurich');
		const text = mainText(html);
		expect(text).toContain('07:00–09:30 International Migrants Day 2021');
		expect(text).toContain('10:00 Baku (UTC+4)');
	});

	test('the zone a viewer chose is remembered for their next visit', async () => {
		const { response } = await get('/calendar?zone=America%2FNew_York');
		const set = response.headers.getSetCookie().find((c) => c.startsWith('calendar_zone=')) ?? '';
		expect(set).toMatch(/^calendar_zone=America%2FNew_York;/);
		expect(set).toMatch(/HttpOnly/i);
		const again = await get('/calendar', set.split(';')[0]);
		expect(mainText(again.html)).toContain('Times in America/New_York');
	});

	test('the filters in the URL narrow the calendar and stay in its links', async () => {
		const { html } = await get('/calendar?year=2021&month=12&kind=observance');
		const text = mainText(html);
		expect(text).toContain('International Migrants Day 2021');
		expect(text).not.toContain('Meeting of the Chief of the State Migration Service');
		expect(html).toMatch(/href="\?year=2022&amp;month=1&amp;kind=observance"/);
		expect(html).toMatch(/<option value="observance" selected/);
	});

	test('the week’s list lists a multi-day event on each of its days; its grid, once across them', async () => {
		const list = await get('/calendar?view=week&date=2016-12-06&zone=Europe%2FZurich&layout=list');
		const text = mainText(list.html);
		expect(text).toContain('Week 49: 5–11 December 2016');
		expect(text.match(/107th Session of the IOM Council/g)).toHaveLength(4);
		const grid = await get('/calendar?view=week&date=2016-12-06&zone=Europe%2FZurich');
		expect(mainText(grid.html).match(/107th Session of the IOM Council/g)).toHaveLength(1);
		expect(grid.html).toMatch(/<li class="event all-day-event kind-council_session from-day-\d days-4/);
	});

	test('a search without JavaScript answers with the results page, matches marked', async () => {
		const { response, html } = await get('/search?q=huseynov');
		expect(response.status).toBe(200);
		expect(html).toMatch(/<mark[^>]*>Hüseynov<\/mark>/);
		expect(mainText(html)).toContain('Mr Vusal Huseynov');
	});

	test('a search finds a name typed in Cyrillic and a reference number', async () => {
		expect(mainText((await get(`/search?q=${encodeURIComponent('Ѓорѓиев')}`)).html)).toContain(
			'Mr Vladimir Gjorgjiev'
		);
		const letter = mainText((await get('/search?q=09%2F1502&type=correspondence')).html);
		expect(letter).toContain('Champion countries');
		expect(letter).toContain('Letter · 09/1502 · 2 September 2021');
	});

	test('what a record holds is shown as text, never run as markup', async () => {
		const handle = openDatabase(databaseUrl);
		try {
			const now = new Date().toISOString();
			await handle.db
				.insertInto('person')
				.values({
					given_name: '<script>alert(1)</script>',
					family_name: 'Injectorov',
					notes: '<img src=x onerror=alert(2)> Injectorov',
					created_at: now,
					updated_at: now
				})
				.execute();
		} finally {
			await handle.close();
		}
		const { html } = await get('/search?q=injectorov');
		expect(html).not.toContain('<script>alert(1)</script>');
		expect(html).not.toContain('<img src=x');
		expect(html).toContain('&lt;script>alert(1)&lt;/script>');
		expect(html).toMatch(/<mark[^>]*>Injectorov<\/mark>/);
	});
});
