/**
 * npm run bench:archive — figures, not assertions: the memory an export and an import of everything
 * take, which must stay flat as the office grows. Exports BENCH_DATABASE_URL (e.g. a database filled by
 * npm run db:generate), or else a temporary SQLite database filled by npm run db:generate, in a process
 * of its own, with BENCH_EVENTS events (default 100 000); then imports the archive into a new temporary
 * SQLite database (BENCH_IMPORT=off skips that). Prints rows, bytes, seconds and the peak resident set
 * size of this process while each ran, sampled every 50 ms. Nothing is kept.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeArchive } from '../src/lib/server/archive/archive.export';
import { importArchive } from '../src/lib/server/archive/archive.import';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const MIB = 2 ** 20;

/** Runs `work` while sampling the resident set size; its result, the peak and the seconds it took. */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; peakMiB: number; seconds: number }> {
	let peak = process.memoryUsage.rss();
	const sampler = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage.rss());
	}, 50);
	const started = performance.now();
	try {
		const result = await work();
		peak = Math.max(peak, process.memoryUsage.rss());
		return { result, peakMiB: peak / MIB, seconds: (performance.now() - started) / 1000 };
	} finally {
		clearInterval(sampler);
	}
}

async function main() {
	const dir = mkdtempSync(join(tmpdir(), 'protokol-bench-archive-'));
	try {
		let databaseUrl = process.env.BENCH_DATABASE_URL;
		if (!databaseUrl) {
			databaseUrl = join(dir, 'office.db');
			console.error(`Generating ${EVENTS.toLocaleString('en')} events in a process of their own …`);
			const generated = spawnSync(
				join('node_modules', '.bin', 'tsx'),
				[
					'scripts/generate.ts',
					'--events',
					String(EVENTS),
					'--database',
					databaseUrl,
					'--landmarks',
					join(dir, 'landmarks.json')
				],
				{ stdio: ['ignore', 'ignore', 'inherit'] }
			);
			if (generated.status !== 0) throw new Error('npm run db:generate failed');
		}
		const archive = join(dir, 'archive.zip');
		const before = process.memoryUsage.rss() / MIB;
		const exported = await measured(() =>
			writeArchive(
				{ databaseUrl: databaseUrl!, filesDirectory: join(dir, 'files') },
				createWriteStream(archive)
			)
		);
		const rows = exported.result.tables.reduce((sum, table) => sum + table.rows, 0);
		const bytes = exported.result.tables.reduce((sum, table) => sum + table.jsonl.size + table.csv.size, 0);
		console.log(`resident set before the export: ${before.toFixed(0)} MiB`);
		console.log(
			`export: ${rows.toLocaleString('en')} rows (${(bytes / MIB).toFixed(0)} MiB of JSON lines and CSV, ` +
				`${(statSync(archive).size / MIB).toFixed(0)} MiB zipped) in ${exported.seconds.toFixed(1)} s; ` +
				`peak resident set ${exported.peakMiB.toFixed(0)} MiB`
		);
		if (process.env.BENCH_IMPORT !== 'off') {
			const imported = await measured(() =>
				importArchive(archive, {
					databaseUrl: join(dir, 'imported.db'),
					filesDirectory: join(dir, 'imported-files')
				})
			);
			console.log(
				`import into a new SQLite database: ${imported.seconds.toFixed(1)} s; peak resident set ${imported.peakMiB.toFixed(0)} MiB`
			);
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
