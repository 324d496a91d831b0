/**
 * The record pages (people, organisations, correspondence, outcomes, gifts, action points) in
 * Azerbaijani and Russian, against the built server with the demo data: the language chosen through the
 * switcher's form, <html lang> and the pages' own words in that language, and no English left over.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { demoOrganizationId, demoPersonId } from '../helpers/demo-records';
import { postForm, withDatabase } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let huseynovId: number;
let iomId: number;
const sessions: Record<'az' | 'ru', string> = { az: '', ru: '' };

beforeAll(async () => {
	server = await startServer();
	for (const locale of ['az', 'ru'] as const) {
		const session = await signInOverHttp(
			server,
			await addUser(server.databaseUrl, 'officer', `${locale}-reader@protokol.test`)
		);
		const chose = await postForm(server, '/language', { locale, next: '/people' }, { cookie: session });
		expect(chose.status).toBe(303);
		sessions[locale] = session;
	}
	await withDatabase(server.databaseUrl, async (db) => {
		huseynovId = await demoPersonId(db, 'Huseynov');
		iomId = await demoOrganizationId(db, 'IOM');
	});
});
afterAll(async () => {
	await server?.stop();
});

async function page(locale: 'az' | 'ru', path: string) {
	const response = await fetch(`${server.url}${path}`, { headers: { cookie: sessions[locale] } });
	expect(response.status).toBe(200);
	const html = await response.text();
	expect(html.match(/<html lang="([^"]*)"/)?.[1]).toBe(locale);
	return html;
}

/** Each page: what it must say in each language, and English it must no longer say. */
const pages: { path: () => string; az: string[]; ru: string[]; english: string[] }[] = [
	{
		path: () => '/people',
		az: ['<h1>Şəxslər</h1>', 'Kataloq', 'Vəzifə', 'Yeni şəxs'],
		ru: ['<h1>Люди</h1>', 'Справочник', 'Должность', 'Новый человек'],
		english: ['New person', 'Filter people', '>Position<']
	},
	{
		path: () => `/people/${huseynovId}`,
		az: ['Məlumatlar', 'Tutduğu vəzifələr', 'Məsul olduğu nəticələr', 'Yazışmalar'],
		ru: ['Сведения', 'Занимаемые должности', 'Результаты, за которые он отвечает', 'Переписка'],
		english: ['Posts held', 'Outcomes they own', 'Speaking engagements', 'Edit person']
	},
	{
		path: () => `/organizations/${iomId}`,
		az: ['Dosye', 'Rəhbər və əlaqə şəxsləri', 'Xronologiya', 'Qüvvədə olan sazişlər'],
		ru: ['Досье', 'Руководитель и контакты', 'Хронология', 'Действующие соглашения'],
		english: ['Head and contacts', 'Timeline', 'Agreements in force', 'Open action points']
	},
	{
		path: () => '/correspondence',
		az: ['<h1>Yazışmalar</h1>', 'CSV kimi ixrac et', 'Mövzu', 'Cavabımızı gözləyir'],
		ru: ['<h1>Переписка</h1>', 'Экспорт в CSV', 'Тема', 'Ожидает нашего ответа'],
		english: ['Export as CSV', 'Register a document', 'Awaiting our reply']
	},
	{
		path: () => `/outcomes?person=${huseynovId}`,
		az: ['<h1>Nəticələr</h1>', 'İcra nəzarəti reyestri', 'Məsul şəxs', 'Süzgəcləri təmizlə'],
		ru: ['<h1>Результаты</h1>', 'Реестр контроля исполнения', 'Ответственный', 'Сбросить фильтры'],
		english: ['Follow-up register', 'New outcome', 'Clear filters', '>Filter<']
	},
	{
		path: () => '/gifts',
		az: ['<h1>Hədiyyələr</h1>', 'Hədiyyəni qeydə al', 'Alınmış və ya verilmiş'],
		ru: ['<h1>Подарки</h1>', 'Зарегистрировать подарок', 'Получен или вручён'],
		english: ['Register a gift', 'Received or given', 'Yearly report for declarations']
	},
	{
		path: () => '/actions',
		az: ['<h1>Tapşırıqlar</h1>', 'CSV yüklə'],
		ru: ['<h1>Поручения</h1>', 'Скачать CSV'],
		english: ['Download CSV', 'Follow-up across all events']
	}
];

describe('the record pages in Azerbaijani and Russian', () => {
	for (const locale of ['az', 'ru'] as const) {
		test(`${locale}: people, a person, an organisation, correspondence, outcomes, gifts, action points`, async () => {
			for (const expected of pages) {
				const html = await page(locale, expected.path());
				for (const text of expected[locale]) expect(html, expected.path()).toContain(text);
				for (const text of expected.english) expect(html, expected.path()).not.toContain(text);
			}
		});
	}

	test('the outcomes list filtered to a person names that person in its filter, and keeps it', async () => {
		const html = await page('ru', `/outcomes?person=${huseynovId}`);
		expect(html).toMatch(new RegExp(`name="person" value="${huseynovId}"`));
		expect(html).toContain('Huseynov');
	});

	test('the gift form refuses in the reader’s language, next to its fields', async () => {
		const response = await postForm(
			server,
			'/gifts/new?/save',
			{ direction: 'received', givenOn: 'soon', description: '', disposition: 'kept', version: '' },
			{ cookie: sessions.ru }
		);
		expect(response.status).toBe(400);
		const html = await response.text();
		expect(html).toContain('Введите дату вручения в формате даты.');
		expect(html).toContain('Укажите, кто вручил: человек, организация или оба.');
		expect(html).toContain('Поле «Описание» обязательно.');
		expect(html).not.toContain('Name who gave it');
	});
});
