/**
 * The person forms (new, merge), a visit and its printed itinerary, the inbox, the API token page and the
 * gifts report in Azerbaijani and Russian, against the built server with the demo data: the language
 * chosen by the switcher's cookie (protokol_locale), <html lang>, the pages' own words in that language
 * and no English left over; and failed forms answered in the reader's language, beside their field.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { demoOrganizationId, demoPersonId } from '../helpers/demo-records';
import { postForm, withDatabase } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';

type Locale = 'az' | 'ru';

let server: RunningServer;
/** The administrator's session (the API token page is theirs; every other page here an officer's too). */
let admin: string;
let officer: string;
let huseynovId: number;
let smsId: number;
/** The demo's first visit and the head of its delegation. */
let visitId: number;
let memberId: number;

beforeAll(async () => {
	server = await startServer();
	admin = await signInOverHttp(
		server,
		await addUser(server.databaseUrl, 'admin', 'misc-admin@protokol.test')
	);
	officer = await signInOverHttp(
		server,
		await addUser(server.databaseUrl, 'officer', 'misc-officer@protokol.test')
	);
	await withDatabase(server.databaseUrl, async (db) => {
		huseynovId = await demoPersonId(db, 'Huseynov');
		smsId = await demoOrganizationId(db, 'SMS');
		const member = await db
			.selectFrom('visit_member')
			.select(['visit_id', 'person_id'])
			.orderBy('visit_id')
			.orderBy('position')
			.executeTakeFirstOrThrow();
		visitId = member.visit_id;
		memberId = member.person_id;
	});
});
afterAll(async () => {
	await server?.stop();
});

const cookie = (session: string, locale: Locale) => `${session}; protokol_locale=${locale}`;

async function page(locale: Locale, path: string, session = officer) {
	const response = await fetch(`${server.url}${path}`, { headers: { cookie: cookie(session, locale) } });
	expect(response.status, path).toBe(200);
	const html = await response.text();
	expect(html.match(/<html lang="([^"]*)"/)?.[1], path).toBe(locale);
	return html;
}

/** Each page: who opens it, what it must say in each language, and English it must no longer say. */
const pages: {
	path: () => string;
	session?: () => string;
	az: string[];
	ru: string[];
	english: string[];
}[] = [
	{
		path: () => '/people/new',
		az: ['<h1>Yeni şəxs</h1>', 'Kataloqa əlavə et', 'Şəxslər'],
		ru: ['<h1>Новый человек</h1>', 'Добавить в справочник', 'Люди'],
		english: ['Add to the directory', 'exactly as protocol writes them']
	},
	{
		path: () => `/people/${huseynovId}/merge?q=Swing`,
		az: ['Saxlanılacaq qeyd', 'Şəxsi adına görə tapın', 'Bu qeyd (birləşdirilib silinir)', 'Bunu saxla'],
		ru: [
			'Запись, которую нужно сохранить',
			'Найти человека по имени',
			'Эта запись (объединяется и удаляется)',
			'Сохранить эту'
		],
		english: ['The record to keep', 'Find the person by name', 'Keep this one', 'events taken part in']
	},
	{
		path: () => `/visits/${visitId}`,
		az: ['Nümayəndə heyəti', 'Çap üçün proqram', 'Proqrama əlavə et', 'Fərdi proqram', 'Səfərlər'],
		ru: ['Делегация', 'Программа для печати', 'Добавить в программу', 'Индивидуальная программа', 'Визиты'],
		english: ['Printable programme', 'The delegation', 'Add to the programme', '>Itinerary<']
	},
	{
		path: () => `/visits/${visitId}/itinerary/${memberId}`,
		az: ['Fərdi proqram:', 'Səfərə qayıt', 'Çap et', 'bütün vaxtlar'],
		ru: ['Индивидуальная программа:', 'Назад к визиту', 'Печать', 'всё время по'],
		english: ['Back to the visit', 'all times', '>Print<', 'Itinerary:']
	},
	{
		path: () => '/inbox',
		az: ['<h1>Daxil olan məktublar</h1>', 'Dəvətnaməni idxal et', 'Gözləyən təkliflər', 'Hamısı'],
		ru: ['<h1>Входящие</h1>', 'Импортировать приглашение', 'Ожидающие предложения', 'Все'],
		english: ['Import an invitation', 'Proposals waiting', 'Answers recorded', 'newest first']
	},
	{
		path: () => '/inbox/import',
		az: ['Dəvətnamənin idxalı', 'Və ya dəvətnaməni bura yapışdırın'],
		ru: ['Импорт приглашения', 'Или вставьте приглашение сюда'],
		english: ['Or paste the invitation here', 'Invitation file']
	},
	{
		path: () => '/admin/api-tokens',
		session: () => admin,
		az: ['<h1>API tokenləri</h1>', 'İdarəetmə', 'İnteqrasiya', 'Token ver'],
		ru: ['<h1>API-токены</h1>', 'Администрирование', 'Интеграция', 'Выдать токен'],
		english: ['Issue a token', 'Reads as', 'Valid through', 'no token can change anything']
	},
	{
		path: () => `/gifts/report?year=2017&organization=${smsId}`,
		az: ['İllik hesabat', 'Alınan', 'Verilən', 'CSV-ni yüklə', '2017-ci ildə hədiyyələr'],
		ru: ['Годовой отчёт', 'Полученные', 'Переданные', 'Скачать CSV', 'подарки в 2017 году'],
		english: ['Yearly report', 'Download CSV', 'Gifts of ', 'or organisation']
	}
];

describe('people, visits, the inbox, API tokens and the gifts report in Azerbaijani and Russian', () => {
	for (const locale of ['az', 'ru'] as const) {
		test(`${locale}: the pages speak it`, async () => {
			for (const expected of pages) {
				const html = await page(locale, expected.path(), expected.session?.() ?? officer);
				for (const text of expected[locale]) expect(html, expected.path()).toContain(text);
				for (const text of expected.english) expect(html, expected.path()).not.toContain(text);
			}
		});
	}

	test('the visit form refuses in Azerbaijani, beside its field', async () => {
		const response = await postForm(
			server,
			'/visits/new?/save',
			{
				title: 'Səfər',
				kind: 'working',
				organizationId: '',
				hostOrganizationId: '',
				memberIds: String(memberId),
				startsOn: '2017-02-02',
				endsOn: '2017-02-01',
				timeZone: 'Asia/Baku',
				timing: 'exact',
				notes: '',
				version: ''
			},
			{ cookie: cookie(officer, 'az') }
		);
		expect(response.status).toBe(400);
		const html = await response.text();
		expect(html).toContain('id="field-endsOn-error">Son gün ilk gündən əvvəl ola bilməz.');
		expect(html).not.toContain('The last day cannot be before the first.');
	});

	test('the API token form refuses in Russian, beside its field', async () => {
		const response = await postForm(
			server,
			'/admin/api-tokens?/issue',
			{ name: '', role: 'owner', validThrough: 'soon' },
			{ cookie: cookie(admin, 'ru') }
		);
		expect(response.status).toBe(400);
		const html = await response.text();
		expect(html).toContain('Поле «Название» обязательно.');
		expect(html).toContain('Выберите роль, с которой читает токен.');
		expect(html).toContain('Введите последний день в виде даты.');
		expect(html).not.toContain('Choose the role the token reads with.');
	});

	test('deleting someone the directory names is refused in Russian, counting what names him', async () => {
		const html = await page('ru', `/people/${huseynovId}/delete`);
		expect(html).toContain('нельзя удалить');
		expect(html).toMatch(/Участие в мероприятиях: \d+/);
		expect(html).not.toContain('taken part in');
	});
});
