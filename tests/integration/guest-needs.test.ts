/**
 * What guests need, on both engines: one guest's needs recorded, changed and taken away, each audited;
 * a save from an older version refused with what is recorded now; bad input refused by its schema; the
 * caterer's counts and the interpreters' languages of those still expected (a guest who declined is
 * listed but not counted); and only officers may read or write any of it, in the service itself.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Actor } from '$lib/server/audit/audit';
import { Forbidden, NotFound, StaleRecord } from '$lib/server/errors';
import { GuestNeedsInput, readGuestNeedsForm } from '$lib/server/guest-needs/guest-needs.input';
import {
	findGuestNeedsForm,
	getEventNeeds,
	getInterpretationSchedule,
	saveGuestNeeds
} from '$lib/server/guest-needs/guest-needs.service';
import { officer, otherOfficer } from '../helpers/actors';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertEvent, insertPerson, stamps } from '../helpers/factories';

const viewer: Actor = { userId: null, label: 'viewer@protokol.test', role: 'viewer' };

const input = (fields: Record<string, string | string[]>) => {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) {
		for (const one of Array.isArray(value) ? value : [value]) data.append(name, one);
	}
	return GuestNeedsInput.parse(readGuestNeedsForm(data));
};

describeEachEngine('guests’ needs', (engine) => {
	let handle: TestDatabase;
	const ids: Record<string, number> = {};

	const invite = async (eventId: number, personId: number, rsvp: 'accepted' | 'declined' | 'invited') => {
		const row = await handle.db
			.insertInto('event_participant')
			.values({ event_id: eventId, person_id: personId, role: 'guest', rsvp_status: rsvp, ...stamps() })
			.returning('id')
			.executeTakeFirstOrThrow();
		return row.id;
	};

	beforeAll(async () => {
		handle = await engine.open();
		const db = handle.db;
		ids.event = (await insertEvent(db, { title: 'Reception for International Migrants Day' })).id;
		ids.other = (await insertEvent(db, { title: 'Another event' })).id;
		const person = async (given: string, family: string) =>
			(await insertPerson(db, { given_name: given, family_name: family })).id;
		ids.aliyev = await invite(ids.event, await person('Elnur', 'Aliyev'), 'accepted');
		ids.petrova = await invite(ids.event, await person('Anna', 'Petrova'), 'invited');
		ids.dupont = await invite(ids.event, await person('Claire', 'Dupont'), 'declined');
		ids.elsewhere = await invite(ids.other, await person('Hans', 'Weber'), 'accepted');
	});
	afterAll(() => handle?.cleanup());

	test('needs are recorded, changed and taken away, each audited; the form shows them again', async () => {
		await saveGuestNeeds(
			handle.db,
			officer,
			ids.event!,
			ids.aliyev!,
			null,
			input({ diet: ['halal', 'nut_allergy'], dietaryNote: 'No sesame', interpretationLanguage: 'ru' })
		);
		let form = (await findGuestNeedsForm(handle.db, officer, ids.event!, ids.aliyev!))!;
		expect(form.values).toMatchObject({
			diet: ['halal', 'nut_allergy'],
			dietaryNote: 'No sesame',
			interpretationLanguage: 'ru',
			version: '1'
		});
		expect(form.guest.interpretation).toEqual({ tag: 'ru', name: 'Russian' });

		await saveGuestNeeds(
			handle.db,
			officer,
			ids.event!,
			ids.aliyev!,
			1,
			input({ diet: ['halal'], securityNote: 'Close protection officer accompanies him' })
		);
		form = (await findGuestNeedsForm(handle.db, officer, ids.event!, ids.aliyev!))!;
		expect(form.values).toMatchObject({
			diet: ['halal'],
			dietaryNote: '',
			interpretationLanguage: '',
			securityNote: 'Close protection officer accompanies him',
			version: '2'
		});

		// From the version before: refused with what is recorded now, nothing written.
		const stale = await saveGuestNeeds(
			handle.db,
			otherOfficer,
			ids.event!,
			ids.aliyev!,
			1,
			input({ diet: ['vegan'] })
		).catch((e: unknown) => e);
		expect(stale).toBeInstanceOf(StaleRecord);
		expect((stale as StaleRecord<{ diet: string[] }>).current.diet).toEqual(['halal']);

		// Emptied: the needs go, diet rows with them.
		await saveGuestNeeds(handle.db, officer, ids.event!, ids.aliyev!, 2, input({}));
		form = (await findGuestNeedsForm(handle.db, officer, ids.event!, ids.aliyev!))!;
		expect(form.values).toMatchObject({ diet: [], version: '' });
		expect(await handle.db.selectFrom('participant_diet').selectAll().execute()).toEqual([]);
		const audit = await handle.db
			.selectFrom('audit_entry')
			.select(['action', 'entity_id', 'event_id'])
			.where('action', '=', 'participant.needs')
			.execute();
		expect(audit).toEqual(
			Array(3).fill({ action: 'participant.needs', entity_id: ids.aliyev, event_id: ids.event })
		);
	});

	test('bad input is refused by the schema; a guest of another event is not found', async () => {
		const data = new FormData();
		data.append('diet', 'carnivore');
		data.append('interpretationLanguage', 'klingon');
		data.append('securityNote', 'x'.repeat(1001));
		const issues = GuestNeedsInput.safeParse(readGuestNeedsForm(data)).error?.issues.map((i) => i.path[0]);
		expect(issues).toEqual(['diet', 'interpretationLanguage', 'securityNote']);
		await expect(
			saveGuestNeeds(handle.db, officer, ids.event!, ids.elsewhere!, null, input({ diet: ['vegan'] }))
		).rejects.toBeInstanceOf(NotFound);
		expect(await findGuestNeedsForm(handle.db, officer, ids.event!, ids.elsewhere!)).toBeNull();
	});

	test("the caterer's counts and the interpreters' languages are of the guests still expected", async () => {
		const save = (participantId: number, fields: Record<string, string | string[]>) =>
			saveGuestNeeds(handle.db, officer, ids.event!, participantId, null, input(fields));
		await save(ids.aliyev!, { diet: ['halal'], interpretationLanguage: 'az' });
		await save(ids.petrova!, { diet: ['vegetarian', 'halal'], interpretationLanguage: 'ru' });
		await save(ids.dupont!, { diet: ['vegan'], interpretationLanguage: 'fr' });
		const needs = (await getEventNeeds(handle.db, officer, ids.event!))!;
		expect(needs.expected).toBe(2);
		expect(needs.accepted).toBe(1);
		expect(needs.guests.map((g) => [g.person.name, g.away])).toEqual([
			['Mr Elnur Aliyev', false],
			['Mr Claire Dupont', true],
			['Mr Anna Petrova', false]
		]);
		expect(needs.meals.map((m) => [m.label, m.count])).toEqual([
			['Vegetarian', 1],
			['Halal', 2]
		]);
		expect(needs.languages.map((l) => [l.name, l.guests.length])).toEqual([
			['Azerbaijani', 1],
			['Russian', 1]
		]);
		const schedule = (await getInterpretationSchedule(handle.db, officer, ids.event!))!;
		expect(schedule.programme.id).toBe(ids.event);
		expect(await getEventNeeds(handle.db, officer, 999999)).toBeNull();
	});

	test('a viewer may neither read nor write what guests need: the service refuses', async () => {
		await expect(getEventNeeds(handle.db, viewer, ids.event!)).rejects.toBeInstanceOf(Forbidden);
		await expect(getInterpretationSchedule(handle.db, viewer, ids.event!)).rejects.toBeInstanceOf(Forbidden);
		await expect(findGuestNeedsForm(handle.db, viewer, ids.event!, ids.aliyev!)).rejects.toBeInstanceOf(
			Forbidden
		);
		await expect(
			saveGuestNeeds(handle.db, viewer, ids.event!, ids.aliyev!, null, input({}))
		).rejects.toBeInstanceOf(Forbidden);
	});
});
