/**
 * The action-point board on both engines: each filter, the counts beside each choice, a partner with
 * the organisations under it, the due windows on the office's day (Asia/Baku) rather than UTC's, keyset
 * paging in the board's order, and a status change with its note (history, audit, stale and viewer
 * refused).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Actor } from '$lib/server/audit/audit';
import { parseBoardQuery, type BoardQuery } from '$lib/server/actions/action-board.input';
import { COUNT_LIMIT } from '$lib/server/actions/action-board.repository';
import { getActionBoard, listActionBoardPages } from '$lib/server/actions/action-board.service';
import { Forbidden, StaleRecord } from '$lib/server/errors';
import { findOutcomePage, setOutcomeStatus } from '$lib/server/outcomes/outcome.service';
import type { PageRequest } from '$lib/server/pagination';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import {
	insertActionPoint,
	insertEvent,
	insertIomWithMission,
	insertOrganization,
	insertPerson,
	insertOutcomes,
	insertUserAccount,
	stamps
} from '../helpers/factories';

/** 20:30 UTC on Monday 9 March 2026 is already Tuesday 10 March in Baku. */
const NOW = new Date('2026-03-09T20:30:00Z');

describeEachEngine('the action-point board', (engine) => {
	let handle: TestDatabase;
	const ids: Record<string, number> = {};
	let officer: Actor;

	const board = (params: Record<string, string | number> = {}, page: PageRequest = { limit: 25 }) => {
		const query: BoardQuery = parseBoardQuery(
			new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))
		);
		return getActionBoard(handle.db, query, page, NOW);
	};
	const titles = async (params: Record<string, string | number> = {}) =>
		(await board(params)).items.items.map((item) => item.title);
	const counts = (choices: { value: string; count: number }[]) =>
		Object.fromEntries(choices.map((c) => [c.value, c.count]));

	beforeAll(async () => {
		handle = await engine.open();
		const db = handle.db;
		const { iom, mission } = await insertIomWithMission(db);
		const unhcr = await insertOrganization(db, { name: 'UNHCR', acronym: 'UNHCR' });
		const person = await insertPerson(db, { given_name: 'Firudin', family_name: 'Nabiyev' });
		const leyla = await insertUserAccount(db, { name: 'Leyla Mammadova' });
		const rashad = await insertUserAccount(db, { name: 'Rashad Aliyev' });
		officer = { userId: leyla.id, label: leyla.email, role: 'officer' };
		const meeting = await insertEvent(db, { kind: 'bilateral_meeting', title: 'Meeting with IOM' });
		await db
			.insertInto('event_organization')
			.values({ event_id: meeting.id, organization_id: mission.id, role: 'host' })
			.execute();
		const forum = await insertEvent(db, { kind: 'forum', title: 'IMRF debrief' });
		Object.assign(ids, { iom: iom.id, mission: mission.id, unhcr: unhcr.id, person: person.id });
		Object.assign(ids, { leyla: leyla.id, rashad: rashad.id });
		const made = [
			[
				'A overdue',
				{
					due_on: '2026-03-09',
					event_id: meeting.id,
					owner_person_id: person.id,
					responsible_user_id: leyla.id
				}
			],
			[
				'B today',
				{ due_on: '2026-03-10', status: 'in_progress', event_id: forum.id, owner_organization_id: mission.id }
			],
			['C this month', { due_on: '2026-03-20', responsible_user_id: rashad.id }],
			['D undated', {}, [unhcr.id]],
			['E done', { due_on: '2026-03-01', status: 'done' }],
			['F a decision', { kind: 'decision', due_on: '2026-03-01' }]
		] as const;
		for (const [title, fields, parties] of made) {
			const row = await insertActionPoint(db, { title, ...fields }, parties ? [...parties] : []);
			ids[title] = row.id;
		}
	});
	afterAll(() => handle?.cleanup());

	test('open action points only, soonest due first and undated last; overdue by the office day', async () => {
		const view = await board();
		expect(view.today).toBe('2026-03-10');
		expect(view.items.items.map((i) => i.title)).toEqual([
			'A overdue',
			'B today',
			'C this month',
			'D undated'
		]);
		expect(view.total).toBe(4);
		expect(view.items.items.map((i) => i.overdueDays)).toEqual([1, null, null, null]);
	});

	test('due windows, counted and filtered, on the office day', async () => {
		const view = await board();
		expect(counts(view.facets.due)).toEqual({ '': 4, overdue: 1, week: 1, month: 2, none: 1 });
		expect(await titles({ due: 'overdue' })).toEqual(['A overdue']);
		expect(await titles({ due: 'week' })).toEqual(['B today']);
		expect(await titles({ due: 'month' })).toEqual(['B today', 'C this month']);
		expect(await titles({ due: 'none' })).toEqual(['D undated']);
		// At 19:59 UTC it is still Monday in Baku: A is due today, not overdue.
		const monday = await getActionBoard(
			handle.db,
			parseBoardQuery(new URLSearchParams('due=overdue')),
			{ limit: 25 },
			new Date('2026-03-09T19:59:00Z')
		);
		expect(monday.items.items).toEqual([]);
	});

	test('status: the open ones by default, each status on its own, with counts', async () => {
		const view = await board();
		expect(counts(view.facets.status)).toEqual({ '': 4, open: 3, in_progress: 1, done: 1, dropped: 0 });
		expect(await titles({ status: 'done' })).toEqual(['E done']);
		expect(await titles({ status: 'done', due: 'overdue' })).toEqual([]);
	});

	test('the kind of meeting it came from, or none', async () => {
		const view = await board();
		expect(counts(view.facets.meeting)).toMatchObject({ '': 4, bilateral_meeting: 1, forum: 1, none: 2 });
		expect(await titles({ meeting: 'forum' })).toEqual(['B today']);
		expect(await titles({ meeting: 'none' })).toEqual(['C this month', 'D undated']);
	});

	test('owners: the officer responsible, a person, an organisation', async () => {
		const view = await board({ due: 'month' });
		expect(counts(view.facets.officer)).toEqual({ '': 2, [ids.leyla!]: 0, [ids.rashad!]: 1 });
		expect(await titles({ officer: ids.leyla! })).toEqual(['A overdue']);
		const byPerson = await board({ person: ids.person! });
		expect(byPerson.items.items.map((i) => i.title)).toEqual(['A overdue']);
		expect(byPerson.chosen.person?.name).toContain('Nabiyev');
		expect(await titles({ organization: ids.mission! })).toEqual(['B today']);
	});

	test('a partner includes the organisations under it', async () => {
		const view = await board({ partner: ids.iom! });
		expect(view.items.items.map((i) => i.title)).toEqual(['A overdue', 'B today']);
		expect(view.chosen.partner?.name).toBe('International Organization for Migration');
		expect(counts(view.facets.due)).toMatchObject({ overdue: 1, week: 1 });
		expect(await titles({ partner: ids.mission! })).toEqual(['A overdue', 'B today']);
		expect(await titles({ partner: ids.unhcr! })).toEqual(['D undated']);
	});

	test('the chooser finds people and organisations by name, never lists them all', async () => {
		const view = await board({ find: 'Nabiyev' });
		expect(view.found?.flatMap((g) => g.hits.map((h) => h.id))).toEqual([ids.person]);
		expect((await board()).found).toBeNull();
	});

	test('keyset pages in the board order, forward and back; the CSV pages hold every row', async () => {
		const first = await board({}, { limit: 2 });
		expect(first.items.items.map((i) => i.title)).toEqual(['A overdue', 'B today']);
		const second = await getActionBoard(
			handle.db,
			parseBoardQuery(new URLSearchParams()),
			{ after: JSON.parse(Buffer.from(first.items.next!, 'base64url').toString()), limit: 2 },
			NOW
		);
		expect(second.items.items.map((i) => i.title)).toEqual(['C this month', 'D undated']);
		expect(second.items.next).toBeNull();
		const back = await getActionBoard(
			handle.db,
			parseBoardQuery(new URLSearchParams()),
			{ before: JSON.parse(Buffer.from(second.items.previous!, 'base64url').toString()), limit: 2 },
			NOW
		);
		expect(back.items.items.map((i) => i.title)).toEqual(['A overdue', 'B today']);
		const all: string[] = [];
		for await (const page of listActionBoardPages(handle.db, { due: 'month' }, NOW))
			all.push(...page.map((i) => i.title));
		expect(all).toEqual(['B today', 'C this month']);
	});

	describe('a status change', () => {
		test('takes a note, leaves a history and an audit entry, and drops the board count', async () => {
			const id = ids['A overdue']!;
			const before = (await findOutcomePage(handle.db, id))!;
			await setOutcomeStatus(
				handle.db,
				officer,
				id,
				before.version,
				{ status: 'done', note: 'Work plan adjusted' },
				NOW
			);
			const after = (await findOutcomePage(handle.db, id))!;
			expect(after.status).toBe('done');
			expect(after.statusChanges).toMatchObject([
				{ fromLabel: 'Open', toLabel: 'Done', note: 'Work plan adjusted', changedBy: 'Leyla Mammadova' }
			]);
			const audit = await handle.db
				.selectFrom('audit_entry')
				.selectAll()
				.where('action', '=', 'outcome.status')
				.where('entity_id', '=', id)
				.execute();
			expect(audit).toHaveLength(1);
			expect(audit[0]!.after_json).toContain('Work plan adjusted');
			const view = await board();
			expect(view.total).toBe(3);
			expect(counts(view.facets.due).overdue).toBe(0);
		});

		test('an older version is refused, and so is a viewer; neither writes anything', async () => {
			const id = ids['B today']!;
			const { version } = (await findOutcomePage(handle.db, id))!;
			await expect(
				setOutcomeStatus(handle.db, officer, id, version - 1, { status: 'done', note: 'x' })
			).rejects.toBeInstanceOf(StaleRecord);
			await expect(
				setOutcomeStatus(handle.db, { userId: null, label: 'viewer', role: 'viewer' }, id, version, {
					status: 'done',
					note: 'x'
				})
			).rejects.toBeInstanceOf(Forbidden);
			const page = (await findOutcomePage(handle.db, id))!;
			expect(page.status).toBe('in_progress');
			expect(page.statusChanges).toEqual([]);
		});
	});
});

describeEachEngine('a board with more action points than it counts', (engine) => {
	let handle: TestDatabase;

	beforeAll(async () => {
		handle = await engine.open();
		// COUNT_LIMIT + 20 open ones due from 1 January 2026, one a day, and 30 done after them.
		const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10);
		const rows = Array.from({ length: COUNT_LIMIT + 50 }, (_, n) => ({
			kind: 'action_point' as const,
			title: `Action point ${n}`,
			due_on: day(n),
			status: n < COUNT_LIMIT + 20 ? ('open' as const) : ('done' as const),
			...stamps()
		}));
		await insertOutcomes(handle.db, rows);
	});
	afterAll(async () => {
		await handle?.cleanup();
	});

	test('says "more than" the limit, and each count beside a choice is one it has at least', async () => {
		const board = await getActionBoard(handle.db, parseBoardQuery(new URLSearchParams()), { limit: 25 }, NOW);
		expect(board.total).toBe(COUNT_LIMIT);
		expect(board.totalMore).toBe(true);
		expect(board.countLimit).toBe(COUNT_LIMIT);
		// Counted over the first COUNT_LIMIT + 1 in the board's order: all open, the done ones come later.
		const status = Object.fromEntries(board.facets.status.map((c) => [c.value, [c.count, c.more]]));
		expect(status['']).toEqual([COUNT_LIMIT, true]);
		expect(status['done']).toEqual([0, true]);
		expect(board.facets.meeting.find((c) => c.value === 'none')).toMatchObject({
			count: COUNT_LIMIT,
			more: true
		});
		// The rows are still the first in the board's order.
		expect(board.items.items.map((item) => item.title).slice(0, 2)).toEqual([
			'Action point 0',
			'Action point 1'
		]);
	});

	test('a filter that selects fewer than the limit is counted exactly', async () => {
		const board = await getActionBoard(
			handle.db,
			parseBoardQuery(new URLSearchParams({ status: 'done' })),
			{ limit: 25 },
			NOW
		);
		expect(board.total).toBe(30);
		expect(board.totalMore).toBe(false);
		// The status choices are counted without the status filter: still past the limit.
		expect(board.facets.status.every((choice) => choice.more)).toBe(true);
		expect(board.facets.due.find((c) => c.value === '')).toEqual({
			value: '',
			label: 'Any due date',
			count: 30,
			more: false
		});
	});
});
