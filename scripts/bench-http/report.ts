/** The benchmark's results: one row a page, printed as a table and kept as JSON. */
import type { ClientJs } from './client-js';
import type { AloneLatency, LoadResult } from './load';

export interface PageResult extends LoadResult {
	name: string;
	label: string;
	path: string;
	/** Of the floor's req/s (the sign-in page of the same app, in the same run). */
	ofFloor: number | null;
	/** The event page's req/s over the raw ceiling's. */
	ofCeiling: number | null;
	/** One request at a time, before the load: what a person meets on a server that is not busy. */
	alone: AloneLatency;
	/** CPU time the serving processes spent per answer, in ms (null where /proc cannot tell). */
	cpuMsPerAnswer: number | null;
	servedBytes: number;
	encoding: string | null;
	plainBytes: number;
	clientJs: (Pick<ClientJs, 'bytes' | 'gzipBytes'> & { fileCount: number }) | null;
	/** Resident memory (MB) of the process that served it (the first app process) once its load was over. */
	rssAfterMb: number | null;
}

const kb = (bytes: number) =>
	bytes >= 10_240 ? `${Math.round(bytes / 1024)} K` : `${(bytes / 1024).toFixed(1)} K`;
const ratio = (value: number | null) => (value === null ? '' : value.toFixed(value < 0.1 ? 3 : 2));
const ms = (value: number) => `${value} ms`;
const cpu = (value: number | null) => (value === null ? '' : `${value.toFixed(2)} ms`);

export function printTable(rows: PageResult[]): void {
	const table = [
		[
			'page',
			'req/s',
			'floor',
			'ceiling',
			'CPU/answer',
			'alone',
			'p50',
			'p99',
			'served',
			'plain',
			'JS gz',
			'RSS',
			'statuses'
		],
		...rows.map((r) => [
			r.label,
			String(r.requestsPerSecond),
			ratio(r.ofFloor),
			ratio(r.ofCeiling),
			cpu(r.cpuMsPerAnswer),
			ms(r.alone.p50Ms),
			ms(r.p50Ms),
			ms(r.p99Ms),
			`${kb(r.servedBytes)}${r.encoding ? ` ${r.encoding}` : ''}`,
			kb(r.plainBytes),
			r.clientJs ? `${kb(r.clientJs.gzipBytes)} /${r.clientJs.fileCount}` : '',
			r.rssAfterMb === null ? '' : `${r.rssAfterMb} MB`,
			Object.entries(r.statuses)
				.map(([status, count]) => `${status}×${count}`)
				.concat(r.errors ? [`errors×${r.errors}`] : [], r.timeouts ? [`timeouts×${r.timeouts}`] : [])
				.join(' ')
		])
	];
	const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
	for (const [i, row] of table.entries()) {
		console.log(
			row
				.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
				.join('  ')
		);
		if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
	}
}

/** The same table as Markdown, for docs/performance.md. */
export function markdownTable(rows: PageResult[]): string {
	const lines = [
		'| page | req/s | of floor | of ceiling | CPU per answer | alone (p50) | p50 | p99 | served | plain | client JS gzip (files) | RSS after |',
		'|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
		...rows.map(
			(r) =>
				`| ${r.label} | ${r.requestsPerSecond} | ${ratio(r.ofFloor)} | ${ratio(r.ofCeiling)} | ${cpu(r.cpuMsPerAnswer)} | ${ms(r.alone.p50Ms)} | ${ms(r.p50Ms)} | ${ms(r.p99Ms)} | ${kb(r.servedBytes)}${r.encoding ? ` ${r.encoding}` : ''} | ${kb(r.plainBytes)} | ${r.clientJs ? `${kb(r.clientJs.gzipBytes)} (${r.clientJs.fileCount})` : ''} | ${r.rssAfterMb ?? ''} MB |`
		)
	];
	return lines.join('\n');
}
