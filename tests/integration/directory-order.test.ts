/**
 * The directories of people, organisations and venues in Azerbaijani alphabetical order on both engines
 * (c < ç, h < x < ı < i, k < q; Cyrillic after Latin): through the services that pages call, paged by
 * keyset either way, the keys kept true by every write (forms, renames, rows written by another program
 * once the server starts), and each list read along its sort index, never sorted whole.
 */
import type { LogEvent } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { findAgendaItemPage } from '$lib/server/agenda/agenda.service';
import { refreshSortKeys } from '$lib/server/db/sort-keys';
import { inLocale } from '$lib/server/i18n/locale';
import { OrganizationInput } from '$lib/server/organizations/organization.input';
import { createOrganization, listOrganizationsPage } from '$lib/server/organizations/organization.service';
import type { PageRequest, SortKey } from '$lib/server/pagination';
import { decodeCursor } from '$lib/server/pagination';
import { PersonCreateInput } from '$lib/server/people/person.input';
import {
	createPerson,
	findPersonForm,
	listPeoplePage,
	revisePerson
} from '$lib/server/people/person.service';
import { VenueInput } from '$lib/server/venues/venue.input';
import { createVenue, listVenuesPage } from '$lib/server/venues/venue.service';
import { officer } from '../helpers/actors';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertEvent, insertParticipation, insertPerson, stamps } from '../helpers/factories';
import { planOfReadOnly } from '../helpers/query-plans';

/** Family names in Azerbaijani order, with a Russian one after them. */
const FAMILIES = [
	'Abbasov',
	'Cəfərov',
	'Çələbi',
	'Əliyev',
	'Hüseynov',
	'Xəlilov',
	'Ismayıl',
	'İsmayılov',
	'Kərimov',
	'Qasımov',
	'Orucov',
	'Öztürk',
	'Sadıqov',
	'Şahbazov',
	'Umudov',
	'Üzeyirov',
	'Zeynalov',
	'Ёлкин',
	'Иванов'
];

/** Written in an order of their own, so that the list's order is not the order of insertion. */
const inserted = [
	...FAMILIES.filter((_, i) => i % 2 === 1),
	...FAMILIES.filter((_, i) => i % 2 === 0)
].reverse();

/** The family name of a list item named "Anar Abbasov". */
const familyOf = (person: { name: string }) => person.name.split(' ').at(-1)!;

describeEachEngine('the directories in alphabetical order', (engine) => {
	let handle: TestDatabase;
	const log: LogEvent[] = [];

	beforeAll(async () => {
		handle = await engine.open({ onQuery: (event) => log.push(event) });
		for (const familyName of inserted) {
			const created = await createPerson(
				handle.db,
				officer,
				PersonCreateInput.parse({ givenName: 'Anar', familyName }),
				{ someoneElse: true }
			);
			expect(created.status).toBe('created');
		}
	});
	afterAll(() => handle?.cleanup());

	/** Every page of the people directory, `limit` at a time, following `next`. */
	async function everyPersonForward(limit: number) {
		const names: string[] = [];
		let after: SortKey | undefined;
		for (;;) {
			const page = await listPeoplePage(handle.db, { page: { after, limit } });
			names.push(...page.items.map((p) => familyOf(p)));
			if (!page.next) return names;
			after = decodeCursor(page.next, ['text', 'id']);
		}
	}

	test('people come in Azerbaijani order, page after page', async () => {
		expect(await everyPersonForward(4)).toEqual(FAMILIES);
		expect(await everyPersonForward(100)).toEqual(FAMILIES);
	});

	test('a previous page is the one before, in the same order', async () => {
		const first = await listPeoplePage(handle.db, { page: { limit: 5 } });
		const second = await listPeoplePage(handle.db, {
			page: { after: decodeCursor(first.next, ['text', 'id']), limit: 5 }
		});
		expect(second.items.map((p) => familyOf(p))).toEqual(FAMILIES.slice(5, 10));
		const back = await listPeoplePage(handle.db, {
			page: { before: decodeCursor(second.previous, ['text', 'id']), limit: 5 }
		});
		expect(back.items.map((p) => familyOf(p))).toEqual(FAMILIES.slice(0, 5));
	});

	test('the page is read along person_sort_idx, with no sort', async () => {
		const first = await listPeoplePage(handle.db, { page: { limit: 5 } });
		for (const page of [{ limit: 5 }, { after: decodeCursor(first.next, ['text', 'id']), limit: 5 }]) {
			log.length = 0;
			await listPeoplePage(handle.db, { page: page as PageRequest });
			const list = log.find((event) => /from "person"/.test(event.query.sql))!;
			const plan = await planOfReadOnly(handle, list.query);
			expect(plan).toContain('person_sort_idx');
			expect(plan).not.toMatch(/USE TEMP B-TREE|Seq Scan on person|^\s*(->\s+)?Sort\b/m);
		}
	});

	test('a renamed person moves to their new place', async () => {
		const page = await listPeoplePage(handle.db, { page: { limit: 1 } });
		const abbasov = page.items[0]!;
		const form = (await findPersonForm(handle.db, abbasov.id))!;
		await revisePerson(
			handle.db,
			officer,
			abbasov.id,
			Number(form.values.version),
			PersonCreateInput.parse({ ...form.values, familyName: 'Çəmənli' })
		);
		const names = await everyPersonForward(100);
		expect(names.slice(0, 3)).toEqual(['Cəfərov', 'Çələbi', 'Çəmənli']);
		await revisePerson(
			handle.db,
			officer,
			abbasov.id,
			Number(form.values.version) + 1,
			PersonCreateInput.parse({ ...form.values, familyName: 'Abbasov' })
		);
		expect(await everyPersonForward(100)).toEqual(FAMILIES);
	});

	test('people written by another program are given their place when the server starts', async () => {
		const { id } = await handle.db
			.insertInto('person')
			.values({ given_name: 'Ramil', family_name: 'Ğəniyev', ...stamps() })
			.returning('id')
			.executeTakeFirstOrThrow();
		expect(await refreshSortKeys(handle.db)).toBe(1);
		expect(await refreshSortKeys(handle.db)).toBe(0);
		const names = await everyPersonForward(100);
		expect(names.indexOf('Ğəniyev')).toBe(names.indexOf('Əliyev') + 1);
		await handle.db.deleteFrom('person').where('id', '=', id).execute();
	});

	test('organisations and venues come in Azerbaijani order', async () => {
		const names = ['Şəki Xan Sarayı', 'Çıraqqala', 'Cəlilabad', 'İçərişəhər', 'Qəbələ', 'Xınalıq'];
		for (const name of names) {
			await createOrganization(
				handle.db,
				officer,
				OrganizationInput.parse({
					name,
					acronym: '',
					kind: 'government_body',
					countryCode: '',
					parentId: '',
					city: '',
					website: '',
					notes: ''
				})
			);
			await createVenue(
				handle.db,
				officer,
				VenueInput.parse({
					name,
					address: '',
					city: 'Baku',
					countryCode: 'AZ',
					timeZone: 'Asia/Baku',
					notes: ''
				})
			);
		}
		const expected = ['Cəlilabad', 'Çıraqqala', 'Xınalıq', 'İçərişəhər', 'Qəbələ', 'Şəki Xan Sarayı'];
		const { organizations } = await listOrganizationsPage(handle.db, { page: { limit: 4 } });
		const { organizations: rest } = await listOrganizationsPage(handle.db, {
			page: { after: decodeCursor(organizations.next, ['text', 'id']), limit: 4 }
		});
		expect([...organizations.items, ...rest.items].map((o) => o.name)).toEqual(expected);
		const venues = await listVenuesPage(handle.db, { limit: 10 });
		expect(venues.items.map((v) => v.name)).toEqual(expected);
	});

	test("an event's participants are offered in the reader's alphabetical order", async () => {
		const event = await insertEvent(handle.db);
		for (const familyName of ['Xəlilov', 'Иванов', 'İsmayılov', 'Hüseynov', 'Çələbi', 'Cəfərov']) {
			const person = await insertPerson(handle.db, { given_name: 'Anar', family_name: familyName });
			await insertParticipation(handle.db, event.id, person.id);
		}
		const item = await handle.db
			.insertInto('agenda_item')
			.values({ event_id: event.id, position: 1, kind: 'opening_remarks', title: 'Opening', ...stamps() })
			.returning('id')
			.executeTakeFirstOrThrow();
		const offered = async (locale: 'az' | 'en' | 'ru') => {
			const page = await inLocale(locale, () => findAgendaItemPage(handle.db, event.id, item.id));
			return page!.participants.map((p) => familyOf({ name: p.label.split(' (')[0]! }));
		};
		expect(await offered('az')).toEqual(['Cəfərov', 'Çələbi', 'Hüseynov', 'Xəlilov', 'İsmayılov', 'Иванов']);
		expect(await offered('en')).toEqual(['Cəfərov', 'Çələbi', 'Hüseynov', 'İsmayılov', 'Xəlilov', 'Иванов']);
		expect(await offered('ru')).toEqual(['Иванов', 'Cəfərov', 'Çələbi', 'Hüseynov', 'İsmayılov', 'Xəlilov']);
	});
});
