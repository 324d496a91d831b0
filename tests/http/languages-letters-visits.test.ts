/**
 * Words that follow a language other than the page's, and the last ones that were English, against the
 * built server with the demo data: a printed letter says its reference and its date in the letter's
 * language (its addressee's) whoever prints it; the visit forms refuse in the reader's language beside
 * the field, the time zone's too; the attach hint says the size limit as the language writes it.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { postForm, withDatabase } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';
import { cookieIn, pageIn, type PageLocale } from '../helpers/languages';
import { itemForm, visitForm } from '../helpers/visit-forms';

type Locale = PageLocale;

let server: RunningServer;
let session = '';
const letters = { ru: 0, en: 0 };

beforeAll(async () => {
	server = await startServer();
	session = await signInOverHttp(
		server,
		await addUser(server.databaseUrl, 'officer', 'letters-reader@protokol.test')
	);
	await withDatabase(server.databaseUrl, async (db) => {
		const [first, second] = await db
			.selectFrom('correspondence')
			.select('id')
			.where('draft', '=', 0)
			.orderBy('id')
			.limit(2)
			.execute();
		const [russian, english] = await db.selectFrom('person').select('id').orderBy('id').limit(2).execute();
		await db.updateTable('person').set({ preferred_locale: 'ru' }).where('id', '=', russian!.id).execute();
		await db.updateTable('person').set({ preferred_locale: 'en' }).where('id', '=', english!.id).execute();
		for (const [id, addressee, body] of [
			[first!.id, russian!.id, 'Уважаемый господин Министр,\n\nБлагодарим Вас.'],
			[second!.id, english!.id, 'Dear Minister,\n\nThank you.']
		] as const) {
			await db
				.updateTable('correspondence')
				.set({
					body,
					addressee_person_id: addressee,
					reference_number: '09/1502',
					dated_on: '2017-01-16',
					place: null
				})
				.where('id', '=', id)
				.execute();
		}
		letters.ru = first!.id;
		letters.en = second!.id;
	});
});
afterAll(async () => {
	await server?.stop();
});

const cookie = (locale: Locale) => cookieIn(session, locale);
const page = (locale: Locale, path: string) => pageIn(server, session, locale, path);

/** The printed sheet's head: the reference and the date line, with the language it is marked in. */
function letterHead(html: string) {
	const head = /<div class="letter-head[^"]*"(?: lang="([^"]*)")?>([\s\S]*?)<\/div>/.exec(html);
	expect(head, 'the letter head').not.toBeNull();
	return {
		lang: head![1],
		text: head![2]!
			.replace(/<[^>]*>/g, ' ')
			.replace(/\s+/g, ' ')
			.trim()
	};
}

describe('a printed letter is in its own language, whatever the reader’s', () => {
	test('a Russian letter printed by an English reader', async () => {
		const html = await page('en', `/correspondence/${letters.ru}/letter`);
		expect(html).toContain('Back to the document');
		expect(letterHead(html)).toEqual({ lang: 'ru', text: 'Исх. № 09/1502 16 января 2017 г.' });
		expect(html).not.toContain('Ref: 09/1502');
	});

	test('an English letter printed by an Azerbaijani reader', async () => {
		const html = await page('az', `/correspondence/${letters.en}/letter`);
		expect(html).toContain('Sənədə qayıt');
		expect(letterHead(html)).toEqual({ lang: 'en', text: 'Ref: 09/1502 16 January 2017' });
	});

	test('the same Russian letter printed by an Azerbaijani reader reads the same', async () => {
		const html = await page('az', `/correspondence/${letters.ru}/letter`);
		expect(letterHead(html).text).toBe('Исх. № 09/1502 16 января 2017 г.');
	});
});

describe('the visit forms refuse in the reader’s language, beside the field', () => {
	/** The messages beside the fields of a refused form, by field. */
	async function refused(locale: Locale, path: string, fields: Record<string, string>) {
		const response = await postForm(server, path, fields, { cookie: cookie(locale) });
		expect(response.status, path).toBe(400);
		const html = await response.text();
		expect(html.match(/<html lang="([^"]*)"/)?.[1], path).toBe(locale);
		return {
			html,
			errors: Object.fromEntries(
				[...html.matchAll(/<p class="error" id="field-([\w-]+)-error">([^<]*)<\/p>/g)].map((e) => [
					e[1],
					e[2]
				])
			)
		};
	}

	const zoneMissing = { az: '«Saat qurşağı» sahəsi mütləqdir.', ru: 'Поле «Часовой пояс» обязательно.' };
	const zoneUnknown = {
		az: 'Siyahıdan saat qurşağı seçin (Asia/Baku kimi IANA adı).',
		ru: 'Выберите часовой пояс из списка (имя IANA, например Asia/Baku).'
	};

	for (const locale of ['az', 'ru'] as const) {
		test(`${locale}: a visit without a time zone, and one with a zone that is none`, async () => {
			const missing = await refused(locale, '/visits/new?/save', visitForm({ timeZone: '' }));
			expect(missing.errors).toEqual({ timeZone: zoneMissing[locale] });
			expect(missing.html).not.toContain('Time zone');
			const unknown = await refused(locale, '/visits/new?/save', visitForm({ timeZone: 'Geneva' }));
			expect(unknown.errors).toEqual({ timeZone: zoneUnknown[locale] });
		});

		test(`${locale}: a programme item without a time zone, and one in a zone that is none`, async () => {
			const missing = await refused(locale, '/visits/1/items/new?/save', itemForm({ timeZone: '' }));
			expect(missing.errors).toEqual({ timeZone: zoneMissing[locale] });
			const unknown = await refused(locale, '/visits/1/items/new?/save', itemForm({ timeZone: 'Mars/Base' }));
			expect(unknown.errors).toEqual({ timeZone: zoneUnknown[locale] });
		});
	}

	test('ru: a programme moved sideways is refused with its message above the programme', async () => {
		const { html } = await refused('ru', '/visits/1?/move', { itemId: '1', direction: 'sideways' });
		expect(html).toContain('<p class="form-error" role="alert">Переместите вверх или вниз.</p>');
	});
});

test('the attach hint says the size limit as each language writes it', async () => {
	const path = `/correspondence/${letters.en}`;
	expect(await page('ru', path)).toContain('PDF, DOCX, ODT, JPEG или PNG, до 20 МБ.');
	expect(await page('az', path)).toContain('PDF, DOCX, ODT, JPEG və ya PNG, 20 MB həcmədək.');
	expect(await page('en', path)).toContain('PDF, DOCX, ODT, JPEG or PNG, up to 20 MB.');
});

describe('the last English words a page showed, now in the reader’s language', () => {
	async function answer(locale: Locale, path: string, fields?: Record<string, string>) {
		const response = fields
			? await postForm(server, path, fields, { cookie: cookie(locale) })
			: await fetch(`${server.url}${path}`, { headers: { cookie: cookie(locale) } });
		return { status: response.status, html: await response.text() };
	}

	test('ru: an imported invitation that is no calendar', async () => {
		const refused = await answer('ru', '/inbox/import?/preview', { source: 'Приходите во вторник.' });
		expect(refused.status).toBe(400);
		expect(refused.html).toContain('Это не файл iCalendar (нет BEGIN:VCALENDAR).');
	});

	test('az: a personal link for a thousand days', async () => {
		const refused = await answer('az', '/people/1?/issueLink', { validDays: '999' });
		expect(refused.status).toBe(400);
		expect(refused.html).toContain('Gün sayını tam ədəd kimi daxil edin: ən azı 1, ən çoxu 365.');
	});

	test('ru: an outcome due on no date', async () => {
		const refused = await answer('ru', '/outcomes/new?/save', {
			kind: 'action_point',
			title: 'Поручение',
			status: 'open',
			dueOn: 'скоро'
		});
		expect(refused.status).toBe(400);
		expect(refused.html).toContain('Введите срок в виде даты.');
	});

	test('ru: a person who is not there', async () => {
		const missing = await answer('ru', '/people/999999');
		expect(missing.status).toBe(404);
		expect(missing.html).toContain('Такого человека нет.');
	});
});
