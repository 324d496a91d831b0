/**
 * The home page, an event's page, the calendar, search and a personal link in Azerbaijani and Russian,
 * through the built server as a browser without JavaScript sees them: the language chosen by the
 * switcher's cookie, <html lang> set, the headings and labels translated and no English left in them.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase, type DatabaseHandle } from '$lib/server/db/connection';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { insertEvent, insertParticipation } from '../helpers/factories';
import { postForm } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let database: DatabaseHandle;
let officer: string;
let eventId: number;
let token: string;

const TOKEN = /\/p\/([a-z2-7]{32}\.[a-z2-7]{32})/;

beforeAll(async () => {
	server = await startServer();
	const databaseUrl = server.databaseUrl;
	officer = await signInOverHttp(server, await addUser(databaseUrl, 'officer'));
	database = openDatabase(databaseUrl);
	const { db } = database;
	const prentice = await db
		.selectFrom('person')
		.select('id')
		.where('family_name', '=', 'Prentice')
		.executeTakeFirstOrThrow();
	const start = new Date(Date.now() + 20 * 24 * 60 * 60 * 1000);
	const event = await insertEvent(db, {
		title: 'Consultation on Labour Migration',
		status: 'confirmed',
		start_at: start.toISOString(),
		end_at: new Date(start.getTime() + 2 * 60 * 60 * 1000).toISOString()
	});
	eventId = event.id;
	await insertParticipation(db, eventId, prentice.id);
	const issued = await postForm(
		server,
		`/people/${prentice.id}?/issueLink`,
		{ validDays: '30' },
		{ cookie: officer }
	);
	token = TOKEN.exec(await issued.text())![1]!;
});
afterAll(async () => {
	await database?.close();
	await server?.stop();
});

async function page(path: string, locale: string, signedIn = true) {
	const cookie = [signedIn ? officer : null, `protokol_locale=${locale}`].filter(Boolean).join('; ');
	const response = await fetch(`${server.url}${path}`, { headers: { cookie }, redirect: 'manual' });
	expect(response.status, path).toBe(200);
	const html = await response.text();
	return { lang: html.match(/<html lang="([^"]*)"/)?.[1], html };
}

type Expectation = { path: () => string; signedIn?: boolean; az: string[]; ru: string[]; english: string[] };
const pages: Record<string, Expectation> = {
	'the home page': {
		path: () => '/',
		az: ['Bu gün ofisdə', 'Mənim tapşırıqlarım', 'Cavabsız dəvətlər'],
		ru: ['Сегодня в отделе', 'Мои поручения', 'Приглашения без ответа'],
		english: ['Today at the office', 'My action points', 'Letters not answered']
	},
	'an event’s page': {
		path: () => `/events/${eventId}`,
		az: ['Gündəlik', 'Nəticələr', 'Çap üçün proqram', 'Nə vaxt'],
		ru: ['Повестка дня', 'Итоги', 'Программа для печати', 'Когда'],
		english: ['Printable programme', 'Outcomes', 'Last changed', 'Head of delegation']
	},
	'the calendar': {
		path: () => '/calendar',
		az: ['Ofisin təqvimi', 'Növbəti ay', 'Təqvim filtrləri'],
		ru: ['Календарь отдела', 'Следующий месяц', 'Фильтры календаря'],
		english: ['Office calendar', 'Next month', 'Hourly grid']
	},
	search: {
		path: () => '/search?q=migration',
		az: ['<h1>Axtarış</h1>', 'Tədbirlər', '“migration” üzrə nəticələr'],
		ru: ['<h1>Поиск</h1>', 'Мероприятия', 'по запросу «migration»'],
		english: ['results for', 'Across the office', 'Results of every kind']
	},
	'a personal link': {
		path: () => `/p/${token}`,
		signedIn: false,
		az: ['Sizin proqramınız', 'Qarşıdakı tədbirlər', 'Qəbul edirəm'],
		ru: ['Ваша программа', 'Предстоящие', 'Принять'],
		english: ['Your programme', 'Coming up', 'Add these events to my calendar']
	}
};

describe.each(['az', 'ru'] as const)('in %s', (locale) => {
	test.each(Object.entries(pages))('%s speaks the reader’s language', async (_, expected) => {
		const { lang, html } = await page(expected.path(), locale, expected.signedIn ?? true);
		expect(lang).toBe(locale);
		for (const text of expected[locale]) expect(html).toContain(text);
		for (const text of expected.english) expect(html).not.toContain(text);
	});
});
