/**
 * Content in more than one language over HTTP (issue 18 §2): the event page shows the title in the
 * reader's language, and, when there is no version in it, the original marked with its language; the
 * event form carries the versions and keeps them when it is refused.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openDatabase, type DatabaseHandle } from '$lib/server/db/connection';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { insertEvent, insertOrganization } from '../helpers/factories';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let officer: string;
let handle: DatabaseHandle;
let eventId: number;

beforeAll(async () => {
	server = await startServer();
	const { databaseUrl } = server;
	officer = await signInOverHttp(server, await addUser(databaseUrl, 'officer'));
	handle = openDatabase(databaseUrl);
	eventId = (
		await insertEvent(handle.db, {
			title: 'Round table on labour migration',
			title_locale: 'en',
			title_az: 'Əmək miqrasiyası üzrə dəyirmi masa',
			time_zone: 'Asia/Baku'
		})
	).id;
});
afterAll(async () => {
	await handle?.close();
	await server?.stop();
});

/** The page's HTML without Svelte's hydration markers. */
async function page(path: string, locale: string): Promise<string> {
	const headers = { cookie: `${officer}; protokol_locale=${locale}` };
	const html = await (await fetch(`${server.url}${path}`, { headers })).text();
	return html.replace(/<!--[\s\S]*?-->/g, '');
}

test('in Azerbaijani the event page is headed by the Azerbaijani title, untagged', async () => {
	const html = await page(`/events/${eventId}`, 'az');
	expect(html).toContain('<html lang="az"');
	expect(html).toMatch(/<h1>Əmək miqrasiyası üzrə dəyirmi masa<\/h1>/);
	expect(html).not.toContain('class="locale-tag');
});

test('in Russian, with no Russian version, the original shows with its language marked', async () => {
	const html = await page(`/events/${eventId}`, 'ru');
	expect(html).toMatch(
		/<h1><span lang="en">Round table on labour migration<\/span>\s*<abbr class="locale-tag[^"]*"[^>]*>EN<\/abbr>/
	);
});

test('the edit form offers the versions, grouped and labelled, in the reader’s language', async () => {
	const html = await page(`/events/${eventId}/edit`, 'ru');
	expect(html).toContain('Название на других языках');
	expect(html).toMatch(/<option value="en" selected[^>]*>На английском<\/option>/);
	expect(html).toContain('value="Əmək miqrasiyası üzrə dəyirmi masa"');
	expect(html).toMatch(/<input[^>]*name="titleAz"[^>]*lang="az"|<input[^>]*lang="az"[^>]*name="titleAz"/);
});

test('the organisation form offers the name in other languages, and the page heads with the reader’s version', async () => {
	const organization = await insertOrganization(handle.db, {
		name: 'International Organization for Migration',
		name_locale: 'en',
		name_az: 'Beynəlxalq Miqrasiya Təşkilatı',
		kind: 'international_organization'
	});
	expect(await page(`/organizations/${organization.id}`, 'az')).toMatch(
		/<h1>Beynəlxalq Miqrasiya Təşkilatı[^<]*<\/h1>/
	);
	expect(await page(`/organizations/${organization.id}`, 'ru')).toMatch(
		/<h1><span lang="en">International Organization for Migration[^<]*<\/span>\s*<abbr class="locale-tag[^"]*"[^>]*>EN<\/abbr>/
	);
	const form = await page(`/organizations/${organization.id}/edit`, 'az');
	expect(form).toContain('Adın digər dillərdə variantları');
	expect(form).toContain('value="Beynəlxalq Miqrasiya Təşkilatı"');
});
