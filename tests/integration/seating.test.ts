/**
 * Seating plans, on both engines: a banquet generated from precedence (the host at the centre of the top
 * table, the guest of honour on the host's right, then right and left alternately), hosts and guests
 * alternating when asked, a bilateral meeting's delegations facing each other with interpreters behind;
 * the warnings (seated twice, invited without a seat, out of precedence); each move versioned with what
 * moved, shown since the version printed; bad input refused with a message and nothing written; a person
 * merge keeping seats; an event's deletion taking its plan; officers alone change it or see needs on it.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '$lib/server/audit/audit';
import { Conflict, Forbidden, RuleViolation } from '$lib/server/errors';
import { findEventDeletion } from '$lib/server/events/event-read.service';
import { deleteEvent } from '$lib/server/events/event.service';
import { saveGuestNeeds } from '$lib/server/guest-needs/guest-needs.service';
import { mergePeople } from '$lib/server/people/person-merge.service';
import { SeatingGenerateInput } from '$lib/server/seating/seating.input';
import {
	addSeatingTable,
	findSeatingPlan,
	generateSeatingPlan,
	markSeatingPrinted,
	removeSeatingTable,
	seatGuest,
	swapSeats,
	unseatGuest,
	type SeatingPlanView
} from '$lib/server/seating/seating.service';
import { officer } from '../helpers/actors';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertEvent, insertPerson, stamps } from '../helpers/factories';

const viewer: Actor = { userId: null, label: 'viewer@protokol.test', role: 'viewer' };

const banquet = (fields: Record<string, string> = {}) =>
	SeatingGenerateInput.parse({
		layout: 'banquet',
		topShape: 'long',
		topSeats: '5',
		shape: 'round',
		seatsPerTable: '4',
		...fields
	});

/** Who sits where: "Table name/seat" → family name. */
function seating(view: SeatingPlanView): Record<string, string> {
	return Object.fromEntries(
		view.tables.flatMap((t) =>
			t.seatViews.flatMap((s) => s.guests.map((g) => [`${t.name}/${s.seat}`, g.familyName]))
		)
	);
}

const seatRef = (view: SeatingPlanView, table: string, seat: number) => {
	const t = view.tables.find((x) => x.name === table)!;
	return { tableId: t.id, seat };
};

describeEachEngine('seating plans', (engine) => {
	let handle: TestDatabase;
	const ids: Record<string, number> = {};

	const invite = async (
		eventId: number,
		family: string,
		fields: {
			role?: 'host' | 'guest' | 'head_of_delegation' | 'delegation_member' | 'observer';
			level?: number;
			rsvp?: 'accepted' | 'declined' | 'invited';
			delegation?: number;
			position?: string;
		} = {}
	) => {
		const person = await insertPerson(handle.db, {
			given_name: 'Alex',
			family_name: family,
			precedence_level: fields.level ?? null,
			position: fields.position ?? null
		});
		ids[`person:${family}`] = person.id;
		const row = await handle.db
			.insertInto('event_participant')
			.values({
				event_id: eventId,
				person_id: person.id,
				role: fields.role ?? 'guest',
				rsvp_status: fields.rsvp ?? 'accepted',
				delegation_id: fields.delegation ?? null,
				...stamps()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		ids[family] = row.id;
		return row.id;
	};

	const plan = async (eventId = ids.dinner!, actor: Actor = officer) =>
		(await findSeatingPlan(handle.db, actor, eventId))!;

	beforeAll(async () => {
		handle = await engine.open();
		ids.dinner = (await insertEvent(handle.db, { title: 'Reception for International Migrants Day' })).id;
		// The host ranks below two guests; precedence levels: 1 the highest.
		await invite(ids.dinner, 'Host', { role: 'host', level: 3 });
		await invite(ids.dinner, 'Honour', { level: 1 });
		await invite(ids.dinner, 'Second', { level: 2 });
		await invite(ids.dinner, 'Deputy', { role: 'host', level: 4 });
		await invite(ids.dinner, 'Fifth', { level: 5, rsvp: 'invited' });
		await invite(ids.dinner, 'Sixth', { level: 6 });
		await invite(ids.dinner, 'Seventh', { level: 7 });
		await invite(ids.dinner, 'Away', { level: 2, rsvp: 'declined' });
		ids.other = (await insertEvent(handle.db, { title: 'Another event' })).id;
		await invite(ids.other, 'Elsewhere', { level: 1 });
	});
	afterAll(() => handle?.cleanup());

	describe('a banquet', () => {
		test('seats the host at the centre of the top table, the guest of honour on the right, then left and right by precedence', async () => {
			await generateSeatingPlan(handle.db, officer, ids.dinner!, null, banquet());
			const view = await plan();
			expect(view.plan).toMatchObject({ version: 1, layout: 'banquet', keepDelegations: false });
			expect(seating(view)).toEqual({
				'Top table/1': 'Host',
				'Top table/2': 'Honour',
				'Top table/3': 'Second',
				'Top table/4': 'Deputy',
				'Top table/5': 'Fifth',
				'Table 2/1': 'Sixth',
				'Table 2/2': 'Seventh'
			});
			const top = view.tables[0]!.seatViews;
			expect(top.map((s) => s.place)).toEqual([
				'centre',
				'1st on the right',
				'1st on the left',
				'2nd on the right',
				'2nd on the left'
			]);
			// Seen from above with the host facing the room, their right hand is the drawing's left.
			expect(top[1]!.x).toBeLessThan(top[0]!.x);
			expect(top[2]!.x).toBeGreaterThan(top[0]!.x);
			expect(view.warnings).toEqual([]);
			expect(view.changes).toEqual([
				expect.objectContaining({ version: 1, summary: expect.stringContaining('Generated from precedence') })
			]);
		});

		test('with hosts and guests alternating, each side of the table goes guest, host, guest', async () => {
			const before = await plan();
			await generateSeatingPlan(
				handle.db,
				officer,
				ids.dinner!,
				before.plan!.version,
				banquet({ alternateHosts: 'on', topSeats: '7' })
			);
			const view = await plan();
			expect(seating(view)).toMatchObject({
				'Top table/1': 'Host',
				'Top table/2': 'Honour',
				'Top table/3': 'Second',
				'Top table/4': 'Deputy',
				'Top table/5': 'Fifth'
			});
			expect(view.plan).toMatchObject({ version: 2, alternateHosts: true });
			expect(view.warnings).toEqual([]);
		});
	});

	describe('moves, warnings and versions', () => {
		test('a guest moved with the plain form moves, and the one at that seat takes their old seat; each move is a version saying what moved', async () => {
			await generateSeatingPlan(handle.db, officer, ids.dinner!, (await plan()).plan!.version, banquet());
			let view = await plan();
			const version = view.plan!.version;
			await markSeatingPrinted(handle.db, officer, ids.dinner!, version);
			await seatGuest(handle.db, officer, ids.dinner!, version, {
				participantId: ids.Seventh!,
				to: seatRef(view, 'Top table', 2)
			});
			view = await plan();
			expect(seating(view)).toMatchObject({ 'Top table/2': 'Seventh', 'Table 2/2': 'Honour' });
			expect(view.plan!.version).toBe(version + 1);
			expect(view.plan!.printedVersion).toBe(version);
			expect(view.changes.map((c) => [c.guest, c.from, c.to])).toEqual([
				['Mr Alex Seventh', 'Table 2, seat 2', 'Top table, seat 2'],
				['Mr Alex Honour', 'Top table, seat 2', 'Table 2, seat 2']
			]);
			// Seventh now sits nearer the host than Deputy and Fifth, who come before them.
			expect(view.warnings.filter((w) => w.kind === 'precedence').map((w) => w.participantId)).toEqual([
				ids.Deputy
			]);
		});

		test('a swap with the keyboard or a drag swaps the two seats; an empty seat makes it a move', async () => {
			let view = await plan();
			await swapSeats(handle.db, officer, ids.dinner!, view.plan!.version, {
				a: seatRef(view, 'Top table', 2),
				b: seatRef(view, 'Table 2', 2)
			});
			view = await plan();
			expect(seating(view)).toMatchObject({ 'Top table/2': 'Honour', 'Table 2/2': 'Seventh' });
			await swapSeats(handle.db, officer, ids.dinner!, view.plan!.version, {
				a: seatRef(view, 'Table 2', 2),
				b: seatRef(view, 'Table 2', 4)
			});
			view = await plan();
			expect(seating(view)['Table 2/4']).toBe('Seventh');
			expect(seating(view)['Table 2/2']).toBeUndefined();
			expect(view.warnings).toEqual([]);
		});

		test('an invited guest without a seat, and a guest seated twice, are warned of', async () => {
			let view = await plan();
			await unseatGuest(handle.db, officer, ids.dinner!, view.plan!.version, { participantId: ids.Fifth! });
			view = await plan();
			expect(view.warnings).toEqual([
				{ kind: 'unseated', participantId: ids.Fifth, message: 'Mr Alex Fifth is invited but has no seat.' }
			]);
			const table = view.tables.find((t) => t.name === 'Table 2')!;
			await handle.db
				.insertInto('seating_seat')
				.values({ table_id: table.id, seat: 3, participant_id: ids.Sixth! })
				.execute();
			view = await plan();
			expect(view.warnings.find((w) => w.kind === 'twice')).toMatchObject({
				participantId: ids.Sixth,
				message: 'Mr Alex Sixth is seated twice: Table 2, seat 1 and Table 2, seat 3.'
			});
			await seatGuest(handle.db, officer, ids.dinner!, view.plan!.version, {
				participantId: ids.Sixth!,
				to: seatRef(view, 'Table 2', 1)
			});
			await seatGuest(handle.db, officer, ids.dinner!, (await plan()).plan!.version, {
				participantId: ids.Fifth!,
				to: seatRef(view, 'Top table', 5)
			});
			expect((await plan()).warnings).toEqual([]);
		});

		test('a seat beyond its table, a guest of another event, a table of no plan and an old version are refused, nothing written', async () => {
			const view = await plan();
			const version = view.plan!.version;
			const count = async () =>
				Number(
					(
						await handle.db
							.selectFrom('seating_change')
							.select((eb) => eb.fn.countAll().as('n'))
							.executeTakeFirstOrThrow()
					).n
				);
			const changes = await count();
			const refused = async (write: Promise<unknown>) =>
				write.then(
					() => null,
					(e: unknown) => e
				);
			const beyond = await refused(
				seatGuest(handle.db, officer, ids.dinner!, version, {
					participantId: ids.Sixth!,
					to: seatRef(view, 'Top table', 6)
				})
			);
			expect(beyond).toBeInstanceOf(RuleViolation);
			expect((beyond as RuleViolation).fields).toEqual({
				to: 'Top table has 5 seats: choose a seat from 1 to 5.'
			});
			const stranger = await refused(
				seatGuest(handle.db, officer, ids.dinner!, version, {
					participantId: ids.Elsewhere!,
					to: seatRef(view, 'Top table', 1)
				})
			);
			expect((stranger as RuleViolation).fields).toEqual({
				participantId: 'They are not a guest of this event.'
			});
			const noTable = await refused(
				swapSeats(handle.db, officer, ids.dinner!, version, {
					a: { tableId: 999999, seat: 1 },
					b: seatRef(view, 'Top table', 1)
				})
			);
			expect(noTable).toBeInstanceOf(RuleViolation);
			const old = await refused(
				seatGuest(handle.db, officer, ids.dinner!, version - 1, {
					participantId: ids.Sixth!,
					to: seatRef(view, 'Top table', 1)
				})
			);
			expect(old).toBeInstanceOf(Conflict);
			const ofOther = await refused(
				seatGuest(handle.db, officer, ids.other!, version, {
					participantId: ids.Elsewhere!,
					to: seatRef(view, 'Top table', 1)
				})
			);
			expect(ofOther).toBeInstanceOf(RuleViolation);
			expect(await count()).toBe(changes);
			expect(seating(await plan())).toEqual(seating(view));
			expect((await plan()).plan!.version).toBe(version);
		});

		test('a table added and removed; its guests lose their seats and are warned of', async () => {
			let view = await plan();
			await addSeatingTable(handle.db, officer, ids.dinner!, view.plan!.version, {
				name: 'Table 3',
				shape: 'long',
				seats: 6
			});
			view = await plan();
			expect(view.tables.map((t) => t.name)).toEqual(['Top table', 'Table 2', 'Table 3']);
			await removeSeatingTable(handle.db, officer, ids.dinner!, view.plan!.version, {
				tableId: seatRef(view, 'Table 2', 1).tableId
			});
			view = await plan();
			expect(
				view.warnings
					.filter((w) => w.kind === 'unseated')
					.map((w) => w.participantId)
					.sort()
			).toEqual([ids.Sixth, ids.Seventh].sort());
		});
	});

	test('a bilateral meeting: the delegations face each other, heads at the centre, members outward by precedence, interpreters behind', async () => {
		const eventId = (await insertEvent(handle.db, { title: 'Bilateral meeting', kind: 'bilateral_meeting' }))
			.id;
		const delegation = async (name: string, position: number) =>
			(
				await handle.db
					.insertInto('delegation')
					.values({ event_id: eventId, name, position })
					.returning('id')
					.executeTakeFirstOrThrow()
			).id;
		const ours = await delegation('Azerbaijan', 0);
		const theirs = await delegation('IOM', 1);
		await invite(eventId, 'Chief', { role: 'host', level: 2, delegation: ours });
		await invite(eventId, 'OurDeputy', { role: 'delegation_member', level: 4, delegation: ours });
		await invite(eventId, 'OurAdviser', { role: 'delegation_member', level: 5, delegation: ours });
		await invite(eventId, 'OurInterpreter', {
			role: 'delegation_member',
			delegation: ours,
			position: 'Interpreter'
		});
		await invite(eventId, 'DirectorGeneral', { role: 'head_of_delegation', level: 1, delegation: theirs });
		await invite(eventId, 'TheirChief', { role: 'delegation_member', level: 3, delegation: theirs });
		await invite(eventId, 'NoteTaker', {
			role: 'delegation_member',
			delegation: theirs,
			position: 'Note-taker'
		});
		await generateSeatingPlan(handle.db, officer, eventId, null, banquet({ layout: 'bilateral' }));
		const view = await plan(eventId);
		expect(view.suggestedLayout).toBe('bilateral');
		expect(seating(view)).toEqual({
			'Meeting table/1': 'Chief',
			'Meeting table/2': 'OurDeputy',
			'Meeting table/3': 'OurAdviser',
			'Meeting table/4': 'DirectorGeneral',
			'Meeting table/5': 'TheirChief',
			'Behind the hosts/1': 'OurInterpreter',
			'Behind the visitors/1': 'NoteTaker'
		});
		const table = view.tables[0]!.seatViews;
		expect(table.map((s) => [s.side, s.place])).toEqual([
			[1, 'centre'],
			[1, '1st on the right'],
			[1, '1st on the left'],
			[2, 'centre'],
			[2, '1st on the right'],
			[2, '1st on the left']
		]);
		// Facing each other: the heads opposite, one side above the other.
		expect(table[0]!.x).toBe(table[3]!.x);
		expect(table[0]!.y).toBeLessThan(table[3]!.y);
		expect(view.warnings).toEqual([]);
	});

	test('guests’ needs, answers and warnings show to officers only; only officers change the plan', async () => {
		await saveGuestNeeds(handle.db, officer, ids.dinner!, ids.Honour!, null, {
			diet: ['halal'],
			dietaryNote: null,
			accessibility: 'Wheelchair',
			interpretationLanguage: 'fr',
			securityNote: 'Close protection'
		});
		const marks = (view: SeatingPlanView) =>
			view.tables.flatMap((t) => t.seatViews.flatMap((s) => s.guests)).find((g) => g.familyName === 'Honour')!
				.marks;
		expect(marks(await plan()).map((m) => m.short)).toEqual(['D', 'A', 'I fr']);
		const seen = await plan(ids.dinner!, viewer);
		expect(seen.canEdit).toBe(false);
		expect(marks(seen)).toEqual([]);
		// Nor who declined or has not answered: no warnings, no guest list.
		expect(seen.warnings).toEqual([]);
		expect(seen.guests).toEqual([]);
		expect(JSON.stringify(seen)).not.toContain('Wheelchair');
		await expect(
			seatGuest(handle.db, viewer, ids.dinner!, seen.plan!.version, {
				participantId: ids.Honour!,
				to: seatRef(seen, 'Top table', 1)
			})
		).rejects.toBeInstanceOf(Forbidden);
		await expect(
			generateSeatingPlan(handle.db, viewer, ids.dinner!, seen.plan!.version, banquet())
		).rejects.toBeInstanceOf(Forbidden);
	});

	test('merging two people both at the event keeps their seats on the one kept, and the plan warns of them seated twice', async () => {
		const eventId = (await insertEvent(handle.db, { title: 'Dinner' })).id;
		await invite(eventId, 'Kept', { level: 1 });
		await invite(eventId, 'Twin', { level: 2 });
		await generateSeatingPlan(handle.db, officer, eventId, null, banquet());
		const version = async (id: number) =>
			(await handle.db.selectFrom('person').select('version').where('id', '=', id).executeTakeFirstOrThrow())
				.version;
		const removed = ids['person:Twin']!;
		const kept = ids['person:Kept']!;
		await mergePeople(handle.db, officer, removed, {
			intoId: kept,
			version: await version(removed),
			intoVersion: await version(kept)
		});
		const view = await plan(eventId);
		expect(view.warnings).toEqual([
			expect.objectContaining({
				kind: 'twice',
				participantId: ids.Kept,
				message: 'Mr Alex Kept is seated twice: Top table, seat 1 and Top table, seat 2.'
			})
		]);
	});

	test('deleting the event takes its plan, tables, seats and changes with it, as its delete page says', async () => {
		const eventId = (await insertEvent(handle.db, { title: 'Lunch' })).id;
		await invite(eventId, 'Lunching', { level: 1 });
		await generateSeatingPlan(handle.db, officer, eventId, null, banquet());
		const planId = (
			await handle.db
				.selectFrom('seating_plan')
				.select('id')
				.where('event_id', '=', eventId)
				.executeTakeFirstOrThrow()
		).id;
		const deletion = (await findEventDeletion(handle.db, eventId))!;
		expect(deletion.seatingPlan).toBe(true);
		await deleteEvent(handle.db, officer, eventId, deletion.version);
		for (const table of ['seating_table', 'seating_change'] as const) {
			const rows = await handle.db.selectFrom(table).select('id').where('plan_id', '=', planId).execute();
			expect(rows, table).toEqual([]);
		}
		expect(
			await handle.db.selectFrom('seating_plan').select('id').where('id', '=', planId).execute()
		).toEqual([]);
	});
});
