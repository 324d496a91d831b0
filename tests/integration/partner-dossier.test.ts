/**
 * The partner dossier: one timeline of everything with an organisation and every organisation below it,
 * kept current by the database's own triggers whoever writes, filtered, paged by keyset, and costing
 * the same number of queries, along the same indexes, on ten times the data. Both engines.
 */
import type { Kysely, LogEvent } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '$lib/server/db/schema';
import { listOpenActionPointsOf } from '$lib/server/dossier/dossier.repository';
import {
	COUNT_LIMIT,
	findDossier,
	rebuildDossiers,
	refreshDossiers
} from '$lib/server/dossier/dossier.service';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import {
	insertAgreement,
	insertEvent,
	insertOrganization,
	insertOutcomes,
	insertPerson,
	insertProject
} from '../helpers/factories';
import { iomTree } from '../helpers/partner-world';
import { planOf } from '../helpers/query-plans';

type Db = Kysely<Database>;

const stamps = () => ({ created_at: new Date().toISOString(), updated_at: new Date().toISOString() });
const NOW = new Date('2026-12-05T09:00:00Z');

async function host(db: Db, eventId: number, organizationId: number, role: 'host' | 'co_host' = 'host') {
	await db
		.insertInto('event_organization')
		.values({ event_id: eventId, organization_id: organizationId, role })
		.execute();
}

async function letter(
	db: Db,
	fields: { from: number; to: number; on: string; subject: string; ref?: string }
) {
	return db
		.insertInto('correspondence')
		.values({
			kind: 'note_verbale',
			dated_on: fields.on,
			subject: fields.subject,
			reference_number: fields.ref ?? null,
			sender_organization_id: fields.from,
			recipient_organization_id: fields.to,
			direction: 'incoming',
			...stamps()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
}

async function dossier(
	db: Db,
	organizationId: number,
	filter = {},
	page: { limit: number; after?: (string | number)[] } = { limit: 50 }
) {
	const found = await findDossier(db, organizationId, filter, page, NOW);
	if (!found) throw new Error('no dossier');
	return found;
}

const titles = (d: Awaited<ReturnType<typeof dossier>>) => d.timeline.items.map((item) => item.title);

describeEachEngine('the partner dossier', (engine) => {
	let handle: TestDatabase;
	let db: Db;
	let o: Awaited<ReturnType<typeof iomTree>>;
	let meeting: number;
	let debrief: number;

	beforeAll(async () => {
		handle = await engine.open();
		db = handle.db;
		o = await iomTree(db);
		meeting = (
			await insertEvent(db, {
				title: 'Meeting of the Chief of the Service with the IOM Regional Director',
				start_at: '2022-03-10T07:00:00.000Z',
				end_at: '2022-03-10T08:00:00.000Z'
			})
		).id;
		await host(db, meeting, o.office);
		await host(db, meeting, o.sms, 'co_host');
		debrief = (
			await insertEvent(db, {
				kind: 'debrief',
				title: 'Debrief on the International Migration Review Forum',
				start_at: '2022-06-02T06:00:00.000Z',
				end_at: '2022-06-02T09:00:00.000Z'
			})
		).id;
		await host(db, debrief, o.sms);
		await host(db, debrief, o.mission, 'co_host');
		await letter(db, {
			from: o.mission,
			to: o.sms,
			on: '2021-09-02',
			subject: 'Note verbale on the IMRF',
			ref: '0451/13/21/26'
		});
		await insertAgreement(
			db,
			{
				title: 'Cooperation agreement on voluntary return',
				signed_on: '2016-12-08',
				signed_place: 'Geneva',
				approved_on: '2017-02-23',
				in_force_on: '2017-03-02'
			},
			[o.sms, o.iom]
		);
		await insertProject(
			db,
			{
				title: 'Consolidation of Migration and Border Management Capacities',
				start_on: '2014-01-01',
				start_precision: 'year'
			},
			[o.iom]
		);
		await db
			.insertInto('outcome')
			.values({
				kind: 'action_point',
				title: 'Adjust the UNNM work plan',
				event_id: debrief,
				owner_organization_id: o.sms,
				due_on: '2026-11-30',
				...stamps()
			})
			.execute();
		await insertPerson(db, {
			given_name: 'Ugochi',
			family_name: 'Daniels',
			organization_id: o.office,
			heads_organization: 1,
			position: 'Regional Director'
		});
	});
	afterAll(() => handle?.cleanup());

	test("IOM's dossier holds its own records and those of every organisation below it, newest first", async () => {
		const d = await dossier(db, o.iom);
		expect(titles(d)).toEqual([
			'Adjust the UNNM work plan',
			'Debrief on the International Migration Review Forum',
			'Meeting of the Chief of the Service with the IOM Regional Director',
			'Note verbale on the IMRF',
			'Cooperation agreement on voluntary return',
			'Consolidation of Migration and Border Management Capacities'
		]);
		const line = (title: string) => d.timeline.items.find((item) => item.title === title)!;
		expect(line('Meeting of the Chief of the Service with the IOM Regional Director')).toMatchObject({
			kind: 'event',
			roleLabel: 'Host',
			via: { id: o.office },
			dateText: '10 March 2022'
		});
		expect(line('Debrief on the International Migration Review Forum')).toMatchObject({
			roleLabel: 'Co-host',
			via: { id: o.mission }
		});
		expect(line('Note verbale on the IMRF')).toMatchObject({ roleLabel: 'Sender', via: { id: o.mission } });
		expect(line('Note verbale on the IMRF').detail).toContain('Ref. 0451/13/21/26');
		expect(line('Cooperation agreement on voluntary return')).toMatchObject({
			roleLabel: 'Party',
			via: null
		});
		expect(line('Cooperation agreement on voluntary return').detail).toContain('In force since 2 March 2017');
		expect(line('Adjust the UNNM work plan')).toMatchObject({
			kind: 'outcome',
			roleLabel: 'Hosted the meeting',
			via: { id: o.mission }
		});
		expect(d.kinds.map((k) => [k.kind, k.count])).toEqual([
			['event', 2],
			['correspondence', 1],
			['outcome', 1],
			['agreement', 1],
			['project', 1]
		]);
		expect(d.total).toBe(6);
		expect(d.years).toEqual(Array.from({ length: 2022 - 2014 + 1 }, (_, i) => 2022 - i));
	});

	test('its head: the chain of parents, the head, open action points, agreements in force, projects running', async () => {
		const mission = await dossier(db, o.mission);
		expect(mission.organization.ancestors.map((a) => a.id)).toEqual([o.iom, o.office]);
		const office = await dossier(db, o.office);
		expect(office.organization.head).toMatchObject({ position: 'Regional Director' });
		const iom = await dossier(db, o.iom);
		expect(iom.openActionPoints.items).toEqual([
			expect.objectContaining({ title: 'Adjust the UNNM work plan', dueOn: '2026-11-30', overdueDays: 5 })
		]);
		expect(iom.agreementsInForce.items).toEqual([
			expect.objectContaining({
				title: 'Cooperation agreement on voluntary return',
				stateText: 'In force since 2 March 2017'
			})
		]);
		expect(iom.runningProjects.items.map((p) => p.detail)).toEqual(['Since 2014']);
	});

	test('filters: leave out sub-organisations, one kind, one year (an event in its own zone)', async () => {
		expect(titles(await dossier(db, o.iom, { ownOnly: true }))).toEqual([
			'Cooperation agreement on voluntary return',
			'Consolidation of Migration and Border Management Capacities'
		]);
		expect(titles(await dossier(db, o.iom, { kind: 'event' }))).toEqual([
			'Debrief on the International Migration Review Forum',
			'Meeting of the Chief of the Service with the IOM Regional Director'
		]);
		// 21:30 UTC on 31 December is New Year's Day in Baku.
		const party = await insertEvent(db, {
			title: 'New Year reception',
			start_at: '2021-12-31T21:30:00.000Z',
			end_at: '2021-12-31T23:00:00.000Z'
		});
		await host(db, party.id, o.mission);
		const in2022 = await dossier(db, o.iom, { year: 2022 });
		expect(titles(in2022)).toContain('New Year reception');
		expect(titles(await dossier(db, o.iom, { year: 2021 }))).toEqual(['Note verbale on the IMRF']);
		expect(in2022.kinds.find((k) => k.kind === 'event')!.count).toBe(3);
		await db.deleteFrom('event').where('id', '=', party.id).execute();
		expect(titles(await dossier(db, o.iom))).not.toContain('New Year reception');
	});

	test('a project or agreement without a date comes after every dated record, and in no year', async () => {
		const undated = await insertProject(db, { title: 'Regional Training Center on Migration' }, [o.office]);
		const d = await dossier(db, o.iom);
		expect(d.timeline.items.at(-1)).toMatchObject({
			title: 'Regional Training Center on Migration',
			dateText: 'No date recorded'
		});
		expect(d.years.at(-1)).toBe(2014);
		await db.deleteFrom('project').where('id', '=', undated.id).execute();
	});

	test('pages follow each other by keyset without a gap or a repeat, forwards and back', async () => {
		const seen: string[] = [];
		let after: (string | number)[] | undefined;
		let pages = 0;
		for (;;) {
			const d = await dossier(db, o.iom, {}, { limit: 2, after });
			seen.push(...titles(d));
			pages++;
			if (!d.timeline.next) break;
			after = JSON.parse(Buffer.from(d.timeline.next, 'base64url').toString());
		}
		expect(pages).toBe(3);
		expect(seen).toEqual(titles(await dossier(db, o.iom)));
	});

	test('a record follows its links, dates and organisations as they change, whoever writes', async () => {
		const other = await insertOrganization(db, { name: 'UNHCR', acronym: 'UNHCR', kind: 'un_entity' });
		// The Mission moves under another parent: its records leave IOM's dossier and join UNHCR's.
		await db.updateTable('organization').set({ parent_id: other.id }).where('id', '=', o.mission).execute();
		expect(titles(await dossier(db, o.iom))).not.toContain('Note verbale on the IMRF');
		expect(titles(await dossier(db, other.id))).toContain('Note verbale on the IMRF');
		await db.updateTable('organization').set({ parent_id: o.office }).where('id', '=', o.mission).execute();
		expect(titles(await dossier(db, other.id))).toEqual([]);
		// A meeting moved to 2023 moves up, and the action point recorded at it with it.
		await db
			.updateTable('event')
			.set({ start_at: '2023-01-10T07:00:00.000Z', end_at: '2023-01-10T08:00:00.000Z' })
			.where('id', '=', debrief)
			.execute();
		expect(titles(await dossier(db, o.iom)).slice(0, 2)).toEqual([
			'Adjust the UNNM work plan',
			'Debrief on the International Migration Review Forum'
		]);
		expect((await dossier(db, o.iom)).timeline.items[0]!.dateText).toBe('10 January 2023');
		// Without the Regional Office as host, the meeting is not IOM's any more.
		await db
			.deleteFrom('event_organization')
			.where('event_id', '=', meeting)
			.where('organization_id', '=', o.office)
			.execute();
		expect(titles(await dossier(db, o.iom))).not.toContain(
			'Meeting of the Chief of the Service with the IOM Regional Director'
		);
		// A participant sent by the Mission brings it back, as attended.
		const person = await insertPerson(db, {
			given_name: 'Vladimir',
			family_name: 'Gjorgjiev',
			organization_id: o.mission
		});
		await db
			.insertInto('event_participant')
			.values({
				event_id: meeting,
				person_id: person.id,
				organization_id: o.mission,
				role: 'delegation_member',
				...stamps()
			})
			.execute();
		const line = (await dossier(db, o.iom)).timeline.items.find(
			(item) => item.id === meeting && item.kind === 'event'
		);
		expect(line).toMatchObject({ roleLabel: 'Took part', via: { id: o.mission } });
	});

	test('what the triggers kept is what a rebuild from scratch makes', async () => {
		await refreshDossiers(db);
		const read = () =>
			db
				.selectFrom('dossier_entry')
				.selectAll()
				.orderBy('organization_id')
				.orderBy('record_type')
				.orderBy('record_id')
				.execute();
		const kept = await read();
		await db.deleteFrom('dossier_entry').execute();
		await rebuildDossiers(db);
		expect(await read()).toEqual(kept);
	});
});

describeEachEngine('what a dossier costs', (engine) => {
	const sizes = [10, 100] as const;
	const handles: TestDatabase[] = [];
	const queries: LogEvent[][] = [];
	const partners: number[] = [];

	/** `n` of each kind with the partner's Mission, and as many with an unrelated organisation. */
	async function populate(db: Db, n: number) {
		const o = await iomTree(db);
		const stranger = await insertOrganization(db, { name: 'Unrelated', acronym: null });
		for (const with_ of [o.mission, stranger.id]) {
			for (let i = 0; i < n; i++) {
				const day = `20${String(10 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`;
				const event = await insertEvent(db, {
					title: `Meeting ${i}`,
					start_at: `${day}T07:00:00.000Z`,
					end_at: `${day}T08:00:00.000Z`
				});
				await host(db, event.id, with_);
				await letter(db, { from: with_, to: o.sms, on: day, subject: `Letter ${i}` });
				await db
					.insertInto('outcome')
					.values({
						kind: 'action_point',
						title: `Point ${i}`,
						event_id: event.id,
						owner_organization_id: with_,
						...stamps()
					})
					.execute();
				await insertAgreement(db, { title: `Agreement ${i}`, signed_on: day, in_force_on: day }, [
					with_,
					o.sms
				]);
				await insertProject(db, { title: `Project ${i}` }, [with_]);
			}
		}
		await refreshDossiers(db);
		return o.iom;
	}

	beforeAll(async () => {
		for (const size of sizes) {
			const log: LogEvent[] = [];
			const handle = await engine.open({ onQuery: (event) => log.push(event) });
			partners.push(await populate(handle.db, size));
			handles.push(handle);
			queries.push(log);
		}
	});
	afterAll(async () => {
		for (const handle of handles) await handle.cleanup();
	});

	async function cost(filter: object) {
		const counts: number[] = [];
		for (const [index, handle] of handles.entries()) {
			queries[index]!.length = 0;
			const d = await dossier(handle.db, partners[index]!, filter, { limit: 5 });
			expect(d.timeline.items).toHaveLength(5);
			counts.push(queries[index]!.length);
		}
		return counts;
	}

	test.each([{}, { kind: 'correspondence' }, { kind: 'event' }])(
		'the same queries on ten times the data, filtered by %o',
		async (filter) => {
			const counts = await cost(filter);
			expect(counts[1]).toBe(counts[0]);
			expect(counts[0]).toBeLessThanOrEqual(11);
		}
	);

	describe('the timeline is read along an index in its order, never sorted whole', () => {
		test.each([
			{},
			{ kind: 'event' },
			{ ownOnly: true },
			{ ownOnly: true, kind: 'agreement' },
			{ year: 2014 }
		])('filtered by %o', async (filter) => {
			const handle = handles[1]!;
			const log = queries[1]!;
			log.length = 0;
			await dossier(handle.db, partners[1]!, filter, { limit: 25 });
			const timeline = log.find((q) => q.query.sql.includes('"via"'))!.query;
			const plan = await planOf(handle, timeline);
			// The page's entries are cut from the index in its order; only they are then put back in order,
			// with what each shows joined to them (at most limit + 1 rows).
			if (handle.engine === 'postgres') {
				expect(plan).not.toMatch(/Seq Scan on dossier_entry/);
				// A year, or a kind, is an index range: PostgreSQL may sort what is in it, never the whole dossier.
				if ('year' in filter) expect(plan).toMatch(/Index Cond: .*occurred_at >=/);
				else if ('kind' in filter) expect(plan).toMatch(/Index Cond: .*record_type = '\w+'/);
				else
					expect(plan).toMatch(
						/Limit .*\n\s*->\s+Index (Only )?Scan( Backward)? using dossier_entry_\w+_idx/
					);
			} else {
				const [entries] = plan.split(/\nSCAN dossier_entry\n/);
				expect(entries).toMatch(
					/^CO-ROUTINE dossier_entry\nSEARCH dossier_entry USING (COVERING )?INDEX dossier_entry_\w+_idx/
				);
				expect(entries).not.toMatch(/USE TEMP B-TREE/);
			}
		});
	});
});

describeEachEngine('a dossier holding more outcomes than it counts', (engine) => {
	let handle: TestDatabase;
	let partnerId: number;
	const NOW = new Date('2026-03-09T09:00:00Z');

	beforeAll(async () => {
		handle = await engine.open();
		const partner = await insertOrganization(handle.db, { name: 'International Organization for Migration' });
		partnerId = partner.id;
		// COUNT_LIMIT + 40 outcomes it owns: action points of every status, some undated, and decisions.
		const statuses = ['open', 'in_progress', 'done', 'dropped'] as const;
		const rows = Array.from({ length: COUNT_LIMIT + 40 }, (_, n) => ({
			kind: n % 7 === 0 ? ('decision' as const) : ('action_point' as const),
			title: `Outcome ${n}`,
			due_on:
				n % 11 === 0 ? null : new Date(Date.UTC(2026, 0, 1 + ((n * 37) % 400))).toISOString().slice(0, 10),
			status: statuses[n % 4]!,
			owner_organization_id: partner.id,
			...stamps()
		}));
		await insertOutcomes(handle.db, rows);
		await refreshDossiers(handle.db);
	});
	afterAll(async () => {
		await handle?.cleanup();
	});

	test('counts the kind up to the limit and says there are more', async () => {
		const dossier = (await findDossier(handle.db, partnerId, {}, { limit: 50 }, NOW))!;
		expect(dossier.kinds.find((k) => k.kind === 'outcome')).toMatchObject({ count: COUNT_LIMIT, more: true });
		expect(dossier.kinds.find((k) => k.kind === 'event')).toMatchObject({ count: 0, more: false });
		expect(dossier.total).toBe(COUNT_LIMIT);
		expect(dossier.totalMore).toBe(true);
	});

	test('its open action points, read along the board, are those its own outcomes give, in the same order', async () => {
		const sorted = await listOpenActionPointsOf(handle.db, partnerId, 8, { fromBoard: false });
		const alongBoard = await listOpenActionPointsOf(handle.db, partnerId, 8, { fromBoard: true });
		expect(sorted).toHaveLength(9);
		expect(alongBoard).toEqual(sorted);
		const dossier = (await findDossier(handle.db, partnerId, {}, { limit: 50 }, NOW))!;
		expect(dossier.openActionPoints.items.map((item) => item.id)).toEqual(
			sorted.slice(0, 8).map((row) => row.id)
		);
		expect(dossier.openActionPoints.more).toBe(true);
	});
});
