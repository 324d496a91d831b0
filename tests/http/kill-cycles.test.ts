/**
 * kill -9 in the middle of a burst of saves, again and again, on one SQLite database: after each restart
 * every save the server acknowledged is there, whole (the person and their audit entry), and the file
 * passes SQLite's integrity check. FAULT_CYCLES sets how many (3 here; `npm run test:faults` runs 100).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { startBurstOfSaves } from '../helpers/forms';
import { withDatabase } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';

const CYCLES = Number(process.env.FAULT_CYCLES ?? 3);

let dir: string;
let databaseUrl: string;
let server: RunningServer | undefined;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-kill-cycles-'));
	databaseUrl = join(dir, 'protokol.db');
});
afterAll(async () => {
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

test(`${CYCLES} kill -9 crashes mid-burst lose no acknowledged save`, { timeout: 60_000 + CYCLES * 15_000 }, async () => {
	server = await startServer({ databaseUrl, env: { DEMO_DATA: 'off' } });
	const email = await addUser(databaseUrl, 'officer');
	const cookie = await signInOverHttp(server, email);
	const acknowledged: string[] = [];
	for (let cycle = 1; cycle <= CYCLES; cycle++) {
		const burst = startBurstOfSaves(server, cookie, 4, `Cycle${cycle}w`);
		// Somewhere between a fifth of a second and a second into the burst.
		await new Promise((resolve) => setTimeout(resolve, 200 + ((cycle * 337) % 800)));
		server.signal('SIGKILL');
		expect(await server.exited).toEqual({ code: null, signal: 'SIGKILL' });
		await burst.stop();
		acknowledged.push(...burst.acknowledged);
		server = await startServer({ databaseUrl, env: { DEMO_DATA: 'off' } });
	}
	await server.stop();
	server = undefined;
	const { saved, audited, integrity } = await withDatabase(databaseUrl, async (db) => ({
		saved: new Set(
			(await db.selectFrom('person').select('family_name').execute()).map((row) => row.family_name)
		),
		audited: Number(
			(
				await db
					.selectFrom('audit_entry')
					.select((eb) => eb.fn.countAll<number>().as('n'))
					.where('action', '=', 'person.create')
					.executeTakeFirstOrThrow()
			).n
		),
		integrity: (await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db)).rows
	}));
	const lost = acknowledged.filter((name) => !saved.has(name));
	console.info(
		`[faults] ${CYCLES} kill -9 cycles: ${acknowledged.length} saves acknowledged, ${lost.length} lost; ` +
			`${saved.size} people and ${audited} creation audit entries in the file`
	);
	expect(acknowledged.length).toBeGreaterThan(CYCLES);
	expect(lost).toEqual([]);
	// Whole: no person without the audit entry written in its transaction, none the other way.
	expect(audited).toBe(saved.size);
	expect(integrity).toEqual([{ integrity_check: 'ok' }]);
});
