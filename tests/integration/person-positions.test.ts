/**
 * A person's posts over time, on both engines: the post held on an event's date (the day it starts in
 * its own zone) is what the participation keeps, whether the person is invited after the post is
 * recorded or the post is recorded after the invitation; where no post covers the date, what was
 * recorded stays. Moving an event to another day gives it the post of that day. Stale saves are refused.
 * The demo data holds the seeds' two successions. The pages cost the same on ten times the data.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { zonedToInstant } from '$lib/format/datetime';
import type { Database } from '$lib/server/db/schema';
import { loadDemoData } from '$lib/server/demo/demo.service';
import { NotFound, StaleRecord } from '$lib/server/errors';
import { findEventForm } from '$lib/server/events/event-read.service';
import { EventFormInput } from '$lib/server/events/event.input';
import { reviseEvent } from '$lib/server/events/event.service';
import { inviteParticipant } from '$lib/server/participants/participant-invite.service';
import { PersonPositionInput } from '$lib/server/people/person-position.input';
import {
	addPersonPosition,
	findPersonPositionsPage,
	removePersonPosition,
	revisePersonPosition
} from '$lib/server/people/person-position.service';
import { findPersonPage } from '$lib/server/people/person.service';
import { officer } from '../helpers/actors';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertEvent, insertOrganization, insertPerson } from '../helpers/factories';

const post = (fields: Record<string, string>) =>
	PersonPositionInput.parse({ organizationId: '', rank: '', fromOn: '', toOn: '', notes: '', ...fields });

/** An event starting at a wall-clock time in a zone, an hour long. */
function eventAt(db: Kysely<Database>, local: string, timeZone = 'Asia/Baku', title = `Meeting ${local}`) {
	const start = zonedToInstant(local, timeZone);
	return insertEvent(db, {
		title,
		start_at: start,
		end_at: new Date(Date.parse(start) + 3_600_000).toISOString(),
		time_zone: timeZone
	});
}

async function postAt(db: Kysely<Database>, eventId: number, personId: number) {
	return db
		.selectFrom('event_participant')
		.select(['position_at_event', 'rank_at_event', 'organization_id'])
		.where('event_id', '=', eventId)
		.where('person_id', '=', personId)
		.executeTakeFirstOrThrow();
}

async function invite(db: Kysely<Database>, eventId: number, personId: number) {
	const result = await inviteParticipant(db, officer, eventId, {
		personId,
		role: 'guest',
		delegationId: null,
		clashOverride: true
	});
	expect(result.status).toBe('invited');
}

describeEachEngine('posts over time', (engine) => {
	let handle: TestDatabase;
	let db: Kysely<Database>;
	let sms: number;
	let iom: number;

	beforeAll(async () => {
		handle = await engine.open();
		db = handle.db;
		sms = (await insertOrganization(db, { name: 'State Migration Service', acronym: 'SMS' })).id;
		iom = (await insertOrganization(db, { name: 'International Organization for Migration', acronym: 'IOM' }))
			.id;
	});
	afterAll(() => handle?.cleanup());

	test('an invitation keeps the post held on the event’s date, or the person as now where none covers it', async () => {
		const person = await insertPerson(db, {
			given_name: 'Aysel',
			family_name: 'Karimova',
			position: 'Head of Department',
			rank: 'Counsellor',
			organization_id: sms
		});
		await addPersonPosition(
			db,
			officer,
			person.id,
			post({
				position: 'Deputy Chief',
				organizationId: String(sms),
				fromOn: '2019-01-01',
				toOn: '2020-12-31'
			})
		);
		const during = await eventAt(db, '2020-06-01T10:00');
		const after = await eventAt(db, '2022-06-01T10:00');
		await invite(db, during.id, person.id);
		await invite(db, after.id, person.id);
		expect(await postAt(db, during.id, person.id)).toEqual({
			position_at_event: 'Deputy Chief',
			rank_at_event: null,
			organization_id: sms
		});
		expect(await postAt(db, after.id, person.id)).toEqual({
			position_at_event: 'Head of Department',
			rank_at_event: 'Counsellor',
			organization_id: sms
		});
	});

	test('the date is the day the event starts in its own zone', async () => {
		const person = await insertPerson(db, {
			given_name: 'Rashid',
			family_name: 'Aliyev',
			position: 'Adviser'
		});
		await addPersonPosition(db, officer, person.id, post({ position: 'Ambassador', fromOn: '2022-01-01' }));
		// 31 December 2021 at 22:00 UTC is already 1 January 2022 in Baku, and still 2021 in London.
		const baku = await eventAt(db, '2022-01-01T02:00', 'Asia/Baku');
		const london = await eventAt(db, '2021-12-31T22:00', 'Europe/London');
		await invite(db, baku.id, person.id);
		await invite(db, london.id, person.id);
		expect((await postAt(db, baku.id, person.id)).position_at_event).toBe('Ambassador');
		expect((await postAt(db, london.id, person.id)).position_at_event).toBe('Adviser');
	});

	test('a post recorded later wins over what the invitation kept, where it covers the date', async () => {
		const person = await insertPerson(db, {
			given_name: 'William Lacy',
			family_name: 'Swing',
			position: 'Former DG'
		});
		const early = await eventAt(db, '2016-12-08T15:00', 'Europe/Zurich');
		const late = await eventAt(db, '2021-12-18T10:00');
		await invite(db, early.id, person.id);
		await invite(db, late.id, person.id);
		await addPersonPosition(
			db,
			officer,
			person.id,
			post({
				position: 'Director General of the International Organization for Migration',
				organizationId: String(iom),
				fromOn: '2008-10-01',
				toOn: '2018-09-30'
			})
		);
		expect(await postAt(db, early.id, person.id)).toMatchObject({
			position_at_event: 'Director General of the International Organization for Migration',
			organization_id: iom
		});
		// No post covers 2021: the title kept at the invitation stays.
		expect((await postAt(db, late.id, person.id)).position_at_event).toBe('Former DG');
		const entry = await db
			.selectFrom('audit_entry')
			.select(['action', 'after_json'])
			.where('entity_type', '=', 'person')
			.where('entity_id', '=', person.id)
			.executeTakeFirstOrThrow();
		const after = typeof entry.after_json === 'string' ? JSON.parse(entry.after_json) : entry.after_json;
		expect(entry.action).toBe('person.position.add');
		expect(after.postsAtEvents).toEqual([
			expect.objectContaining({
				eventId: early.id,
				before: expect.objectContaining({ position: 'Former DG' })
			})
		]);
	});

	test('of two posts covering a day, the one begun later counts; one of unknown start counts as earliest', async () => {
		const person = await insertPerson(db, { given_name: 'Leyla', family_name: 'Qasimova' });
		await addPersonPosition(db, officer, person.id, post({ position: 'Member of the Board' }));
		await addPersonPosition(
			db,
			officer,
			person.id,
			post({ position: 'Chair of the Board', fromOn: '2021-05-01' })
		);
		const before = await eventAt(db, '2021-04-30T10:00');
		const since = await eventAt(db, '2021-05-01T10:00');
		await invite(db, before.id, person.id);
		await invite(db, since.id, person.id);
		expect((await postAt(db, before.id, person.id)).position_at_event).toBe('Member of the Board');
		expect((await postAt(db, since.id, person.id)).position_at_event).toBe('Chair of the Board');
	});

	test('moving an event to another day gives it the post held that day', async () => {
		const person = await insertPerson(db, {
			given_name: 'Elchin',
			family_name: 'Mammadov',
			position: 'Expert'
		});
		await addPersonPosition(
			db,
			officer,
			person.id,
			post({ position: 'Head of Section', fromOn: '2023-03-01', toOn: '2023-03-31' })
		);
		const event = await eventAt(db, '2023-04-03T10:00');
		await invite(db, event.id, person.id);
		expect((await postAt(db, event.id, person.id)).position_at_event).toBe('Expert');
		const form = (await findEventForm(db, event.id))!;
		const moved = await reviseEvent(
			db,
			officer,
			event.id,
			Number(form.values.version),
			EventFormInput.parse({
				...form.values,
				onlineUrl: 'https://meet.example.org/section',
				start: '2023-03-27T10:00',
				end: '2023-03-27T11:00'
			}),
			{ overrideClashes: true }
		);
		expect(moved.saved).toBe(true);
		expect((await postAt(db, event.id, person.id)).position_at_event).toBe('Head of Section');
	});

	test('editing and removing a post; a stale save is refused and writes nothing', async () => {
		const person = await insertPerson(db, {
			given_name: 'Sabina',
			family_name: 'Aliyeva',
			position: 'Lawyer'
		});
		const event = await eventAt(db, '2019-05-05T10:00');
		await invite(db, event.id, person.id);
		await addPersonPosition(db, officer, person.id, post({ position: 'Ombudsman', fromOn: '2019-01-01' }));
		const [added] = (await findPersonPositionsPage(db, person.id))!.positions;
		const version = Number(added!.values.version);
		await revisePersonPosition(
			db,
			officer,
			person.id,
			added!.id,
			version,
			post({ position: 'Commissioner for Human Rights (Ombudsman)', fromOn: '2019-01-01' })
		);
		expect((await postAt(db, event.id, person.id)).position_at_event).toBe(
			'Commissioner for Human Rights (Ombudsman)'
		);
		const stale = await revisePersonPosition(
			db,
			officer,
			person.id,
			added!.id,
			version,
			post({ position: 'Something else' })
		).catch((e: unknown) => e);
		expect(stale).toBeInstanceOf(StaleRecord);
		expect((stale as StaleRecord).current).toMatchObject({
			position: 'Commissioner for Human Rights (Ombudsman)'
		});
		await removePersonPosition(db, officer, person.id, added!.id);
		expect((await findPersonPositionsPage(db, person.id))!.positions).toEqual([]);
		// The event keeps the post it was given.
		expect((await postAt(db, event.id, person.id)).position_at_event).toBe(
			'Commissioner for Human Rights (Ombudsman)'
		);
	});

	test('a post of another person, or of no one, is not found', async () => {
		const a = await insertPerson(db, { given_name: 'A', family_name: 'One' });
		const b = await insertPerson(db, { given_name: 'B', family_name: 'Two' });
		await addPersonPosition(db, officer, a.id, post({ position: 'Clerk' }));
		const [clerk] = (await findPersonPositionsPage(db, a.id))!.positions;
		await expect(removePersonPosition(db, officer, b.id, clerk!.id)).rejects.toBeInstanceOf(NotFound);
		await expect(addPersonPosition(db, officer, 999_999, post({ position: 'Clerk' }))).rejects.toBeInstanceOf(
			NotFound
		);
	});

	test('a post cannot end before it began, and its dates must exist', () => {
		const fields = { position: 'Clerk', organizationId: '', rank: '', notes: '', fromOn: '', toOn: '' };
		const refused = PersonPositionInput.safeParse({ ...fields, fromOn: '2020-05-01', toOn: '2020-04-30' });
		expect(refused.success).toBe(false);
		expect(refused.error!.issues.map((i) => i.path[0])).toEqual(['toOn']);
		expect(PersonPositionInput.safeParse({ ...fields, fromOn: '2021-02-30' }).success).toBe(false);
	});
});

describeEachEngine('the seeds’ successions in the demo data', (engine) => {
	let handle: TestDatabase;
	beforeAll(async () => {
		handle = await engine.open();
		await loadDemoData(handle.db);
	});
	afterAll(() => handle?.cleanup());

	async function personId(familyName: string) {
		const row = await handle.db
			.selectFrom('person')
			.select('id')
			.where('family_name', '=', familyName)
			.executeTakeFirstOrThrow();
		return row.id;
	}

	test.each([
		['Nabiyev', 'Chief of the State Migration Service', 'Vusal Huseynov succeeded him'],
		['Huseynov', 'Chief of the State Migration Service', 'Successor of Firudin Nabiyev'],
		[
			'Swing',
			'Director General of the International Organization for Migration',
			'António Vitorino succeeded him'
		],
		[
			'Vitorino',
			'Director General of the International Organization for Migration',
			'Successor of William Lacy Swing'
		]
	])('%s held the post of %s, dates not known and the notes saying so', async (family, position, said) => {
		const page = (await findPersonPage(handle.db, await personId(family), { privateContacts: false }))!;
		expect(page.positions).toHaveLength(1);
		expect(page.positions[0]).toMatchObject({
			position,
			fromOn: null,
			toOn: null,
			period: 'dates not known'
		});
		expect(page.positions[0]!.notes).toContain(said);
		expect(page.positions[0]!.notes).toContain('not known');
		// Every event of his shows the post he held there.
		expect(page.participations.length).toBeGreaterThan(0);
		for (const p of page.participations) expect(p.positionAtEvent).toBe(position);
	});
});

describe('what the people pages cost', () => {
	describeEachEngine('on ten times the data', (engine) => {
		const handles: TestDatabase[] = [];
		const counters: { queries: number }[] = [];
		const people: number[] = [];

		beforeAll(async () => {
			for (const size of [1, 10]) {
				const counter = { queries: 0 };
				const handle = await engine.open({ onQuery: () => counter.queries++ });
				const person = await insertPerson(handle.db, { given_name: 'Vusal', family_name: 'Huseynov' });
				for (let i = 0; i < 3 * size; i++) {
					const event = await eventAt(handle.db, `2020-01-${String(1 + (i % 28)).padStart(2, '0')}T10:00`);
					await invite(handle.db, event.id, person.id);
					await addPersonPosition(
						handle.db,
						officer,
						person.id,
						post({ position: `Post ${i}`, fromOn: `${2000 + i}-01-01`, toOn: `${2000 + i}-12-31` })
					);
				}
				handles.push(handle);
				counters.push(counter);
				people.push(person.id);
			}
		});
		afterAll(async () => {
			for (const handle of handles) await handle.cleanup();
		});

		async function cost(run: (db: Kysely<Database>, personId: number) => Promise<unknown>) {
			const counts: number[] = [];
			for (const [i, handle] of handles.entries()) {
				counters[i]!.queries = 0;
				await run(handle.db, people[i]!);
				counts.push(counters[i]!.queries);
			}
			return counts;
		}

		test('the person page and the posts page', async () => {
			const page = await cost((db, id) => findPersonPage(db, id, { privateContacts: true }));
			expect(page[1]).toBe(page[0]);
			const posts = await cost((db, id) => findPersonPositionsPage(db, id));
			expect(posts[1]).toBe(posts[0]);
		});
	});
});
