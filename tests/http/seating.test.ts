/**
 * Seating plans over HTTP on the built server with the demo data: the next International Migrants Day
 * comes with a plan generated from precedence; an officer moves a guest with the plain form, no
 * JavaScript, and the plan says what moved since it was printed; a seat beyond its table, a guest of
 * another event and an old version are refused with a message and nothing written; guests' needs show on
 * the officer's plan and on no viewer's page or printout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { countRows, postForm, withDatabase } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';

let dir: string;
let databaseUrl: string;
let server: RunningServer;
let officer: string;
let viewer: string;
let eventId: number;

const get = async (path: string, cookie?: string) => {
	const response = await fetch(`${server.url}${path}`, {
		headers: cookie ? { cookie } : {},
		redirect: 'manual'
	});
	return { status: response.status, text: await response.text() };
};

/** Who sits where on the plan, by family name: "Top table/2" → "Gjorgjiev". */
const seated = () =>
	withDatabase(databaseUrl, async (db) => {
		const rows = await db
			.selectFrom('seating_seat as s')
			.innerJoin('seating_table as t', 't.id', 's.table_id')
			.innerJoin('seating_plan as plan', 'plan.id', 't.plan_id')
			.innerJoin('event_participant as p', 'p.id', 's.participant_id')
			.innerJoin('person', 'person.id', 'p.person_id')
			.select([
				't.id as table_id',
				't.name',
				's.seat',
				'p.id as participant_id',
				'person.family_name',
				'plan.version'
			])
			.where('plan.event_id', '=', eventId)
			.orderBy('t.position')
			.orderBy('s.seat')
			.execute();
		return rows;
	});

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-seating-http-'));
	databaseUrl = join(dir, 'protokol.db');
	server = await startServer({ databaseUrl });
	officer = await signInOverHttp(server, await addUser(databaseUrl, 'officer'));
	viewer = await signInOverHttp(server, await addUser(databaseUrl, 'viewer'));
	eventId = await withDatabase(databaseUrl, async (db) => {
		const row = await db
			.selectFrom('seating_plan as plan')
			.innerJoin('event', 'event.id', 'plan.event_id')
			.select('event.id')
			.where('event.title', 'like', 'International Migrants Day%')
			.executeTakeFirstOrThrow();
		return row.id;
	});
});
afterAll(async () => {
	await server?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the next International Migrants Day has a plan from precedence: the host at the centre of the top table', async () => {
	const seats = await seated();
	expect(seats[0]).toMatchObject({ name: 'Top table', seat: 1, family_name: 'Huseynov' });
	const page = await get(`/events/${eventId}/seating`, viewer);
	expect(page.status).toBe(200);
	expect(page.text).toContain('Top table');
	expect(page.text).toContain('Huseynov');
	// A viewer sees the plan, not the forms that change it, nor the warnings (who has not answered).
	expect(page.text).not.toContain('?/seat');
	expect(page.text).not.toContain('warnings-heading');
	const event = await get(`/events/${eventId}`, viewer);
	expect(event.text).toContain(`href="/events/${eventId}/seating"`);
});

test('an officer moves a guest with the plain form, and the plan says what moved since it was printed', async () => {
	const before = await seated();
	const version = before[0]!.version;
	const printed = await postForm(
		server,
		`/events/${eventId}/seating?/printed`,
		{ version: String(version) },
		{ cookie: officer }
	);
	expect(printed.status).toBe(303);
	const last = before.at(-1)!;
	const target = before.find((s) => s.name === 'Top table' && s.seat === 2)!;
	const moved = await postForm(
		server,
		`/events/${eventId}/seating?/seat`,
		{ participantId: String(last.participant_id), to: `${target.table_id}:2`, version: String(version) },
		{ cookie: officer }
	);
	expect(moved.status).toBe(303);
	expect(moved.headers.get('location')).toBe(`/events/${eventId}/seating#plan`);
	const after = await seated();
	expect(after.find((s) => s.name === 'Top table' && s.seat === 2)!.family_name).toBe(last.family_name);
	expect(after[0]!.version).toBe(version + 1);
	const page = await get(`/events/${eventId}/seating`, officer);
	expect(page.text).toContain(`What moved since version ${version} was printed`);
	expect(page.text).toContain(`${last.name}, seat ${last.seat} → Top table, seat 2`);
});

test('a seat beyond its table, a guest of another event and an old version are refused with a message, nothing written', async () => {
	const before = await seated();
	const version = String(before[0]!.version);
	const top = before[0]!.table_id;
	const changes = await countRows(databaseUrl, 'seating_change');
	const beyond = await postForm(
		server,
		`/events/${eventId}/seating?/seat`,
		{ participantId: String(before[1]!.participant_id), to: `${top}:99`, version },
		{ cookie: officer }
	);
	expect(beyond.status).toBe(400);
	expect(await beyond.text()).toContain('Top table has 5 seats: choose a seat from 1 to 5.');
	const stranger = await withDatabase(databaseUrl, (db) =>
		db.selectFrom('event_participant').select('id').where('event_id', '!=', eventId).executeTakeFirstOrThrow()
	);
	const other = await postForm(
		server,
		`/events/${eventId}/seating?/seat`,
		{ participantId: String(stranger.id), to: `${top}:1`, version },
		{ cookie: officer }
	);
	expect(other.status).toBe(400);
	expect(await other.text()).toContain('They are not a guest of this event.');
	const garbage = await postForm(
		server,
		`/events/${eventId}/seating?/swap`,
		{ a: 'x', b: `${top}:1`, version },
		{ cookie: officer }
	);
	expect(garbage.status).toBe(400);
	expect(await garbage.text()).toContain('Choose the first seat.');
	const old = await postForm(
		server,
		`/events/${eventId}/seating?/swap`,
		{ a: `${top}:1`, b: `${top}:2`, version: String(Number(version) - 1) },
		{ cookie: officer }
	);
	expect(old.status).toBe(409);
	expect(await old.text()).toContain('The seating plan was changed after you opened it');
	expect(await countRows(databaseUrl, 'seating_change')).toBe(changes);
	expect(await seated()).toEqual(before);
});

test("guests' needs show as marks on the officer's plan only: not to viewers, not on printouts", async () => {
	const guest = (await seated())[0]!;
	const saved = await postForm(
		server,
		`/events/${eventId}/participants/${guest.participant_id}/needs?/save`,
		[
			['diet', 'halal'],
			['accessibility', 'Step-free access to the top table'],
			['interpretationLanguage', 'ru'],
			['version', '']
		],
		{ cookie: officer }
	);
	expect(saved.status).toBe(303);
	const mine = await get(`/events/${eventId}/seating`, officer);
	expect(mine.text).toContain('Accessibility: Step-free access to the top table');
	expect(mine.text).toContain('Diet: Halal');
	for (const [path, cookie] of [
		[`/events/${eventId}/seating`, viewer],
		[`/events/${eventId}/seating/print`, officer],
		[`/events/${eventId}/seating/cards`, officer],
		[`/events/${eventId}/seating/table-cards`, viewer]
	] as const) {
		const page = await get(path, cookie);
		expect(page.status, path).toBe(200);
		expect(page.text, path).not.toContain('Step-free');
		expect(page.text, path).not.toContain('Halal');
	}
});

test('the printouts: the diagram on A4 or A3 landscape, a place card for each seated guest, a card for each table', async () => {
	const a3 = await get(`/events/${eventId}/seating/print?paper=a3`, viewer);
	expect(a3.text).toMatch(/class="diagram-sheet [^"]*a3/);
	expect(a3.text).toContain('Printing on A3, landscape.');
	const a4 = await get(`/events/${eventId}/seating/print`, viewer);
	expect(a4.text).toContain('Printing on A4, landscape.');
	const cards = await get(`/events/${eventId}/seating/cards`, viewer);
	expect(cards.text.match(/class="face front[ "]/g)?.length).toBe((await seated()).length);
	const tables = await get(`/events/${eventId}/seating/table-cards`, viewer);
	expect(tables.text).toContain('Top table');
});
