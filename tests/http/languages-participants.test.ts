/**
 * The participants page, the seating planner and the thank-you letters in Azerbaijani and Russian, over
 * HTTP against the built server on the demo data, as an officer who chose the language with the
 * switcher's cookie: <html lang> and the pages' own words, a refused form's message in that language, and
 * a thank-you letter drafted in the language of its addressee whatever the officer reads.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { demoEventId, demoPersonId } from '../helpers/demo-records';
import { postForm, withDatabase } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';

const MEETING =
	'Meeting of the President of the Republic of Azerbaijan, Mr Ilham Aliyev, with the Director General of IOM, Mr William Lacy Swing';

let dir: string;
let databaseUrl: string;
let server: RunningServer;
let officer: string;
const ids = {} as Record<'meeting' | 'swing' | 'migrantsDay', number>;

const as = (locale: string) => `${officer}; protokol_locale=${locale}`;
const get = async (path: string, locale: string) => {
	const response = await fetch(`${server.url}${path}`, {
		headers: { cookie: as(locale) },
		redirect: 'manual'
	});
	return { status: response.status, text: await response.text() };
};
const htmlLang = (html: string) => html.match(/<html lang="([^"]*)"/)?.[1];

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-languages-participants-'));
	databaseUrl = join(dir, 'protokol.db');
	server = await startServer({ databaseUrl });
	officer = await signInOverHttp(server, await addUser(databaseUrl, 'officer'));
	await withDatabase(databaseUrl, async (db) => {
		ids.meeting = await demoEventId(db, MEETING);
		ids.swing = await demoPersonId(db, 'Swing');
		const planned = await db
			.selectFrom('seating_plan as plan')
			.innerJoin('event', 'event.id', 'plan.event_id')
			.select('event.id')
			.where('event.title', 'like', 'International Migrants Day%')
			.executeTakeFirstOrThrow();
		ids.migrantsDay = planned.id;
	});
});
afterAll(async () => {
	await server?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the participants page', () => {
	test('in Azerbaijani and in Russian, with no English heading left', async () => {
		const az = await get(`/events/${ids.meeting}/participants`, 'az');
		expect(az.status).toBe(200);
		expect(htmlLang(az.text)).toBe('az');
		expect(az.text).toContain('<h1>İştirakçılar</h1>');
		expect(az.text).toContain('Protokol sırası ilə');
		expect(az.text).toContain('Kataloqdan kimisə dəvət edin');
		expect(az.text).toContain('CSV faylından dəvət edin');
		expect(az.text).not.toContain('In order of precedence');

		const ru = await get(`/events/${ids.meeting}/participants`, 'ru');
		expect(htmlLang(ru.text)).toBe('ru');
		expect(ru.text).toContain('<h1>Участники</h1>');
		expect(ru.text).toContain('В порядке старшинства');
		expect(ru.text).toContain('Пригласить всех сотрудников организации');
		expect(ru.text).toContain('Стороны');
		expect(ru.text).not.toContain('Invite someone from the directory');
	});

	test('a refused new side says why beside the field, in Russian', async () => {
		const refused = await postForm(
			server,
			`/events/${ids.meeting}/participants?/createDelegation`,
			{ delegationName: '' },
			{ cookie: as('ru') }
		);
		expect(refused.status).toBe(400);
		const html = await refused.text();
		expect(htmlLang(html)).toBe('ru');
		expect(html).toContain('Название стороны');
		expect(html).not.toContain('Name of the side is required.');
	});

	test('a CSV preview names its problems in Azerbaijani', async () => {
		const preview = await postForm(
			server,
			`/events/${ids.meeting}/participants?/previewImport`,
			{ csv: 'given_name,family_name,organisation\nIlham,Mammadov,Ministry of Nowhere\n' },
			{ cookie: as('az') }
		);
		const html = await preview.text();
		expect(html).toContain('Naməlum təşkilat “Ministry of Nowhere”');
		expect(html).toContain('İlkin baxış');
	});

	test('the name badges print in Russian', async () => {
		const badges = await get(`/events/${ids.meeting}/participants/badges`, 'ru');
		expect(badges.status).toBe(200);
		expect(badges.text).toContain('Восемь бейджей на листе A4');
	});
});

describe('the seating planner', () => {
	test('the plan, its forms and its printouts in Russian and Azerbaijani', async () => {
		const ru = await get(`/events/${ids.migrantsDay}/seating`, 'ru');
		expect(ru.status).toBe(200);
		expect(htmlLang(ru.text)).toBe('ru');
		expect(ru.text).toContain('<h1>План рассадки</h1>');
		expect(ru.text).toContain('Предупреждения');
		expect(ru.text).toContain('Пересадить гостя');
		expect(ru.text).toMatch(/, место 1/);
		expect(ru.text).not.toContain('Move a guest');

		const az = await get(`/events/${ids.migrantsDay}/seating`, 'az');
		expect(htmlLang(az.text)).toBe('az');
		expect(az.text).toContain('<h1>Oturma planı</h1>');
		expect(az.text).toContain('Protokol sırasına görə yenidən yarat');

		const print = await get(`/events/${ids.migrantsDay}/seating/print?paper=a3`, 'az');
		expect(print.text).toContain('A3 formatında albom istiqamətində çap.');
		const cards = await get(`/events/${ids.migrantsDay}/seating/cards`, 'ru');
		expect(cards.text).toMatch(/ · место 1</);
	});

	test('a refused generation says why beside the field, in Azerbaijani, and nothing changes', async () => {
		const before = await get(`/events/${ids.migrantsDay}/seating`, 'en');
		const version = before.text.match(/name="version" value="(\d+)"/)![1]!;
		const refused = await postForm(
			server,
			`/events/${ids.migrantsDay}/seating?/generate`,
			{
				version,
				layout: 'banquet',
				topShape: 'long',
				topSeats: 'ten',
				shape: 'round',
				seatsPerTable: '8'
			},
			{ cookie: as('az') }
		);
		expect(refused.status).toBe(400);
		const html = await refused.text();
		expect(htmlLang(html)).toBe('az');
		expect(html).toContain('Baş masadakı yerlərin sayını rəqəmlə daxil edin.');
		expect((await get(`/events/${ids.migrantsDay}/seating`, 'en')).text).toContain(
			`name="version" value="${version}"`
		);
	});
});

describe('the thank-you letters', () => {
	test('the page in Azerbaijani; the letter in the office’s English while Swing has no language set', async () => {
		const az = await get(`/events/${ids.meeting}/thank-you`, 'az');
		expect(az.status).toBe(200);
		expect(htmlLang(az.text)).toBe('az');
		expect(az.text).toContain('<h1>Təşəkkür məktubları</h1>');
		expect(az.text).toContain('Seçilmiş məktubları hazırla');
		expect(az.text).toContain('Dear Director General,');
		expect(az.text).toContain('lang="en"');
	});

	test('once Swing prefers Russian, his letter is drafted in Russian, dates and all, on the English page too', async () => {
		await withDatabase(databaseUrl, (db) =>
			db.updateTable('person').set({ preferred_locale: 'ru' }).where('id', '=', ids.swing).execute()
		);
		const en = await get(`/events/${ids.meeting}/thank-you`, 'en');
		expect(htmlLang(en.text)).toBe('en');
		expect(en.text).toContain('<h1>Thank-you letters</h1>');
		expect(en.text).toContain('lang="ru"');
		expect(en.text).toContain('Уважаемый господин Генеральный директор,');
		expect(en.text).toContain('за нашу встречу 16 января 2017 г.');
		expect(en.text).toContain('С уважением,');
		expect(en.text).not.toContain('Dear Director General,');

		const drafted = await postForm(
			server,
			`/events/${ids.meeting}/thank-you?/draft`,
			{ addressee: String(ids.swing) },
			{ cookie: as('az') }
		);
		expect(drafted.status).toBe(303);
		const body = await withDatabase(databaseUrl, (db) =>
			db
				.selectFrom('correspondence')
				.select(['body', 'subject'])
				.where('addressee_person_id', '=', ids.swing)
				.where('draft', '=', 1)
				.executeTakeFirstOrThrow()
		);
		expect(body.body).toContain('Уважаемый господин Генеральный директор,');
		expect(body.subject).toMatch(/^Благодарственное письмо/);
	});

	test('drafting nobody is refused in Russian', async () => {
		const refused = await postForm(
			server,
			`/events/${ids.meeting}/thank-you?/draft`,
			{},
			{ cookie: as('ru') }
		);
		expect(refused.status).toBe(400);
		const html = await refused.text();
		expect(html).toContain('Выберите хотя бы одного человека, которого нужно поблагодарить.');
	});
});
