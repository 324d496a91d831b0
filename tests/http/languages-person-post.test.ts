/**
 * A person's current post and an organisation's name in more than one language, through the built
 * server on each engine (issue 18 §2): an officer saves an English and a Russian version of a person's
 * post on the person form; a Russian reader sees the Russian one on the person page and in the directory,
 * an English reader the English one, and a reader whose language has no version the post as written,
 * tagged with its language; a version too long is refused beside its field. The printed list of
 * participants and the programme, in English and Russian side by side, write the post and the
 * organisation's name (in a participant's title, and as host) in each column's language.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase, type DatabaseHandle } from '$lib/server/db/connection';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { engines, type TestDatabase } from '../helpers/databases';
import { insertEvent, insertOrganization, insertParticipation, insertPerson } from '../helpers/factories';
import { EMPTY_PERSON_FORM } from '../helpers/forms';
import { postForm } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';

/** The page's HTML without Svelte's hydration markers. */
async function read(server: RunningServer, cookie: string, path: string, locale: string) {
	const response = await fetch(`${server.url}${path}`, {
		headers: { cookie: `${cookie}; protokol_locale=${locale}` },
		redirect: 'manual'
	});
	expect(response.status, path).toBe(200);
	return (await response.text()).replace(/<!--[\s\S]*?-->/g, '');
}

/** The column of a two-language printout that is in `locale`, up to the next column or the printout's end. */
function column(html: string, locale: string): string {
	const start = html.indexOf(`<section class="column`);
	const printout = html.slice(start, html.indexOf('</article>', start));
	const sections = printout.split(/(?=<section class="column[^"]*" lang=")/);
	const found = sections.find((s) => s.startsWith('<section') && s.includes(`lang="${locale}"`));
	expect(found, `a column in ${locale}`).toBeDefined();
	return found!;
}

describe.each(engines)('on $name', (engine) => {
	let database: TestDatabase;
	let server: RunningServer;
	let handle: DatabaseHandle;
	let officer: string;
	let personId: number;
	let organizationId: number;
	let eventId: number;

	beforeAll(async () => {
		database = await engine.open();
		server = await startServer({ databaseUrl: database.url, env: { DEMO_DATA: 'off' } });
		officer = await signInOverHttp(server, await addUser(server.databaseUrl, 'officer'));
		handle = openDatabase(server.databaseUrl);
		const { db } = handle;
		// No acronym: a participant's title names the organisation in full.
		organizationId = (
			await insertOrganization(db, {
				name: 'Dövlət Miqrasiya Xidməti',
				name_locale: 'az',
				name_en: 'State Migration Service',
				name_ru: 'Государственная миграционная служба',
				acronym: null
			})
		).id;
		personId = (
			await insertPerson(db, {
				given_name: 'Vusal',
				family_name: 'Huseynov',
				position: 'Xidmətin rəisi',
				organization_id: organizationId
			})
		).id;
		eventId = (await insertEvent(db, { title: 'Round table on labour migration', time_zone: 'Asia/Baku' }))
			.id;
		await insertParticipation(db, eventId, personId, organizationId);
		await db
			.insertInto('event_organization')
			.values({ event_id: eventId, organization_id: organizationId, role: 'host', position: 1 })
			.execute();
	});
	afterAll(async () => {
		await handle?.close();
		await server?.stop();
		await database?.cleanup();
	});

	const page = (path: string, locale: string) => read(server, officer, path, locale);

	async function savePost(versions: Record<string, string>) {
		const { version } = await handle.db
			.selectFrom('person')
			.select('version')
			.where('id', '=', personId)
			.executeTakeFirstOrThrow();
		return postForm(
			server,
			`/people/${personId}/edit?/save`,
			{
				...EMPTY_PERSON_FORM,
				honorific: 'Mr',
				givenName: 'Vusal',
				familyName: 'Huseynov',
				position: 'Xidmətin rəisi',
				positionLocale: 'az',
				organizationId: String(organizationId),
				version: String(version),
				...versions
			},
			{ cookie: officer }
		);
	}

	test('an officer saves an English and a Russian version of the post, and each reader sees theirs', async () => {
		const saved = await savePost({ positionEn: 'Chief of the Service', positionRu: 'Начальник службы' });
		expect(saved.status).toBe(303);
		const row = await handle.db
			.selectFrom('person')
			.select(['position', 'position_locale', 'position_az', 'position_en', 'position_ru'])
			.where('id', '=', personId)
			.executeTakeFirstOrThrow();
		expect(row).toEqual({
			position: 'Xidmətin rəisi',
			position_locale: 'az',
			position_az: null,
			position_en: 'Chief of the Service',
			position_ru: 'Начальник службы'
		});

		const ru = await page(`/people/${personId}`, 'ru');
		expect(ru).toMatch(/<p class="position[^"]*">Начальник службы<\/p>/);
		expect(ru).not.toContain('Xidmətin rəisi');
		expect(await page(`/people/${personId}`, 'en')).toMatch(
			/<p class="position[^"]*">Chief of the Service<\/p>/
		);
		// Azerbaijani is the language it was written in: as written, untagged.
		expect(await page(`/people/${personId}`, 'az')).toMatch(/<p class="position[^"]*">Xidmətin rəisi<\/p>/);
		expect(await page('/people', 'ru')).toContain('Начальник службы');

		// The form shows the versions again, under their own legend.
		const form = await page(`/people/${personId}/edit`, 'ru');
		expect(form).toContain('Должность на других языках');
		expect(form).toMatch(
			/name="positionRu"[^>]*value="Начальник службы"|value="Начальник службы"[^>]*name="positionRu"/
		);
	});

	test('a reader whose language has no version sees the post as written, its language marked', async () => {
		expect((await savePost({ positionEn: 'Chief of the Service' })).status).toBe(303);
		const ru = await page(`/people/${personId}`, 'ru');
		expect(ru).toMatch(
			/<p class="position[^"]*"><span lang="az">Xidmətin rəisi<\/span>\s*<abbr class="locale-tag[^"]*"[^>]*>AZ<\/abbr><\/p>/
		);
		expect(await page('/people', 'ru')).toMatch(/<span lang="az">Xidmətin rəisi<\/span>\s*<abbr/);
	});

	test('a version too long is refused beside its field, and nothing is written', async () => {
		const response = await savePost({ positionRu: 'д'.repeat(301) });
		expect(response.status).toBe(400);
		const html = (await response.text()).replace(/<!--[\s\S]*?-->/g, '');
		expect(html).toMatch(/aria-invalid="true"[^>]*aria-describedby="[^"]*field-positionRu-error/);
		expect(html).toMatch(/<p class="error" id="field-positionRu-error">[^<]*300[^<]*<\/p>/);
		const row = await handle.db
			.selectFrom('person')
			.select('position_ru')
			.where('id', '=', personId)
			.executeTakeFirstOrThrow();
		expect(row.position_ru).toBeNull();
	});

	test('the participant list printed in English and Russian writes the post and the organisation in each column’s language', async () => {
		expect(
			(await savePost({ positionEn: 'Chief of the Service', positionRu: 'Начальник службы' })).status
		).toBe(303);
		const html = await page(`/events/${eventId}/participants/list?lang=en&also=ru`, 'az');
		const en = column(html, 'en');
		const ru = column(html, 'ru');
		expect(en).toContain('Chief of the Service, State Migration Service');
		expect(ru).toContain('Начальник службы, Государственная миграционная служба');
		expect(en).not.toContain('Государственная');
		expect(ru).not.toContain('State Migration Service');
	});

	test('the programme printed in English and Russian names the host in each column’s language', async () => {
		const html = await page(`/events/${eventId}/programme?lang=en&also=ru`, 'az');
		expect(column(html, 'en')).toMatch(/<dd>State Migration Service<\/dd>/);
		expect(column(html, 'ru')).toMatch(/<dd>Государственная миграционная служба<\/dd>/);
		expect(html).not.toContain('<dd>Dövlət Miqrasiya Xidməti</dd>');
	});
});
