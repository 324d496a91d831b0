/**
 * Venues on both engines: added and edited with every field, audited; a save from an older version is
 * refused; changing a venue's zone leaves the events held there where they were; the list pages.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { StaleRecord } from '$lib/server/errors';
import { decodeCursor } from '$lib/server/pagination';
import { VenueInput, type VenueFormValues } from '$lib/server/venues/venue.input';
import { createVenue, findVenueForm, listVenuesPage, reviseVenue } from '$lib/server/venues/venue.service';
import { officer } from '../helpers/actors';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertEvent } from '../helpers/factories';

describeEachEngine('venues', (engine) => {
	let handle: TestDatabase;
	let venueId: number;

	const form = async (changes: Partial<VenueFormValues> = {}) => {
		const current = (await findVenueForm(handle.db, venueId))!;
		return {
			input: VenueInput.parse({ ...current.values, ...changes }),
			version: Number(current.values.version)
		};
	};

	beforeAll(async () => {
		handle = await engine.open();
		venueId = await createVenue(
			handle.db,
			officer,
			VenueInput.parse({
				name: 'Palais des Nations',
				address: '',
				city: 'Geneva',
				countryCode: 'ch',
				timeZone: 'Europe/Zurich',
				notes: ''
			})
		);
		for (const name of ['Zeytun Hall', 'Ambassador Hotel']) {
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
	});
	afterAll(() => handle?.cleanup());

	test('an edit saves and is audited; an older version is refused; the events keep their zone', async () => {
		const event = await insertEvent(handle.db, {
			venue_id: venueId,
			time_zone: 'Europe/Zurich',
			start_at: '2026-05-04T08:00:00.000Z',
			end_at: '2026-05-04T09:00:00.000Z'
		});
		const first = await form({
			address: 'Avenue de la Paix 14',
			notes: 'Door 6 for delegations.',
			timeZone: 'Europe/Paris'
		});
		await reviseVenue(handle.db, officer, venueId, first.version, first.input);
		expect((await findVenueForm(handle.db, venueId))!.values).toMatchObject({
			address: 'Avenue de la Paix 14',
			countryCode: 'CH',
			timeZone: 'Europe/Paris',
			version: '2'
		});
		await expect(reviseVenue(handle.db, officer, venueId, first.version, first.input)).rejects.toBeInstanceOf(
			StaleRecord
		);
		const after = await handle.db
			.selectFrom('event')
			.select(['time_zone', 'start_at'])
			.where('id', '=', event.id)
			.executeTakeFirstOrThrow();
		expect(after.time_zone).toBe('Europe/Zurich');
		expect(Date.parse(after.start_at)).toBe(Date.parse('2026-05-04T08:00:00.000Z'));
		const audit = await handle.db
			.selectFrom('audit_entry')
			.select('action')
			.where('entity_type', '=', 'venue')
			.where('entity_id', '=', venueId)
			.execute();
		expect(audit.map((a) => a.action)).toEqual(['venue.create', 'venue.update']);
	});

	test('a zone that is not an IANA name, or a country that is not a code, is refused beside the field', () => {
		const result = VenueInput.safeParse({
			name: 'X',
			address: '',
			city: 'Y',
			countryCode: 'Switzerland',
			timeZone: 'UTC+4',
			notes: ''
		});
		expect(result.error!.issues.map((i) => i.path[0]).sort()).toEqual(['countryCode', 'timeZone']);
	});

	test('the list pages by name, with the number of events at each', async () => {
		const first = await listVenuesPage(handle.db, { limit: 2 });
		expect(first.items.map((v) => v.name)).toEqual(['Ambassador Hotel', 'Palais des Nations']);
		expect(first.items[1]!.eventCount).toBe(1);
		const second = await listVenuesPage(handle.db, {
			limit: 2,
			after: decodeCursor(first.next, ['text', 'id'])
		});
		expect(second.items.map((v) => v.name)).toEqual(['Zeytun Hall']);
	});
});
