/**
 * An event's agenda, topics, one-page brief and guests' needs in Azerbaijani and Russian, through the
 * built server on the demo data as an officer's browser without JavaScript sees them: the language chosen
 * by the switcher's cookie, <html lang> set, headings and labels translated, no English left in them; and
 * a refused agenda form that says why in the reader's language.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase, type DatabaseHandle } from '$lib/server/db/connection';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { postForm } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let database: DatabaseHandle;
let officer: string;
/** A demo event with agenda items, one of its items and one of its participants; a demo meeting and a topic. */
let agendaEventId: number;
let itemId: number;
let participantId: number;
let meetingId: number;
let topicId: number;

beforeAll(async () => {
	server = await startServer();
	officer = await signInOverHttp(server, await addUser(server.databaseUrl, 'officer'));
	database = openDatabase(server.databaseUrl);
	const { db } = database;
	const item = await db
		.selectFrom('agenda_item')
		.select(['id', 'event_id'])
		.orderBy('id')
		.executeTakeFirstOrThrow();
	agendaEventId = item.event_id;
	itemId = item.id;
	const participant = await db
		.selectFrom('event_participant')
		.select('id')
		.where('event_id', '=', agendaEventId)
		.orderBy('id')
		.executeTakeFirstOrThrow();
	participantId = participant.id;
	// One not yet turned into an outcome: its page offers to turn it.
	const topic = await db
		.selectFrom('topic')
		.select(['id', 'event_id'])
		.where('outcome_id', 'is', null)
		.where('agreement_id', 'is', null)
		.orderBy('id')
		.executeTakeFirstOrThrow();
	meetingId = topic.event_id;
	topicId = topic.id;
});
afterAll(async () => {
	await database?.close();
	await server?.stop();
});

const cookieIn = (locale: string) => `${officer}; protokol_locale=${locale}`;

async function page(path: string, locale: string) {
	const response = await fetch(`${server.url}${path}`, {
		headers: { cookie: cookieIn(locale) },
		redirect: 'manual'
	});
	expect(response.status, path).toBe(200);
	const html = await response.text();
	return { lang: html.match(/<html lang="([^"]*)"/)?.[1], html };
}

type Expectation = { path: () => string; az: string[]; ru: string[]; english: string[] };
const pages: Record<string, Expectation> = {
	'the agenda': {
		path: () => `/events/${agendaEventId}/agenda`,
		az: ['<h1>Gündəlik</h1>', 'Bənd əlavə et', 'Əvvəlki görüşlərin davamı'],
		ru: ['<h1>Повестка дня</h1>', 'Добавить пункт', 'По итогам прежних встреч'],
		english: ['Add an item', 'Back to the event', 'Follow-up from earlier meetings', 'Yes, remove it']
	},
	'an agenda item': {
		path: () => `/events/${agendaEventId}/agenda/${itemId}`,
		az: ['Bu bənddəki şəxslər', 'Kataloqda şəxs axtar', 'Bu bəndi sil'],
		ru: ['Участники этого пункта', 'Найти человека в справочнике', 'Удалить этот пункт'],
		english: ['People on this item', 'Name someone', 'Remove this item']
	},
	'the topics': {
		path: () => `/events/${meetingId}/topics`,
		az: ['Mövzular</h1>', 'Qaldıran tərəf', 'Mövzu əlavə et'],
		ru: ['Темы</h1>', 'Поднимает', 'Добавить тему'],
		english: ['Back to the meeting', 'Raised by', 'Add a topic']
	},
	'a topic': {
		path: () => `/events/${meetingId}/topics/${topicId}`,
		az: ['Bütün mövzular', 'Hər tərəfin bu barədə dedikləri', 'Nəticəyə çevir'],
		ru: ['Все темы', 'Что сказала по ней каждая сторона', 'Оформить как итог'],
		english: ['All topics', 'Save what was said', 'Turn it into an outcome']
	},
	'the brief': {
		path: () => `/events/${meetingId}/brief`,
		az: ['Nümayəndə heyətləri', 'Mövzular və danışıq tezisləri', 'Son yazışmalar'],
		ru: ['Делегации', 'Темы и тезисы для беседы', 'Последняя переписка'],
		english: ['Delegations', 'Topics and talking points', 'Latest correspondence', 'Or press Ctrl+P']
	},
	'the guests’ needs': {
		path: () => `/events/${agendaEventId}/needs`,
		az: ['<h1>Qonaqların ehtiyacları</h1>', 'Kateringə siyahı', 'Qısaca'],
		ru: ['<h1>Потребности гостей</h1>', 'Список для кейтеринга', 'Кратко'],
		english: ["Guests' needs", "Caterer's list", 'In short', 'guests expected']
	},
	'the caterer’s list': {
		path: () => `/events/${agendaEventId}/needs/catering`,
		az: ['Yeməklər', 'Gözlənilən qonaqlar'],
		ru: ['Питание', 'Ожидается гостей'],
		english: ['Guests expected', 'Of them, accepted']
	},
	'the interpreters’ schedule': {
		path: () => `/events/${agendaEventId}/needs/interpretation`,
		az: ['Tərcüməçilərin cədvəli', 'Nə tərcümə olunmalıdır'],
		ru: ['График переводчиков', 'Что переводить'],
		english: ['What to interpret', 'Speakers']
	},
	'a guest’s needs': {
		path: () => `/events/${agendaEventId}/participants/${participantId}/needs`,
		az: ['Qidalanma tələbləri', 'Ehtiyacları saxla', '>rus</option>'],
		ru: ['Требования к питанию', 'Сохранить потребности', '>русский</option>'],
		english: ['Dietary requirements', 'Save needs', 'None needed', 'Russian']
	}
};

describe.each(['az', 'ru'] as const)('in %s', (locale) => {
	test.each(Object.entries(pages))('%s speaks the reader’s language', async (_, expected) => {
		const { lang, html } = await page(expected.path(), locale);
		expect(lang).toBe(locale);
		for (const text of expected[locale]) expect(html).toContain(text);
		for (const text of expected.english) expect(html).not.toContain(text);
	});
});

const agendaItems = async () =>
	Number(
		(
			await database.db
				.selectFrom('agenda_item')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.where('event_id', '=', agendaEventId)
				.executeTakeFirstOrThrow()
		).n
	);

const durationError = {
	en: 'Enter the length in whole minutes, from 1 to 1440, or leave it empty.',
	az: 'Müddəti 1-dən 1440-dək tam dəqiqələrlə daxil edin və ya boş saxlayın.',
	ru: 'Укажите продолжительность в целых минутах, от 1 до 1440, или оставьте поле пустым.'
};

test.each(['az', 'ru', 'en'] as const)(
	'an agenda item of no sensible length is refused in %s, beside its field',
	async (locale) => {
		const before = await agendaItems();
		const response = await postForm(
			server,
			`/events/${agendaEventId}/agenda?/add`,
			{ kind: 'speech', title: 'Closing remarks', durationMinutes: '0', published: 'on' },
			{ cookie: cookieIn(locale) }
		);
		expect(response.status).toBe(400);
		const html = await response.text();
		expect(html).toContain(`<html lang="${locale}"`);
		expect(html).toContain(durationError[locale]);
		for (const other of Object.values(durationError).filter((text) => text !== durationError[locale])) {
			expect(html).not.toContain(other);
		}
		expect(await agendaItems()).toBe(before);
	}
);
