/**
 * Moving an event from the calendar (a drag on the week grid, or its move form) goes through the edit
 * form's save: the end and the agenda follow, clashes hold it back until the officer moves anyway, the
 * audit entry is the edit's, a stale calendar is refused, and only an officer may. Both engines.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Actor } from '$lib/server/audit/audit';
import type { Database } from '$lib/server/db/schema';
import { Forbidden, StaleRecord } from '$lib/server/errors';
import { moveEvent } from '$lib/server/events/event.service';
import { officer } from '../helpers/actors';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertEvent, insertVenue } from '../helpers/factories';

const auditOf = (db: Kysely<Database>, eventId: number) =>
	db
		.selectFrom('audit_entry')
		.select(['action', 'actor_label', 'before_json', 'after_json'])
		.where('event_id', '=', eventId)
		.orderBy('id')
		.execute();

const row = (db: Kysely<Database>, id: number) =>
	db.selectFrom('event').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describeEachEngine('moving an event from the calendar', (engine) => {
	let handle: TestDatabase;
	let venueId = 0;

	beforeAll(async () => {
		handle = await engine.open();
		venueId = (await insertVenue(handle.db)).id;
	});
	afterAll(async () => {
		await handle?.cleanup();
	});

	test('a move keeps the length, is audited as an edit, and raises the sequence', async () => {
		const event = await insertEvent(handle.db, {
			title: 'Working lunch',
			start_at: '2025-05-12T08:00:00.000Z',
			end_at: '2025-05-12T09:30:00.000Z'
		});
		// To 14:00 in Baku (10:00 UTC) the next day.
		const outcome = await moveEvent(handle.db, officer, {
			eventId: event.id,
			version: event.version,
			startAt: '2025-05-13T10:00:00.000Z'
		});
		expect(outcome).toEqual({ saved: true, eventId: event.id, clashesOverridden: [] });
		const moved = await row(handle.db, event.id);
		expect([Date.parse(moved.start_at), Date.parse(moved.end_at)]).toEqual([
			Date.parse('2025-05-13T10:00:00.000Z'),
			Date.parse('2025-05-13T11:30:00.000Z')
		]);
		expect(moved.version).toBe(event.version + 1);
		expect(moved.ical_sequence).toBe(event.ical_sequence + 1);
		const audit = await auditOf(handle.db, event.id);
		expect(audit.map((a) => [a.action, a.actor_label])).toEqual([['event.update', officer.label]]);
		expect(Object.keys(JSON.parse(audit[0]!.after_json!)).sort()).toEqual(['end_at', 'start_at']);
	});

	test('a move onto a booked venue is held back with the clash, then made when confirmed', async () => {
		const booked = await insertEvent(handle.db, {
			title: 'Press conference',
			venue_id: venueId,
			start_at: '2025-06-02T10:00:00.000Z',
			end_at: '2025-06-02T11:00:00.000Z'
		});
		const event = await insertEvent(handle.db, {
			title: 'Briefing',
			venue_id: venueId,
			start_at: '2025-06-02T07:00:00.000Z',
			end_at: '2025-06-02T08:00:00.000Z'
		});
		const to = { eventId: event.id, version: event.version, startAt: '2025-06-02T10:30:00.000Z' };
		const held = await moveEvent(handle.db, officer, to);
		expect(held.saved).toBe(false);
		if (held.saved) return;
		expect(held.clashes.map((c) => [c.event.id, c.sameVenue])).toEqual([[booked.id, true]]);
		expect(Date.parse(held.proposed.endAt)).toBe(Date.parse('2025-06-02T11:30:00.000Z'));
		expect((await row(handle.db, event.id)).start_at).toBe(event.start_at);
		expect(await auditOf(handle.db, event.id)).toEqual([]);

		const made = await moveEvent(handle.db, officer, to, { overrideClashes: true });
		expect(made).toEqual({ saved: true, eventId: event.id, clashesOverridden: [booked.id] });
		const [entry] = await auditOf(handle.db, event.id);
		expect(JSON.parse(entry!.after_json!).clash_overridden).toEqual([booked.id]);
	});

	test('a calendar shown before someone saved the event is refused, and nothing moves', async () => {
		const event = await insertEvent(handle.db, {
			start_at: '2025-07-01T08:00:00.000Z',
			end_at: '2025-07-01T09:00:00.000Z'
		});
		await handle.db
			.updateTable('event')
			.set({ version: event.version + 1 })
			.where('id', '=', event.id)
			.execute();
		await expect(
			moveEvent(handle.db, officer, {
				eventId: event.id,
				version: event.version,
				startAt: '2025-07-01T12:00:00.000Z'
			})
		).rejects.toBeInstanceOf(StaleRecord);
		expect((await row(handle.db, event.id)).start_at).toBe(event.start_at);
	});

	test('a viewer may not move an event', async () => {
		const event = await insertEvent(handle.db);
		const viewer: Actor = { ...officer, role: 'viewer' };
		await expect(
			moveEvent(handle.db, viewer, { eventId: event.id, version: 1, startAt: event.start_at })
		).rejects.toBeInstanceOf(Forbidden);
	});
});
