/**
 * Content in more than one language (issue 18 §2), on both engines: an event's title kept with its
 * Azerbaijani, English and Russian versions through the form, read back in the reader's language with a
 * visible fallback to the original, found by search in any of its versions; the demo's International
 * Migrants Day and IOM carry their versions.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '$lib/server/db/schema';
import { loadDemoData } from '$lib/server/demo/demo.service';
import { emptyEventForm } from '$lib/server/events/event-form.view';
import { findEventForm, findEventPage } from '$lib/server/events/event-read.service';
import { EventFormInput, type EventFormValues } from '$lib/server/events/event.input';
import { scheduleEvent } from '$lib/server/events/event.service';
import { AsyncLocalStorage } from 'node:async_hooks';
import { inLocale } from '$lib/server/i18n/locale';
import { overwriteServerAsyncLocalStorage } from '$lib/paraglide/runtime';
import { refreshSearchIndex, searchEverything } from '$lib/server/search/search.service';
import { fieldErrors } from '$lib/server/validation';
import { findOrganizationPage } from '$lib/server/organizations/organization.service';
import { localizedText } from '$lib/i18n/localized-text';
import { officer } from '../helpers/actors';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';

function form(values: Partial<EventFormValues>): EventFormValues {
	return {
		...emptyEventForm(),
		kind: 'observance',
		title: 'Miqrasiya sahəsində əməkdaşlığa dair dəyirmi masa',
		start: '2026-06-10T10:00',
		end: '2026-06-10T12:00',
		timeZone: 'Asia/Baku',
		onlineUrl: 'https://meet.example.org/round-table',
		...values
	};
}

describe('the resolver', () => {
	const versions = { original: 'Round table', originalLocale: 'en', az: 'Dəyirmi masa', en: null, ru: null };

	test('gives the reader their version, untagged', () => {
		expect(localizedText(versions, 'az')).toEqual({ text: 'Dəyirmi masa', fallbackLocale: null });
	});

	test('gives the original in its own language untagged', () => {
		expect(localizedText(versions, 'en')).toEqual({ text: 'Round table', fallbackLocale: null });
	});

	test('falls back to the original, naming its language', () => {
		expect(localizedText(versions, 'ru')).toEqual({ text: 'Round table', fallbackLocale: 'en' });
	});

	test('does not tag an original whose language was not said', () => {
		expect(localizedText({ ...versions, originalLocale: null }, 'ru')).toEqual({
			text: 'Round table',
			fallbackLocale: null
		});
	});
});

describe('the form', () => {
	test('refuses a language that is not one of ours, beside the field', () => {
		const result = EventFormInput.safeParse(form({ titleLocale: 'fr' }));
		expect(result.success).toBe(false);
		if (!result.success)
			expect(fieldErrors(result.error).titleLocale).toMatch(/Azerbaijani, English or Russian/);
	});

	test('refuses a version too long, beside its field', () => {
		const result = EventFormInput.safeParse(form({ titleRu: 'я'.repeat(301) }));
		expect(result.success).toBe(false);
		if (!result.success) expect(fieldErrors(result.error).titleRu).toBeTruthy();
	});
});

describeEachEngine('content in more than one language', (engine) => {
	let handle: TestDatabase;
	let db: Kysely<Database>;
	let eventId = 0;

	beforeAll(async () => {
		// As the server's hooks do: the language kept for each request (here, each `inLocale`).
		overwriteServerAsyncLocalStorage(new AsyncLocalStorage());
		handle = await engine.open();
		db = handle.db;
		await loadDemoData(db);
		const input = EventFormInput.parse(
			form({ titleLocale: 'az', titleEn: 'Round table on cooperation in migration', titleRu: '' })
		);
		const outcome = await scheduleEvent(db, officer, input);
		if (!outcome.saved) throw new Error('held back by clashes');
		eventId = outcome.eventId;
		await refreshSearchIndex(db);
	});

	afterAll(async () => {
		overwriteServerAsyncLocalStorage(undefined);
		await handle?.close();
	});

	test('stores the original, its language and the versions given', async () => {
		const row = await db.selectFrom('event').selectAll().where('id', '=', eventId).executeTakeFirstOrThrow();
		expect(row).toMatchObject({
			title: 'Miqrasiya sahəsində əməkdaşlığa dair dəyirmi masa',
			title_locale: 'az',
			title_az: null,
			title_en: 'Round table on cooperation in migration',
			title_ru: null
		});
		const edit = await findEventForm(db, eventId);
		expect(edit?.values).toMatchObject({
			titleLocale: 'az',
			titleEn: 'Round table on cooperation in migration'
		});
	});

	test('the event page reads the title in the reader’s language, else the original with its language', async () => {
		const en = await inLocale('en', () => findEventPage(db, eventId));
		expect(en).toMatchObject({ title: 'Round table on cooperation in migration', titleLocale: null });
		const az = await inLocale('az', () => findEventPage(db, eventId));
		expect(az).toMatchObject({
			title: 'Miqrasiya sahəsində əməkdaşlığa dair dəyirmi masa',
			titleLocale: null
		});
		const ru = await inLocale('ru', () => findEventPage(db, eventId));
		expect(ru).toMatchObject({
			title: 'Miqrasiya sahəsində əməkdaşlığa dair dəyirmi masa',
			titleLocale: 'az'
		});
	});

	test('search finds the event by any version of its title', async () => {
		for (const query of ['dəyirmi masa', 'round table cooperation']) {
			const results = await searchEverything(db, query);
			const events = results.groups.find((g) => g.type === 'event')?.hits ?? [];
			expect(
				events.map((h) => h.id),
				query
			).toContain(eventId);
		}
	});

	test('the demo’s International Migrants Day and IOM carry their Azerbaijani and Russian versions', async () => {
		const imd = await db
			.selectFrom('event')
			.select(['id', 'title_az', 'title_ru'])
			.where('title', '=', 'International Migrants Day 2021')
			.executeTakeFirstOrThrow();
		expect(imd).toMatchObject({
			title_az: 'Beynəlxalq Miqrantlar Günü 2021',
			title_ru: 'Международный день мигрантов 2021'
		});
		const iom = await db
			.selectFrom('organization')
			.select(['name_az', 'name_ru'])
			.where('acronym', '=', 'IOM')
			.executeTakeFirstOrThrow();
		expect(iom).toEqual({
			name_az: 'Beynəlxalq Miqrasiya Təşkilatı',
			name_ru: 'Международная организация по миграции'
		});
		const results = await searchEverything(db, 'Miqrantlar Günü');
		expect(results.groups.find((g) => g.type === 'event')?.hits.map((h) => h.id)).toContain(imd.id);
	});

	test('an organisation page names it in the reader’s language, else as written with its language', async () => {
		const iom = await db
			.selectFrom('organization')
			.select('id')
			.where('acronym', '=', 'IOM')
			.executeTakeFirstOrThrow();
		await db.updateTable('organization').set({ name_ru: null }).where('id', '=', iom.id).execute();
		const az = await inLocale('az', () => findOrganizationPage(db, iom.id));
		expect(az).toMatchObject({ name: 'Beynəlxalq Miqrasiya Təşkilatı', nameLocale: null });
		const ru = await inLocale('ru', () => findOrganizationPage(db, iom.id));
		expect(ru).toMatchObject({ name: 'International Organization for Migration', nameLocale: 'en' });
	});
});
