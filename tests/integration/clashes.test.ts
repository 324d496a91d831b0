import { afterAll, beforeAll, expect, test } from 'vitest';
import { zonedToInstant } from '$lib/format/datetime';
import { listClashes } from '$lib/server/clashes/clash.service';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertEvent, insertPerson, insertVenue } from '../helpers/factories';

const hour = 60 * 60 * 1000;
const oneHourFrom = (local: string, zone: string) => {
	const startAt = zonedToInstant(local, zone);
	return { startAt, endAt: new Date(Date.parse(startAt) + hour).toISOString() };
};

describeEachEngine('clashes across time zones', (engine) => {
	let handle: TestDatabase;
	let chiefId: number;
	let venueId: number;

	beforeAll(async () => {
		handle = await engine.open();
		const now = new Date().toISOString();
		const chief = await insertPerson(handle.db);
		chiefId = chief.id;
		venueId = (await insertVenue(handle.db)).id;
		// The Chief of the Service is booked at 13:00 in Baku on both days.
		for (const day of ['2026-03-28', '2026-03-29']) {
			const { startAt, endAt } = oneHourFrom(`${day}T13:00`, 'Asia/Baku');
			const event = await insertEvent(handle.db, {
				title: `Baku meeting ${day}`,
				start_at: startAt,
				end_at: endAt,
				time_zone: 'Asia/Baku',
				venue_id: venueId
			});
			await handle.db
				.insertInto('event_participant')
				.values({
					event_id: event.id,
					person_id: chiefId,
					role: 'head_of_delegation',
					created_at: now,
					updated_at: now
				})
				.execute();
		}
	});
	afterAll(() => handle.cleanup());

	test('10:00 in Geneva clashes with 13:00 in Baku on Saturday 28 March 2026 (both 09:00 UTC)', async () => {
		const geneva = oneHourFrom('2026-03-28T10:00', 'Europe/Zurich');
		expect(geneva.startAt).toBe('2026-03-28T09:00:00.000Z');
		const clashes = await listClashes(handle.db, { ...geneva, personIds: [chiefId] });
		expect(clashes.map((c) => c.event.title)).toEqual(['Baku meeting 2026-03-28']);
		expect(clashes[0]!.people.map((p) => p.name)).toEqual(['Mr Vusal Huseynov']);
		expect(clashes[0]!.event.timeZone).toBe('Asia/Baku');
	});

	test('it does not on Sunday 29 March, when Geneva has moved to summer time (08:00 UTC)', async () => {
		const geneva = oneHourFrom('2026-03-29T10:00', 'Europe/Zurich');
		expect(geneva.startAt).toBe('2026-03-29T08:00:00.000Z');
		expect(await listClashes(handle.db, { ...geneva, personIds: [chiefId] })).toEqual([]);
	});

	test('the same venue at an overlapping time clashes, whoever attends', async () => {
		const baku = oneHourFrom('2026-03-29T13:30', 'Asia/Baku');
		const clashes = await listClashes(handle.db, { ...baku, venueId, personIds: [] });
		expect(clashes).toHaveLength(1);
		expect(clashes[0]).toMatchObject({ sameVenue: true, people: [] });
	});

	test('a cancelled event, a declined invitation and the event itself never clash', async () => {
		const geneva = oneHourFrom('2026-03-28T10:00', 'Europe/Zurich');
		const [baku] = await listClashes(handle.db, { ...geneva, personIds: [chiefId] });
		expect(
			await listClashes(handle.db, { ...geneva, personIds: [chiefId], exceptEventId: baku!.event.id })
		).toEqual([]);
		await handle.db
			.updateTable('event')
			.set({ status: 'cancelled' })
			.where('id', '=', baku!.event.id)
			.execute();
		expect(await listClashes(handle.db, { ...geneva, personIds: [chiefId] })).toEqual([]);
		await handle.db
			.updateTable('event')
			.set({ status: 'planned' })
			.where('id', '=', baku!.event.id)
			.execute();
		await handle.db
			.updateTable('event_participant')
			.set({ rsvp_status: 'declined' })
			.where('event_id', '=', baku!.event.id)
			.execute();
		expect(await listClashes(handle.db, { ...geneva, personIds: [chiefId] })).toEqual([]);
		await handle.db
			.updateTable('event_participant')
			.set({ rsvp_status: 'invited' })
			.where('event_id', '=', baku!.event.id)
			.execute();
	});
});
