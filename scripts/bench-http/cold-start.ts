/**
 * npx tsx scripts/bench-http/cold-start.ts --database <file or postgres://…> [--runs 5]
 *
 * The built app's start alone, as `npm run serve` starts it (the command read from package.json), on a
 * database as it is (DEMO_DATA=off): for each run, wall time from spawn to the first 200 on /healthz and
 * on /login, the CPU time (user + system) the process had used by then, and its resident memory. The wall
 * time swings with whatever else runs on the machine; the CPU time far less. Build first (npm run build).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cpuTimeOf, memoryOf, startApp } from './servers';

const { values } = parseArgs({
	options: {
		database: { type: 'string' },
		runs: { type: 'string', default: '5' }
	}
});
if (!values.database)
	throw new Error('Usage: npx tsx scripts/bench-http/cold-start.ts --database <file> [--runs 5]');
const runs = Number(values.runs);

const logDir = mkdtempSync(join(tmpdir(), 'protokol-cold-start-'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seen: { healthz: number; login: number; cpu: number; rss: number }[] = [];
try {
	for (let run = 0; run < runs; run++) {
		const app = await startApp(run, values.database, logDir);
		const cpu = cpuTimeOf(app.pid) ?? NaN;
		const rss = memoryOf(app.pid)?.rssMb ?? NaN;
		await app.stop();
		const row = { healthz: app.coldStartMs.healthz, login: app.coldStartMs.firstPage ?? NaN, cpu, rss };
		seen.push(row);
		console.log(
			`run ${run + 1}: /healthz ${row.healthz} ms, /login ${row.login} ms, CPU ${row.cpu} ms, RSS ${row.rss} MB (load ${loadavg()[0]!.toFixed(1)})`
		);
	}
	const of = (key: keyof (typeof seen)[0]) =>
		`${median(seen.map((s) => s[key]))} (${Math.min(...seen.map((s) => s[key]))}–${Math.max(...seen.map((s) => s[key]))})`;
	console.log(
		`median (range) of ${runs}: /healthz ${of('healthz')} ms, /login ${of('login')} ms, CPU ${of('cpu')} ms, RSS ${of('rss')} MB`
	);
} finally {
	rmSync(logDir, { recursive: true, force: true });
}
