/**
 * npm run bench:http — the app under load over HTTP, page by page, beside its floor and its ceiling:
 *
 *   npm run bench:http -- [--events 100000 | --database <file or postgres://…>] [--duration 10]
 *                         [--connections 50] [--pages event,events,…] [--processes 1] [--out <file.json>]
 *                         [--landmarks <file.json>] [--markdown] [--idle 20]
 *
 * On one database (generated into a temp folder with `npm run db:generate`, or the one --database names;
 * with both, generated into that one) it starts the built app as `npm run serve` does (`--processes` of
 * them, sharing the database), the raw node:http + better-sqlite3 event page (the ceiling, SQLite only),
 * signs in as an officer, and loads each page with autocannon. Prints a table and writes the figures to
 * bench-results/http-<time>.json. What each figure means: docs/performance.md. Build first (npm run build).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Landmarks as GeneratedLandmarks } from '../db/generate/generate';
import { parseDatabaseUrl } from '../src/lib/server/db/connection';
import { readClientJs, svelteKitDir, type ClientJs } from './bench-http/client-js';
import { findLandmarks, OFFICER, type Landmarks } from './bench-http/landmarks';
import { fetchAnswer, loadPath, signIn, timeAlone } from './bench-http/load';
import { FLOOR, PAGES, type PageSpec } from './bench-http/pages';
import { markdownTable, printTable, type PageResult } from './bench-http/report';
import {
	cpuTimeOf,
	heapOf,
	memoryOf,
	ROOT,
	startApp,
	startCeiling,
	type Started
} from './bench-http/servers';

const USAGE = `Usage: npm run bench:http -- [--events N | --database <file or postgres://…>] [--duration S]
  [--connections N] [--pages ${PAGES.map((p) => p.name).join(',')}] [--processes N] [--out file.json]
  [--landmarks file.json] [--markdown] [--idle S]`;

export interface BenchOptions {
	events: number | null;
	database: string | null;
	duration: number;
	connections: number;
	pages: string[];
	processes: number;
	out: string | null;
	landmarks: string | null;
	markdown: boolean;
	/** Seconds without requests after the load before memory is read again. */
	idle: number;
}

export function parseOptions(argv: string[]): BenchOptions {
	const { values } = parseArgs({
		args: argv,
		options: {
			events: { type: 'string' },
			database: { type: 'string' },
			duration: { type: 'string', default: '10' },
			connections: { type: 'string', default: '50' },
			pages: { type: 'string' },
			processes: { type: 'string', default: '1' },
			out: { type: 'string' },
			landmarks: { type: 'string' },
			markdown: { type: 'boolean', default: false },
			idle: { type: 'string', default: '20' },
			help: { type: 'boolean', default: false }
		}
	});
	if (values.help) throw new Error(USAGE);
	const count = (name: string, text: string | undefined) => {
		const n = Number(text);
		if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number above 0.\n${USAGE}`);
		return n;
	};
	const pages = values.pages ? values.pages.split(',').map((name) => name.trim()) : PAGES.map((p) => p.name);
	const unknown = pages.filter((name) => !PAGES.some((p) => p.name === name));
	if (unknown.length > 0) throw new Error(`No such page: ${unknown.join(', ')}.\n${USAGE}`);
	return {
		events: values.events === undefined ? (values.database ? null : 100_000) : count('events', values.events),
		database: values.database ?? null,
		duration: count('duration', values.duration),
		connections: count('connections', values.connections),
		pages,
		processes: count('processes', values.processes),
		out: values.out ?? null,
		landmarks: values.landmarks ?? null,
		markdown: values.markdown,
		idle: count('idle', values.idle)
	};
}

/** The pages to load: those asked for, the floor always (every ratio is to it), the ceiling beside the event page. */
function pagesToLoad(names: string[], sqlite: boolean): PageSpec[] {
	const wanted = new Set([FLOOR, ...names]);
	if (wanted.has('event') && sqlite) wanted.add('ceiling');
	if (!sqlite) wanted.delete('ceiling');
	return PAGES.filter((p) => wanted.has(p.name));
}

/** `npm run db:generate` into the database, its landmarks into `landmarksFile`; how long it took. */
function generate(events: number, databaseUrl: string, landmarksFile: string): number {
	const started = performance.now();
	const args = ['run', 'db:generate', '--', '--events', String(events), '--database', databaseUrl];
	const run = spawnSync('npm', [...args, '--landmarks', landmarksFile], { cwd: ROOT, stdio: 'inherit' });
	if (run.status !== 0) throw new Error(`npm run db:generate failed (${run.status ?? run.signal}).`);
	return Math.round(performance.now() - started);
}

/** The generator's landmarks: from this run's generation, or the file it leaves beside an SQLite database. */
function readGeneratedLandmarks(file: string): GeneratedLandmarks | null {
	return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as GeneratedLandmarks) : null;
}

async function main(options: BenchOptions) {
	const tempDir = mkdtempSync(join(tmpdir(), 'protokol-bench-http-'));
	const databaseUrl = options.database ?? join(tempDir, 'bench.db');
	const location = parseDatabaseUrl(databaseUrl);
	const sqlite = location.engine === 'sqlite';
	const servers: Started[] = [];
	// Interrupted (Ctrl-C), the servers it started stop too, and the generated database goes.
	const interrupted = async (signal: NodeJS.Signals) => {
		for (const server of servers) await server.stop();
		rmSync(tempDir, { recursive: true, force: true });
		process.kill(process.pid, signal);
	};
	process.once('SIGINT', interrupted);
	process.once('SIGTERM', interrupted);
	try {
		// Where the generator's landmarks are written (when generating) or read: --landmarks, else beside an
		// SQLite file (where db:generate leaves them), else this run's temp folder.
		const landmarksFile =
			options.landmarks ??
			(sqlite && options.database ? `${location.filename}.landmarks.json` : join(tempDir, 'landmarks.json'));
		const generatedMs = options.events !== null ? generate(options.events, databaseUrl, landmarksFile) : null;
		console.log('Finding the pages’ records …');
		const landmarks = await findLandmarks(databaseUrl, readGeneratedLandmarks(landmarksFile));
		console.log(JSON.stringify({ ...landmarks, feedToken: '(secret)' }));

		for (let i = 0; i < options.processes; i++) servers.push(await startApp(i, databaseUrl, tempDir));
		const apps = [...servers];
		const pages = pagesToLoad(options.pages, sqlite);
		const ceiling =
			location.engine === 'sqlite' && pages.some((p) => p.ceiling)
				? await startCeiling(location.filename, tempDir)
				: null;
		if (ceiling) servers.push(ceiling);
		const memoryBefore = apps.map((app) => memoryOf(app.pid));
		for (const server of servers) {
			console.log(`${server.name}: first 200 on /healthz after ${Math.round(server.coldStartMs.healthz)} ms`);
		}

		const cookie = await signIn(apps[0]!.url, OFFICER.email, OFFICER.password);
		const kitDir = svelteKitDir(ROOT);
		const clientJsOf = existsSync(join(kitDir, 'output/client/.vite/manifest.json'))
			? readClientJs(kitDir).of
			: null;

		const rows: PageResult[] = [];
		for (const spec of pages) {
			rows.push(await loadPage(spec, { apps, ceiling, cookie, landmarks, clientJsOf, options }));
			const last = rows.at(-1)!;
			console.log(`${spec.name}: ${last.requestsPerSecond} req/s, p99 ${last.p99Ms} ms`);
		}
		const memoryAfter = apps.map((app) => memoryOf(app.pid));
		const heapAfter = await Promise.all(apps.map((app) => heapOf(app.url)));
		// Read once more after a pause without requests: V8 shrinks its heap on its own once a process is
		// idle (its memory reducer), so what a server holds between bursts differs from the instant the
		// load stops, and both are worth knowing.
		await new Promise((resolve) => setTimeout(resolve, options.idle * 1000));
		const memoryIdle = apps.map((app) => memoryOf(app.pid));

		const floor = rows.find((r) => r.name === FLOOR)!;
		const ceilingRow = rows.find((r) => r.name === 'ceiling');
		for (const row of rows) {
			row.ofFloor = floor.requestsPerSecond ? round(row.requestsPerSecond / floor.requestsPerSecond) : null;
			if (row.name === 'event' && ceilingRow?.requestsPerSecond) {
				row.ofCeiling = round(row.requestsPerSecond / ceilingRow.requestsPerSecond);
			}
		}
		console.log('');
		printTable(rows);
		const summary = {
			when: new Date().toISOString(),
			database: sqlite
				? { engine: 'sqlite', file: options.database ?? '(generated, removed)' }
				: { engine: 'postgres' },
			events: landmarks.events,
			generatedMs,
			duration: options.duration,
			connections: options.connections,
			processes: options.processes,
			machine: {
				cpus: cpus().length,
				model: cpus()[0]?.model,
				loadAverage: loadavg(),
				node: process.version
			},
			landmarks: { ...landmarks, feedToken: undefined },
			coldStartMs: Object.fromEntries(servers.map((s) => [s.name, s.coldStartMs])),
			memoryMb: {
				before: memoryBefore,
				after: memoryAfter,
				heapAfter,
				afterIdle: memoryIdle,
				idleSeconds: options.idle,
				ceiling: ceiling ? memoryOf(ceiling.pid) : null
			},
			pages: rows
		};
		console.log(
			`\nCold start (spawn → first 200): ${apps.map((a) => `${a.name} /healthz ${Math.round(a.coldStartMs.healthz)} ms, /login ${Math.round(a.coldStartMs.firstPage ?? 0)} ms`).join('; ')}`
		);
		console.log(
			`RSS of the app: ${apps.map((_, i) => `${memoryBefore[i]?.rssMb} MB before, ${memoryAfter[i]?.rssMb} MB after (peak ${memoryAfter[i]?.peakRssMb} MB), ${memoryIdle[i]?.rssMb} MB after ${options.idle} s idle`).join('; ')}`
		);
		console.log(
			`  of which: ${apps.map((_, i) => `anonymous ${memoryAfter[i]?.anonMb} MB, file-backed ${memoryAfter[i]?.fileMb} MB${heapAfter[i] ? `; V8 heap ${heapAfter[i]!.heapMb} MB (${heapAfter[i]!.usedMb} used), external ${heapAfter[i]!.externalMb} MB` : ''}`).join('; ')}`
		);
		if (options.markdown) console.log(`\n${markdownTable(rows)}`);
		const out = options.out ?? join(ROOT, 'bench-results', `http-${summary.when.replace(/[:.]/g, '-')}.json`);
		mkdirSync(join(out, '..'), { recursive: true });
		writeFileSync(out, `${JSON.stringify(summary, null, '\t')}\n`);
		console.log(`Written to ${out}`);
		return summary;
	} finally {
		process.off('SIGINT', interrupted);
		process.off('SIGTERM', interrupted);
		for (const server of servers) await server.stop();
		rmSync(tempDir, { recursive: true, force: true });
	}
}

const round = (n: number) => Math.round(n * 1000) / 1000;

async function loadPage(
	spec: PageSpec,
	context: {
		apps: Started[];
		ceiling: Started | null;
		cookie: string;
		landmarks: Landmarks;
		clientJsOf: ((route: string) => ClientJs) | null;
		options: BenchOptions;
	}
): Promise<PageResult> {
	const { apps, ceiling, cookie, landmarks, clientJsOf, options } = context;
	const bases = spec.ceiling ? [ceiling!.url] : apps.map((app) => app.url);
	const path = spec.path(landmarks);
	// One Host for every process, as a reverse proxy in front of them passes it: the app builds absolute
	// addresses (a feed's event URLs, hence its ETag) from it.
	const headers: Record<string, string> = {
		host: new URL(bases[0]!).host,
		...(spec.signedIn ? { cookie } : {})
	};
	if (spec.conditional) {
		const first = await fetchAnswer(`${bases[0]}${path}`, headers);
		headers['if-none-match'] = String(first.headers.etag ?? '');
	}
	const answer = await fetchAnswer(`${bases[0]}${path}`, headers);
	if (answer.status !== spec.status) {
		throw new Error(`${spec.name}: ${path} answered ${answer.status}, not ${spec.status}.`);
	}
	const alone = await timeAlone(`${bases[0]}${path}`, headers);
	const servers = spec.ceiling ? [ceiling!] : apps;
	const cpuBefore = servers.map((server) => cpuTimeOf(server.pid));
	const load = await loadPath(bases, path, {
		connections: options.connections,
		seconds: options.duration,
		headers
	});
	const cpuAfter = servers.map((server) => cpuTimeOf(server.pid));
	const cpuUsed =
		cpuBefore.every((ms) => ms !== null) && cpuAfter.every((ms) => ms !== null)
			? cpuAfter.reduce((sum, ms, i) => sum + ms! - cpuBefore[i]!, 0)
			: null;
	const js = spec.route && clientJsOf ? clientJsOf(spec.route) : null;
	return {
		name: spec.name,
		label: spec.label,
		path: path.replace(landmarks.feedToken, '<token>'),
		...load,
		alone,
		cpuMsPerAnswer: cpuUsed !== null && load.requests > 0 ? round(cpuUsed / load.requests) : null,
		ofFloor: null,
		ofCeiling: null,
		servedBytes: answer.servedBytes,
		encoding: answer.encoding,
		plainBytes: answer.plainBytes,
		clientJs: js ? { bytes: js.bytes, gzipBytes: js.gzipBytes, fileCount: js.chunks.length } : null,
		rssAfterMb: memoryOf((spec.ceiling ? ceiling! : apps[0]!).pid)?.rssMb ?? null
	};
}

export { main as runBenchmark };

if (import.meta.filename === process.argv[1]) {
	let options: BenchOptions;
	try {
		options = parseOptions(process.argv.slice(2));
	} catch (error) {
		console.error(error instanceof Error ? error.message : error);
		process.exit(2);
	}
	main(options).catch((error: unknown) => {
		console.error(error);
		process.exit(1);
	});
}
