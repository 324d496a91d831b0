/**
 * The action-point board and the status form over HTTP, as a browser without JavaScript sends them: a
 * status change without a note (or with a status that does not exist) answers 400 with the message beside
 * its field, on the outcome page and on the board's row, and writes nothing; a viewer is refused; the CSV
 * export is text/csv holding exactly the action points the filters select.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addDays } from '$lib/server/actions/action-board.input';
import { officeToday } from '$lib/server/calendar/calendar.settings';
import { openDatabase, type DatabaseHandle } from '$lib/server/db/connection';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { insertActionPoint } from '../helpers/factories';
import { postForm } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';

let dir: string;
let server: RunningServer;
let officer: string;
let viewer: string;
let handle: DatabaseHandle;
const ids: Record<string, number> = {};

/** A date `n` days before the office's today (Asia/Baku), as the board judges it. */
const daysAgo = (n: number) => addDays(officeToday(), -n);

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-board-http-'));
	const databaseUrl = join(dir, 'protokol.db');
	server = await startServer({ databaseUrl, env: { DEMO_DATA: 'off' } });
	officer = await signInOverHttp(server, await addUser(databaseUrl, 'officer'));
	viewer = await signInOverHttp(server, await addUser(databaseUrl, 'viewer'));
	handle = openDatabase(databaseUrl);
	ids.late = (await insertActionPoint(handle.db, { title: '=Late, with "quotes"', due_on: daysAgo(3) })).id;
	ids.later = (await insertActionPoint(handle.db, { title: 'Due in a year', due_on: daysAgo(-365) })).id;
	ids.closed = (
		await insertActionPoint(handle.db, { title: 'Closed long ago', due_on: daysAgo(30), status: 'done' })
	).id;
});
afterAll(async () => {
	await handle?.close();
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

const post = (path: string, fields: Record<string, string>, cookie = officer) =>
	postForm(server, path, fields, { cookie });
const get = (path: string, cookie = officer) => fetch(`${server.url}${path}`, { headers: { cookie } });
const csvRows = async (path: string): Promise<Record<string, string>[]> =>
	parse(await (await get(path)).text(), { columns: true, bom: true });

const errorBeside = (html: string, id: string) =>
	new RegExp(`<p class="error" id="${id}">([^<]*)</p>`).exec(html)?.[1];

async function nothingWritten(outcomeId: number) {
	const row = await handle.db
		.selectFrom('outcome')
		.select(['status', 'version'])
		.where('id', '=', outcomeId)
		.executeTakeFirstOrThrow();
	const changes = await handle.db.selectFrom('outcome_status_change').selectAll().execute();
	const audit = await handle.db
		.selectFrom('audit_entry')
		.selectAll()
		.where('action', '=', 'outcome.status')
		.execute();
	return { ...row, changes: changes.length, audit: audit.length };
}

test('the outcome page refuses a status change without a note, beside the field, writing nothing', async () => {
	const before = await nothingWritten(ids.late!);
	const response = await post(`/outcomes/${ids.late}?/status`, { status: 'done', note: '  ', version: '1' });
	expect(response.status).toBe(400);
	expect(errorBeside(await response.text(), 'field-note-error')).toBe('A note is required.');
	expect(await nothingWritten(ids.late!)).toEqual(before);
});

test('a status that does not exist is refused beside the status field', async () => {
	const response = await post(`/outcomes/${ids.late}?/status`, {
		status: 'finished',
		note: 'Done',
		version: '1'
	});
	expect(response.status).toBe(400);
	expect(errorBeside(await response.text(), 'field-status-error')).toBe('Choose a status.');
});

test("the board's row refuses a status change without a note beside that row's field", async () => {
	const before = await nothingWritten(ids.later!);
	const response = await post('/actions?/status', {
		outcomeId: String(ids.later),
		status: 'done',
		note: '',
		version: '1'
	});
	expect(response.status).toBe(400);
	expect(errorBeside(await response.text(), `note-error-${ids.later}`)).toBe('A note is required.');
	expect(await nothingWritten(ids.later!)).toEqual(before);
});

test('a viewer may read the board but not change a status', async () => {
	expect((await get(`/actions`, viewer)).status).toBe(200);
	const response = await post(
		`/outcomes/${ids.late}?/status`,
		{ status: 'done', note: 'Done', version: '1' },
		viewer
	);
	expect(response.status).toBe(403);
	expect((await nothingWritten(ids.late!)).changes).toBe(0);
});

test('the CSV export holds exactly the action points the filters select', async () => {
	const overdue = await get('/actions/export.csv?due=overdue');
	expect(overdue.status).toBe(200);
	expect(overdue.headers.get('content-type')).toBe('text/csv; charset=utf-8');
	expect(overdue.headers.get('content-disposition')).toContain('attachment');
	const rows: Record<string, string>[] = parse(await overdue.text(), { columns: true, bom: true });
	expect(rows.map((r) => [r['Action point'], r['Days overdue'], r.Status])).toEqual([
		['\'=Late, with "quotes"', '3', 'Open']
	]);
	expect(rows[0]!.Link).toBe(`${server.url}/outcomes/${ids.late}`);
	const titles = async (path: string) => (await csvRows(path)).map((r) => r['Action point']);
	expect(await titles('/actions/export.csv')).toEqual(['\'=Late, with "quotes"', 'Due in a year']);
	expect(await titles('/actions/export.csv?status=done')).toEqual(['Closed long ago']);
});

test('a status change with a note is saved, and the board counts one fewer', async () => {
	const response = await post('/actions?/status', {
		outcomeId: String(ids.later),
		status: 'done',
		note: 'Sent',
		version: '1'
	});
	expect(response.status).toBe(200);
	expect(await nothingWritten(ids.later!)).toMatchObject({ status: 'done', changes: 1, audit: 1 });
	expect(await (await get('/actions')).text()).toContain('1 action point,');
});
