/**
 * Agenda item titles and positions in more than one language (issue 18 §2), on both engines: kept with
 * their Azerbaijani, English and Russian versions through their forms' inputs, read back in the reader's
 * language with a visible fallback to the original on the agenda, the programme, the list of
 * participants and the person's posts, a person's current post and the organisation they came for
 * included; the demo's programme and key people carry their versions.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { overwriteServerAsyncLocalStorage } from '$lib/paraglide/runtime';
import { AgendaItemInput, AgendaItemUpdateInput } from '$lib/server/agenda/agenda.input';
import {
	addAgendaItem,
	findAgendaItemPage,
	findAgendaPage,
	findProgramme,
	updateAgendaItem
} from '$lib/server/agenda/agenda.service';
import type { Database } from '$lib/server/db/schema';
import { loadDemoData } from '$lib/server/demo/demo.service';
import { inLocale } from '$lib/server/i18n/locale';
import { parsePrintLanguages } from '$lib/server/i18n/print-languages';
import { findParticipantPrint } from '$lib/server/participants/participant-read.service';
import { PersonPositionInput } from '$lib/server/people/person-position.input';
import { addPersonPosition, findPersonPositionsPage } from '$lib/server/people/person-position.service';
import { fieldErrors } from '$lib/server/validation';
import { officer } from '../helpers/actors';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertEvent, insertOrganization, insertParticipation, insertPerson } from '../helpers/factories';

const item = (values: Record<string, string>) => ({
	kind: 'speech',
	title: 'Opening speech',
	durationMinutes: '15',
	notes: '',
	published: 'on',
	...values
});

const post = (values: Record<string, string>) => ({
	position: 'Chief of Mission, IOM Azerbaijan',
	organizationId: '',
	rank: '',
	fromOn: '',
	toOn: '',
	notes: '',
	...values
});

describe('the forms’ inputs', () => {
	test('an agenda item refuses a language that is not one of ours, beside the field', () => {
		const result = AgendaItemInput.safeParse(item({ titleLocale: 'fr' }));
		expect(result.success).toBe(false);
		if (!result.success)
			expect(fieldErrors(result.error).titleLocale).toMatch(/Azerbaijani, English or Russian/);
	});

	test('a post refuses a version too long, beside its field', () => {
		const result = PersonPositionInput.safeParse(post({ positionRu: 'я'.repeat(301) }));
		expect(result.success).toBe(false);
		if (!result.success) expect(fieldErrors(result.error).positionRu).toBeTruthy();
	});

	test('empty versions are none, and a form without them reads as having none', () => {
		expect(AgendaItemInput.parse(item({ titleAz: '  ' }))).toMatchObject({
			titleAz: null,
			titleLocale: null
		});
		expect(PersonPositionInput.parse(post({}))).toMatchObject({ positionAz: null, positionLocale: null });
	});
});

describe('the languages of a printout', () => {
	const parse = (query: string) => parsePrintLanguages(new URLSearchParams(query), 'ru');

	test('are the reader’s alone unless asked', () => {
		expect(parse('')).toEqual({ first: 'ru', second: null });
	});

	test('are the two asked for, in their order', () => {
		expect(parse('lang=az&also=en')).toEqual({ first: 'az', second: 'en' });
	});

	test('print one column when the second is the first again or not one of ours', () => {
		expect(parse('lang=en&also=en')).toEqual({ first: 'en', second: null });
		expect(parse('lang=fr&also=de')).toEqual({ first: 'ru', second: null });
	});
});

describeEachEngine('agenda titles and positions in more than one language', (engine) => {
	let handle: TestDatabase;
	let db: Kysely<Database>;
	let eventId = 0;
	let itemId = 0;
	let personId = 0;

	beforeAll(async () => {
		// As the server's hooks do: the language kept for each request (here, each `inLocale`).
		overwriteServerAsyncLocalStorage(new AsyncLocalStorage());
		handle = await engine.open();
		db = handle.db;
		await loadDemoData(db);
		const event = await insertEvent(db, {
			title: 'Meeting with the IOM Chief of Mission',
			start_at: '2026-03-10T07:00:00.000Z',
			end_at: '2026-03-10T09:00:00.000Z'
		});
		eventId = event.id;
		const added = await addAgendaItem(
			db,
			officer,
			eventId,
			AgendaItemInput.parse(item({ titleLocale: 'en', titleAz: 'Açılış nitqi' }))
		);
		itemId = added.id;
		const person = await insertPerson(db, { given_name: 'Vladimir', family_name: 'Gjorgjiev' });
		personId = person.id;
		await insertParticipation(db, eventId, personId);
		await addPersonPosition(
			db,
			officer,
			personId,
			PersonPositionInput.parse(
				post({
					positionLocale: 'en',
					positionRu: 'Глава Представительства МОМ в Азербайджане',
					fromOn: '2020-01-01'
				})
			)
		);
	});

	afterAll(async () => {
		overwriteServerAsyncLocalStorage(undefined);
		await handle?.close();
	});

	test('an agenda item keeps its title as written, its language and the versions given', async () => {
		const row = await db
			.selectFrom('agenda_item')
			.selectAll()
			.where('id', '=', itemId)
			.executeTakeFirstOrThrow();
		expect(row).toMatchObject({
			title: 'Opening speech',
			title_locale: 'en',
			title_az: 'Açılış nitqi',
			title_en: null,
			title_ru: null
		});
	});

	test('the agenda reads the title in the reader’s language, else as written with its language', async () => {
		const az = await inLocale('az', () => findAgendaPage(db, eventId));
		expect(az?.items.map((i) => [i.title, i.titleLocale])).toEqual([['Açılış nitqi', null]]);
		const ru = await inLocale('ru', () => findProgramme(db, eventId));
		expect(ru?.items.map((i) => [i.title, i.titleLocale])).toEqual([['Opening speech', 'en']]);
	});

	test('the item’s form is filled with the title as written, whatever the reader’s language', async () => {
		const page = await inLocale('az', () => findAgendaItemPage(db, eventId, itemId));
		expect(page?.item.titleFields).toEqual({
			title: 'Opening speech',
			titleLocale: 'en',
			titleAz: 'Açılış nitqi',
			titleEn: '',
			titleRu: ''
		});
	});

	test('saving the item changes its versions', async () => {
		const current = await findAgendaItemPage(db, eventId, itemId);
		await updateAgendaItem(
			db,
			officer,
			itemId,
			AgendaItemUpdateInput.parse({
				...item({ titleLocale: 'en', titleAz: '', titleRu: 'Вступительная речь' }),
				version: String(current!.item.version)
			}),
			eventId
		);
		const row = await db
			.selectFrom('agenda_item')
			.select(['title_az', 'title_ru'])
			.where('id', '=', itemId)
			.executeTakeFirstOrThrow();
		expect(row).toEqual({ title_az: null, title_ru: 'Вступительная речь' });
		const ru = await inLocale('ru', () => findProgramme(db, eventId));
		expect(ru?.items[0]).toMatchObject({ title: 'Вступительная речь', titleLocale: null });
	});

	test('a post keeps its versions, and the person’s posts read them in the reader’s language', async () => {
		const ru = await inLocale('ru', () => findPersonPositionsPage(db, personId));
		expect(ru?.positions[0]).toMatchObject({
			position: 'Глава Представительства МОМ в Азербайджане',
			positionLocale: null
		});
		expect(ru?.positions[0]?.values).toMatchObject({
			position: 'Chief of Mission, IOM Azerbaijan',
			positionLocale: 'en',
			positionRu: 'Глава Представительства МОМ в Азербайджане',
			positionAz: ''
		});
		const az = await inLocale('az', () => findPersonPositionsPage(db, personId));
		expect(az?.positions[0]).toMatchObject({
			position: 'Chief of Mission, IOM Azerbaijan',
			positionLocale: 'en'
		});
	});

	test('the list of participants names the post held at the event in the reader’s language', async () => {
		const ru = await inLocale('ru', () => findParticipantPrint(db, eventId));
		const person = ru?.people.find((p) => p.personId === personId);
		expect(person).toMatchObject({
			position: 'Глава Представительства МОМ в Азербайджане',
			positionLocale: null,
			titles: 'Глава Представительства МОМ в Азербайджане'
		});
		const az = await inLocale('az', () => findParticipantPrint(db, eventId));
		expect(az?.people.find((p) => p.personId === personId)).toMatchObject({
			position: 'Chief of Mission, IOM Azerbaijan',
			positionLocale: 'en'
		});
	});

	test('a participant with no post recorded for the event is named by their current post’s version, and their organisation’s', async () => {
		const embassy = await insertOrganization(db, {
			name: 'Embassy of Georgia',
			name_locale: 'en',
			name_ru: 'Посольство Грузии',
			acronym: null
		});
		const ambassador = await insertPerson(db, {
			given_name: 'Zurab',
			family_name: 'Pataradze',
			position: 'Ambassador',
			position_locale: 'en',
			position_ru: 'Посол',
			organization_id: embassy.id
		});
		await insertParticipation(db, eventId, ambassador.id, embassy.id);
		const ru = await inLocale('ru', () => findParticipantPrint(db, eventId));
		expect(ru?.people.find((p) => p.personId === ambassador.id)).toMatchObject({
			position: 'Посол',
			positionLocale: null,
			titles: 'Посол, Посольство Грузии'
		});
		const az = await inLocale('az', () => findParticipantPrint(db, eventId));
		expect(az?.people.find((p) => p.personId === ambassador.id)).toMatchObject({
			position: 'Ambassador',
			positionLocale: 'en',
			titles: 'Ambassador, Embassy of Georgia'
		});
	});

	test('the demo’s programme of International Migrants Day 2021 and its Chief carry their versions', async () => {
		const imd = await db
			.selectFrom('event')
			.select('id')
			.where('title', '=', 'International Migrants Day 2021')
			.executeTakeFirstOrThrow();
		const az = await inLocale('az', () => findProgramme(db, imd.id));
		expect(az?.title).toBe('Beynəlxalq Miqrantlar Günü 2021');
		const welcome = az?.items[0];
		expect(welcome).toMatchObject({ title: 'Salamlama nitqi', titleLocale: null });
		expect(welcome?.people[0]).toMatchObject({
			name: 'Mr Vusal Huseynov',
			position: 'Dövlət Miqrasiya Xidmətinin rəisi',
			positionLocale: null
		});
		const ru = await inLocale('ru', () => findProgramme(db, imd.id));
		expect(ru?.items.map((i) => i.title)).toContain('Миграционный профиль Азербайджанской Республики');
		// An item with no Russian version falls back to the English, tagged.
		expect(ru?.items.find((i) => i.title === 'Opening speech')?.titleLocale).toBe('en');
	});
});
