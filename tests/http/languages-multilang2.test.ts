/**
 * The printed programme, the list of participants, a person's posts and an agenda item's form in
 * Azerbaijani and Russian, through the built server as a browser without JavaScript sees them: the
 * language chosen by the switcher's cookie, <html lang> set, the words translated, and the demo's
 * agenda titles and posts in the reader's language where they have a version in it.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openDatabase, type DatabaseHandle } from '$lib/server/db/connection';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let database: DatabaseHandle;
let officer: string;
let eventId: number;
let itemId: number;
let personId: number;

beforeAll(async () => {
	server = await startServer();
	officer = await signInOverHttp(server, await addUser(server.databaseUrl, 'officer'));
	database = openDatabase(server.databaseUrl);
	const { db } = database;
	const event = await db
		.selectFrom('event')
		.select('id')
		.where('title', '=', 'International Migrants Day 2021')
		.executeTakeFirstOrThrow();
	eventId = event.id;
	const item = await db
		.selectFrom('agenda_item')
		.select('id')
		.where('event_id', '=', eventId)
		.where('title', '=', 'Welcoming address')
		.executeTakeFirstOrThrow();
	itemId = item.id;
	const person = await db
		.selectFrom('person')
		.select('id')
		.where('family_name', '=', 'Huseynov')
		.executeTakeFirstOrThrow();
	personId = person.id;
});
afterAll(async () => {
	await database?.close();
	await server?.stop();
});

async function page(path: string, locale: string) {
	const cookie = `${officer}; protokol_locale=${locale}`;
	const response = await fetch(`${server.url}${path}`, { headers: { cookie }, redirect: 'manual' });
	expect(response.status, path).toBe(200);
	const html = await response.text();
	return { lang: html.match(/<html lang="([^"]*)"/)?.[1], html };
}

test('the programme in Azerbaijani and in Russian', async () => {
	const az = await page(`/events/${eventId}/programme`, 'az');
	expect(az.lang).toBe('az');
	for (const words of [
		'Proqram',
		'Nə vaxt',
		'Çap dili',
		'Salamlama nitqi',
		'Dövlət Miqrasiya Xidmətinin rəisi'
	])
		expect(az.html, words).toContain(words);
	expect(az.html).not.toContain('Back to the event');
	const ru = await page(`/events/${eventId}/programme`, 'ru');
	expect(ru.lang).toBe('ru');
	for (const words of ['Программа', 'Когда', 'Вернуться к мероприятию', 'Приветственное слово'])
		expect(ru.html, words).toContain(words);
});

test('the list of participants in Azerbaijani and in Russian', async () => {
	const az = await page(`/events/${eventId}/participants/list`, 'az');
	expect(az.lang).toBe('az');
	for (const words of ['İştirakçıların siyahısı', 'Ad nişanları', 'Beynəlxalq Miqrantlar Günü 2021'])
		expect(az.html, words).toContain(words);
	const ru = await page(`/events/${eventId}/participants/list`, 'ru');
	expect(ru.lang).toBe('ru');
	for (const words of ['Список участников', 'Бейджи', 'Начальник Государственной миграционной службы'])
		expect(ru.html, words).toContain(words);
});

test('a person’s posts in Azerbaijani and in Russian', async () => {
	const az = await page(`/people/${personId}/positions`, 'az');
	expect(az.lang).toBe('az');
	for (const words of ['tutduğu vəzifələr', 'Vəzifə əlavə et', 'Dövlət Miqrasiya Xidmətinin rəisi'])
		expect(az.html, words).toContain(words);
	const ru = await page(`/people/${personId}/positions`, 'ru');
	expect(ru.lang).toBe('ru');
	for (const words of ['занимаемые должности', 'Добавить должность', 'Должность на других языках'])
		expect(ru.html, words).toContain(words);
});

test('an agenda item’s form in Azerbaijani, with the title as written and its versions', async () => {
	const az = await page(`/events/${eventId}/agenda/${itemId}`, 'az');
	expect(az.lang).toBe('az');
	for (const words of ['Bəndi yadda saxla', 'Çap olunan proqramda göstər', 'Başlıq'])
		expect(az.html, words).toContain(words);
	// The form edits the title as written, its Azerbaijani version beside it.
	expect(az.html).toMatch(
		/name="title"[^>]*value="Welcoming address"|value="Welcoming address"[^>]*name="title"/
	);
	expect(az.html).toMatch(
		/name="titleAz"[^>]*value="Salamlama nitqi"|value="Salamlama nitqi"[^>]*name="titleAz"/
	);
});
