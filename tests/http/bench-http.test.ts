/**
 * `npm run bench:http` stays runnable: 200 generated events, a second of load on the event page beside its
 * floor and ceiling and on a feed's 304, written to JSON as docs/performance.md describes. And its two own
 * measures are true to the app: the raw ceiling renders the event page's agenda and participants, and the
 * client JS counted for a page is what the page has the browser preload. No figure is judged here.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '$lib/server/db/connection';
import { migrateToLatest } from '$lib/server/db/migrator';
import { loadDemoData } from '$lib/server/demo/demo.service';
import { openCeiling, renderEventPage } from '../../scripts/bench-http/ceiling';
import { readClientJs, svelteKitDir } from '../../scripts/bench-http/client-js';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { demoEventId } from '../helpers/demo-records';
import { withDatabase } from '../helpers/http';
import { startServer } from '../helpers/server';

const ROOT = join(import.meta.dirname, '..', '..');
let dir: string;
let databaseUrl: string;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-bench-http-'));
	databaseUrl = join(dir, 'demo.db');
	const handle = openDatabase(databaseUrl);
	await migrateToLatest(handle);
	await loadDemoData(handle.db);
	await handle.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runBenchmark(args: string[]): Promise<{ code: number | null; output: string }> {
	return new Promise((resolve) => {
		const child = spawn('npm', ['run', 'bench:http', '--', ...args], {
			cwd: ROOT,
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('close', (code) => resolve({ code, output }));
	});
}

interface PageFigures {
	name: string;
	requests: number;
	statuses: Record<string, number>;
	requestsPerSecond: number;
	ofFloor: number | null;
	ofCeiling: number | null;
	cpuMsPerAnswer: number | null;
	alone: { p50Ms: number; maxMs: number };
	plainBytes: number;
	clientJs: { gzipBytes: number; fileCount: number } | null;
}

describe('npm run bench:http', () => {
	test('generates 200 events, loads the floor, the event page, its ceiling and an unchanged feed, and writes the figures', async () => {
		const out = join(dir, 'figures.json');
		const args = ['--events', '200', '--duration', '1', '--connections', '4', '--idle', '1'];
		const run = await runBenchmark([...args, '--pages', 'event,feed-304', '--out', out]);
		expect(run.code, run.output).toBe(0);
		expect(run.output).toMatch(/event page .*\d/);
		const figures = JSON.parse(readFileSync(out, 'utf8')) as {
			coldStartMs: Record<string, { healthz: number; firstPage: number | null }>;
			memoryMb: { before: { rssMb: number }[]; after: { rssMb: number }[]; afterIdle: { rssMb: number }[] };
			pages: PageFigures[];
		};
		expect(figures.pages.map((p) => p.name)).toEqual(['login', 'event', 'ceiling', 'feed-304']);
		for (const page of figures.pages) {
			const status = page.name === 'feed-304' ? '304' : '200';
			expect(Object.keys(page.statuses), page.name).toEqual([status]);
			expect(page.requests, page.name).toBeGreaterThan(0);
			// Read from /proc (Linux, as here): what each answer cost the process that gave it.
			expect(page.cpuMsPerAnswer, page.name).toBeGreaterThan(0);
			// Timed one request at a time before the load.
			expect(page.alone.p50Ms, page.name).toBeGreaterThan(0);
			expect(page.alone.maxMs, page.name).toBeGreaterThanOrEqual(page.alone.p50Ms);
		}
		const [floor, event, ceiling] = figures.pages;
		expect(floor!.ofFloor).toBe(1);
		expect(event!.ofCeiling).toBeCloseTo(event!.requestsPerSecond / ceiling!.requestsPerSecond, 2);
		expect(event!.clientJs!.gzipBytes).toBeGreaterThan(0);
		expect(figures.coldStartMs['app-1']!.firstPage).toBeGreaterThanOrEqual(
			figures.coldStartMs['app-1']!.healthz
		);
		expect(figures.memoryMb.after[0]!.rssMb).toBeGreaterThan(0);
		expect(figures.memoryMb.afterIdle[0]!.rssMb).toBeGreaterThan(0);
		expect(run.output).toMatch(/MB after 1 s idle/);
		// Generating, starting two servers and four seconds of load: ten to fifteen seconds on two busy cores.
	}, 60_000);

	test('the ceiling renders the agenda and participants the app’s event page shows', async () => {
		const server = await startServer({ databaseUrl, env: { DEMO_DATA: 'off' } });
		try {
			const cookie = await signInOverHttp(server, await addUser(databaseUrl, 'viewer'));
			const { eventId, agenda, people } = await withDatabase(databaseUrl, async (db) => {
				const eventId = await demoEventId(db, 'International Migrants Day 2021');
				const items = await db
					.selectFrom('agenda_item')
					.select('title')
					.where('event_id', '=', eventId)
					.execute();
				const people = await db
					.selectFrom('event_participant')
					.innerJoin('person', 'person.id', 'event_participant.person_id')
					.select('person.family_name')
					.where('event_id', '=', eventId)
					.execute();
				return { eventId, agenda: items.map((i) => i.title), people: people.map((p) => p.family_name) };
			});
			expect(agenda.length).toBeGreaterThan(2);
			const app = await fetch(`${server.url}/events/${eventId}`, { headers: { cookie } }).then((r) =>
				r.text()
			);
			const ceiling = openCeiling(databaseUrl);
			const raw = renderEventPage(ceiling, eventId)!;
			ceiling.db.close();
			// Each escapes text its own way; what a reader sees is the same.
			const entities: Record<string, string> = { amp: '&', quot: '"', '#39': "'", lt: '<', gt: '>' };
			const seen = (html: string) =>
				html.replace(/&(amp|quot|#39|lt|gt);/g, (_, name: string) => entities[name]!);
			for (const text of [...agenda, ...people]) {
				expect(seen(app), text).toContain(text);
				expect(seen(raw), text).toContain(text);
			}
			expect(raw.length / app.length).toBeGreaterThan(0.5);
			expect(raw.length / app.length).toBeLessThan(2);
		} finally {
			await server.stop();
		}
	});

	test('the client JS of a page is what the page preloads, and a page without scripts counts none', async () => {
		const server = await startServer({ databaseUrl, env: { DEMO_DATA: 'off' } });
		try {
			const clientJs = readClientJs(svelteKitDir(ROOT));
			const response = await fetch(`${server.url}/login`);
			const preloaded = [
				...(response.headers.get('link') ?? '').matchAll(/<\.\/([^>]+\.js)>; rel="modulepreload"/g)
			];
			expect(preloaded.length).toBeGreaterThan(2);
			const loaded = clientJs.of('/(public)/login').chunks.map((chunk) => chunk.file);
			expect(loaded.sort()).toEqual(preloaded.map((m) => m[1]).sort());
			expect(clientJs.of('/(app)').rendersInBrowser).toBe(false);
			expect(clientJs.of('/(app)').gzipBytes).toBe(0);
		} finally {
			await server.stop();
		}
	});
});
