/**
 * The record forms and pages of projects, agreements, outcomes, correspondence (with its printed letter),
 * venues and organisations, and the action-point board, in Azerbaijani and Russian, against the built
 * server with the demo data: the language chosen by the switcher's cookie, <html lang> and the pages' own
 * words in that language with no English left over, and a refused form naming its fault in that language.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { demoOrganizationId } from '../helpers/demo-records';
import { postForm, withDatabase } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';
import { cookieIn, pageIn } from '../helpers/languages';

type Locale = 'az' | 'ru';

let server: RunningServer;
let session = '';
const ids = {
	project: 0,
	agreement: 0,
	outcome: 0,
	outcomeVersion: 0,
	letter: 0,
	venue: 0,
	iom: 0
};

beforeAll(async () => {
	server = await startServer();
	session = await signInOverHttp(
		server,
		await addUser(server.databaseUrl, 'officer', 'records-reader@protokol.test')
	);
	await withDatabase(server.databaseUrl, async (db) => {
		const first = async (table: 'project' | 'venue') =>
			(await db.selectFrom(table).select('id').orderBy('id').executeTakeFirstOrThrow()).id;
		ids.project = await first('project');
		ids.venue = await first('venue');
		ids.agreement = (
			await db
				.selectFrom('agreement')
				.select('id')
				.where('title', 'like', '%Voluntary Return%')
				.executeTakeFirstOrThrow()
		).id;
		const actionPoint = await db
			.selectFrom('outcome')
			.select(['id', 'version'])
			.where('kind', '=', 'action_point')
			.where('status', '=', 'open')
			.orderBy('id')
			.executeTakeFirstOrThrow();
		ids.outcome = actionPoint.id;
		ids.outcomeVersion = actionPoint.version;
		// A registered document with a text of its own, so that it has a printable letter.
		ids.letter = (
			await db
				.selectFrom('correspondence')
				.select('id')
				.where('draft', '=', 0)
				.orderBy('id')
				.executeTakeFirstOrThrow()
		).id;
		await db
			.updateTable('correspondence')
			.set({ body: 'Dear colleagues,\n\nThank you.' })
			.where('id', '=', ids.letter)
			.execute();
		ids.iom = await demoOrganizationId(db, 'IOM');
	});
});
afterAll(async () => {
	await server?.stop();
});

const cookie = (locale: Locale) => cookieIn(session, locale);
const page = (locale: Locale, path: string) => pageIn(server, session, locale, path);

/** Each page: what it must say in each language, and English it must no longer say. */
const pages: { group: string; path: () => string; az: string[]; ru: string[]; english: string[] }[] = [
	{
		group: 'projects',
		path: () => '/projects/new',
		az: ['Yeni layihə', 'Layihəni qeydə al', 'Proqram və ya maliyyə aləti'],
		ru: ['Новый проект', 'Внести проект', 'Программа или инструмент'],
		english: ['Record the project', 'Programme or instrument', 'as precisely as it is known']
	},
	{
		group: 'projects',
		path: () => `/projects/${ids.project}`,
		az: ['Məlumatlar', 'Tərəfdaşlar', 'Layihəni redaktə et'],
		ru: ['Сведения', 'Партнёры', 'Изменить проект'],
		english: ['Edit project', '<dt>Partners</dt>', 'Our focal point']
	},
	{
		group: 'projects',
		path: () => `/projects/${ids.project}/edit`,
		az: ['Layihəni redaktə et', 'Dəyişiklikləri yadda saxla'],
		ru: ['Изменить проект', 'Сохранить изменения'],
		english: ['Edit project', 'Save changes']
	},
	{
		group: 'agreements',
		path: () => '/agreements/new',
		az: ['Sazişi qeydə al', 'İmzalanma tarixi', 'Qüvvəyə minmə tarixi'],
		ru: ['Внести соглашение', 'Дата подписания', 'В силе с'],
		english: ['Record the agreement', 'Signed on', 'In force from']
	},
	{
		group: 'agreements',
		path: () => `/agreements/${ids.agreement}`,
		az: ['Tərəflər', 'tarixindən qüvvədədir', 'Onun çərçivəsində layihələr'],
		ru: ['Стороны', 'В силе с', 'Проекты в его рамках'],
		english: ['In force since', 'Projects under it', 'Edit agreement']
	},
	{
		group: 'agreements',
		path: () => `/agreements/${ids.agreement}/edit`,
		az: ['Sazişi redaktə et', 'Təsdiq aktı'],
		ru: ['Изменить соглашение', 'Утверждено актом'],
		english: ['Edit agreement', 'Approved by']
	},
	{
		group: 'outcomes',
		path: () => '/outcomes/new',
		az: ['Yeni nəticə', 'Nəticəni qeydə al', 'Məsul şəxs'],
		ru: ['Новый результат', 'Внести результат', 'Ответственное лицо'],
		english: ['Record the outcome', 'Responsible person']
	},
	{
		group: 'outcomes',
		path: () => `/outcomes/${ids.outcome}`,
		az: ['Vəziyyət tarixçəsi', 'Görüşlər üzrə gedişat', 'Vəziyyəti yadda saxla', 'Görüşə keçir'],
		ru: ['История статусов', 'Ход по встречам', 'Сохранить статус', 'Перенести на встречу'],
		english: ['Status history', 'Thread across meetings', 'Save status', 'Carry it to a meeting']
	},
	{
		group: 'outcomes',
		path: () => `/outcomes/${ids.outcome}/edit`,
		az: ['Nəticəni redaktə et', 'Məsul əməkdaş'],
		ru: ['Изменить результат', 'Ответственный сотрудник'],
		english: ['Edit outcome', 'Officer responsible']
	},
	{
		group: 'correspondence',
		path: () => '/correspondence/new',
		az: ['Sənədi qeydə al', 'Məktubun mətni', 'Cavab olaraq'],
		ru: ['Зарегистрировать документ', 'Текст письма', 'В ответ на'],
		english: ['Register the document', 'Text of the letter', 'In reply to']
	},
	{
		group: 'correspondence',
		path: () => `/correspondence/${ids.letter}`,
		az: ['Əlavələr', 'Fayl əlavə et', 'Çap üçün məktub'],
		ru: ['Приложения', 'Приложить файл', 'Письмо для печати'],
		english: ['Enclosures', 'Attach a file', 'Printable letter']
	},
	{
		group: 'correspondence',
		path: () => `/correspondence/${ids.letter}/edit`,
		az: ['Sənədi redaktə et', 'Kimdən'],
		ru: ['Изменить документ', 'От кого'],
		english: ['Edit document', 'Addressed to']
	},
	{
		group: 'correspondence',
		path: () => `/correspondence/${ids.letter}/letter`,
		az: ['Sənədə qayıt', 'Çap etmək üçün Ctrl+P basın'],
		ru: ['Назад к документу', 'Нажмите Ctrl+P для печати'],
		english: ['Back to the document', 'Press Ctrl+P']
	},
	{
		group: 'venues',
		path: () => '/venues/new',
		az: ['Yeni məkan', 'Məkanı əlavə et', 'Ölkə kodu'],
		ru: ['Новое место', 'Добавить место', 'Код страны'],
		english: ['Add the venue', 'Country code', 'the protocol entrance']
	},
	{
		group: 'venues',
		path: () => `/venues/${ids.venue}/edit`,
		az: ['Saat qurşağı', 'Dəyişiklikləri yadda saxla'],
		ru: ['Часовой пояс', 'Сохранить изменения'],
		english: ['Time zone', 'Save changes']
	},
	{
		group: 'organizations',
		path: () => '/organizations/new',
		az: ['Yeni təşkilat', 'Təşkilatı əlavə et', 'Qısaltma'],
		ru: ['Новая организация', 'Добавить организацию', 'Аббревиатура'],
		english: ['Add the organisation', 'Acronym', 'The full official name']
	},
	{
		group: 'organizations',
		path: () => `/organizations/${ids.iom}/edit`,
		az: ['Təşkilatı redaktə et', 'Veb-sayt'],
		ru: ['Изменить организацию', 'Веб-сайт'],
		english: ['Edit organisation', 'Website']
	},
	{
		group: 'actions',
		path: () => '/actions',
		az: ['İstənilən müddət', 'Məsul və ya tərəfdaş, adına görə', 'Açıq və icradadır'],
		ru: ['Любой срок', 'Ответственный или партнёр по имени', 'Открытые и в работе'],
		english: ['Any due date', 'Owner or partner by name', 'From a meeting of kind', 'action points, today']
	}
];

describe('the record forms and pages in Azerbaijani and Russian', () => {
	for (const locale of ['az', 'ru'] as const) {
		for (const group of [...new Set(pages.map((p) => p.group))]) {
			test(`${locale}: ${group}`, async () => {
				for (const expected of pages.filter((p) => p.group === group)) {
					const html = await page(locale, expected.path());
					for (const text of expected[locale]) expect(html, expected.path()).toContain(text);
					for (const text of expected.english) expect(html, expected.path()).not.toContain(text);
				}
			});
		}
	}
});

describe('refused forms name their faults in the reader’s language', () => {
	async function refused(locale: Locale, path: string, fields: Record<string, string>) {
		const response = await postForm(server, path, fields, { cookie: cookie(locale) });
		expect(response.status, path).toBe(400);
		const html = await response.text();
		expect(html.match(/<html lang="([^"]*)"/)?.[1], path).toBe(locale);
		return html;
	}

	test('ru: a project without a title and with a start that is no date', async () => {
		const html = await refused('ru', '/projects/new?/save', { title: '', state: 'ongoing', startOn: 'soon' });
		expect(html).toContain('Поле «Название» обязательно.');
		expect(html).toContain('Введите начало как год (2014), месяц (2014-03) или день (2014-03-15).');
		expect(html).not.toContain('Enter the start as a year');
	});

	test('az: an agreement with one party', async () => {
		const html = await refused('az', '/agreements/new?/save', { title: 'Saziş', parties: String(ids.iom) });
		expect(html).toContain('Ən azı iki tərəf seçin.');
		expect(html).not.toContain('Choose at least two parties.');
	});

	test('az: an outcome of no kind', async () => {
		const html = await refused('az', '/outcomes/new?/save', { kind: '', title: 'Nəticə', status: 'open' });
		expect(html).toContain('Növ seçin.');
	});

	test('ru: a document that does not say whether it came in or went out', async () => {
		const html = await refused('ru', '/correspondence/new?/save', {
			direction: '',
			kind: 'letter',
			datedOn: '2026-01-10',
			subject: 'Письмо'
		});
		expect(html).toContain('Укажите, получил отдел этот документ или отправил.');
	});

	test('ru: a venue whose country is no code', async () => {
		const html = await refused('ru', '/venues/new?/save', {
			name: 'Зал',
			city: 'Баку',
			countryCode: 'Azerbaijan',
			timeZone: 'Asia/Baku'
		});
		expect(html).toContain('Введите двухбуквенный код страны, например AZ или CH.');
	});

	test('az: an organisation with no name and no kind', async () => {
		const html = await refused('az', '/organizations/new?/save', { name: '', kind: '' });
		expect(html).toContain('«Adı» sahəsi mütləqdir.');
		expect(html).toContain('Növ seçin.');
	});

	test('ru: a status changed on the board without a note', async () => {
		const html = await refused('ru', '/actions?/status', {
			outcomeId: String(ids.outcome),
			version: String(ids.outcomeVersion),
			status: 'done',
			note: ''
		});
		expect(html).toContain('Поле «Примечание» обязательно.');
	});
});
