/**
 * The action-point board costs a fixed number of queries whatever the size of the data (the same count
 * on ten times as many action points, filtered or not), and its page of rows is read along
 * outcome_board_idx in the board's order, never sorted whole.
 */
import type { LogEvent } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parseBoardQuery } from '$lib/server/actions/action-board.input';
import { getActionBoard } from '$lib/server/actions/action-board.service';
import { refreshDossiers } from '$lib/server/dossier/dossier.service';
import { refreshSearchIndex } from '$lib/server/search/search.service';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import {
	insertActionPoint,
	insertEvent,
	insertIomWithMission,
	insertPerson,
	insertUserAccount
} from '../helpers/factories';
import { planOf } from '../helpers/query-plans';

const NOW = new Date('2026-03-10T06:00:00Z');

interface Made {
	partner: number;
	officer: number;
	person: number;
}

/** `n` action points of each kind of due date, half of them with IOM's mission, a quarter done. */
async function populate(handle: TestDatabase, n: number): Promise<Made> {
	const db = handle.db;
	const { iom, mission } = await insertIomWithMission(db);
	const person = await insertPerson(db, { given_name: 'Firudin', family_name: 'Nabiyev' });
	const officer = await insertUserAccount(db);
	const event = await insertEvent(db, { kind: 'forum' });
	const dues = ['2026-02-01', '2026-03-10', '2026-03-25', null];
	for (let i = 0; i < n * dues.length; i++) {
		await insertActionPoint(
			db,
			{
				title: `Point ${i}`,
				due_on: dues[i % dues.length],
				status: i % 4 === 3 ? 'done' : 'open',
				event_id: i % 3 === 0 ? event.id : null,
				owner_person_id: i % 2 === 0 ? person.id : null,
				responsible_user_id: i % 2 === 0 ? officer.id : null
			},
			i % 2 === 0 ? [mission.id] : []
		);
	}
	// What the server does at start: the dossiers and the search index are up to date before the first page.
	await refreshDossiers(db);
	await refreshSearchIndex(db);
	return { partner: iom.id, officer: officer.id, person: person.id };
}

describeEachEngine('what the action-point board costs', (engine) => {
	const handles: TestDatabase[] = [];
	const logs: LogEvent[][] = [];
	const made: Made[] = [];

	beforeAll(async () => {
		for (const size of [5, 50]) {
			const log: LogEvent[] = [];
			const handle = await engine.open({ onQuery: (event) => log.push(event) });
			made.push(await populate(handle, size));
			handles.push(handle);
			logs.push(log);
		}
	});
	afterAll(async () => {
		for (const handle of handles) await handle.cleanup();
	});

	const filters = (m: Made) => [
		'',
		'due=overdue',
		`partner=${m.partner}&officer=${m.officer}&status=open`,
		`person=${m.person}&meeting=none&due=overdue&find=Nabiyev`
	];

	test.each([0, 1, 2, 3])('the same queries on ten times the data (filters %i)', async (which) => {
		const counts: number[] = [];
		for (const [index, handle] of handles.entries()) {
			logs[index]!.length = 0;
			const query = parseBoardQuery(new URLSearchParams(filters(made[index]!)[which]));
			const view = await getActionBoard(handle.db, query, { limit: 10 }, NOW);
			expect(view.items.items.length).toBeGreaterThan(0);
			counts.push(logs[index]!.length);
		}
		expect(counts[1]).toBe(counts[0]);
		// 10, and on SQLite the terms a searched name begins, one indexed read per spelling of it.
		expect(counts[0]).toBeLessThanOrEqual(12);
	});

	test.each([0, 1, 2])(
		'the rows are read along an index, never the whole table sorted (filters %i)',
		async (which) => {
			const handle = handles[1]!;
			const log = logs[1]!;
			log.length = 0;
			await getActionBoard(
				handle.db,
				parseBoardQuery(new URLSearchParams(filters(made[1]!)[which])),
				{ limit: 25 },
				NOW
			);
			const rows = log.find(
				(q) => q.query.sql.includes('"responsible"') && q.query.sql.includes('limit')
			)!.query;
			const plan = await planOf(handle, rows);
			if (handle.engine === 'postgres') {
				expect(plan).not.toMatch(/Seq Scan/);
				// Unfiltered, the board is read in its order; a due window is an index range, which PostgreSQL
				// may sort; with an officer and a partner it starts from their indexes and sorts what they select.
				if (which === 0) expect(plan).toMatch(/Index Scan using outcome_board_idx/);
				if (which === 0) expect(plan).not.toMatch(/Sort Key/);
				if (which === 1) expect(plan).toMatch(/Index Cond: .*COALESCE\(due_on, '9999-12-31'::date\) </);
			} else {
				expect(plan).toMatch(/outcome_board_idx/);
				expect(plan).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
			}
		}
	);
});
