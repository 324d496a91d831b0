/**
 * The processes `npm run bench:http` loads: the built app started as `npm run serve` starts it (the
 * command read from package.json, with this Node), and the raw ceiling server. Each is timed from spawn
 * to its first 200, and its memory read from /proc/<pid>/status.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
// The tests' way of starting the server as `npm run serve` does: the benchmark starts it the same way.
import { freePort, serveCommand } from '../../tests/helpers/server';

export const ROOT = join(import.meta.dirname, '..', '..');
const STARTUP_LIMIT_MS = 120_000;

export interface Started {
	name: string;
	url: string;
	pid: number;
	/** Milliseconds from spawn to the first 200 on /healthz, then on `firstPage`. */
	coldStartMs: { healthz: number; firstPage: number | null };
	stop(): Promise<void>;
}

/** The status of one GET, or null when nothing answered. */
export function statusOf(url: string): Promise<number | null> {
	return new Promise((resolve) => {
		const req = request(url, { timeout: 2000 }, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode ?? null));
		});
		req.on('error', () => resolve(null));
		req.on('timeout', () => req.destroy());
		req.end();
	});
}

async function waitFor(url: string, child: ChildProcess, since: number, logFile: string): Promise<number> {
	for (;;) {
		if ((await statusOf(url)) === 200) return performance.now() - since;
		if (child.exitCode !== null || child.signalCode !== null) {
			throw new Error(`${url}: the server exited (${child.exitCode ?? child.signalCode}); see ${logFile}`);
		}
		if (performance.now() - since > STARTUP_LIMIT_MS) throw new Error(`${url} did not answer 200 in time`);
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

async function start(
	name: string,
	command: string[],
	env: Record<string, string>,
	port: number,
	logDir: string,
	firstPage: string | null
): Promise<Started> {
	const logFile = join(logDir, `${name}.log`);
	const log = createWriteStream(logFile);
	const since = performance.now();
	const child = spawn(command[0]!, command.slice(1), {
		cwd: ROOT,
		env: { ...process.env, ...env, PORT: String(port) },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout!.pipe(log);
	child.stderr!.pipe(log);
	const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
	const url = `http://127.0.0.1:${port}`;
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGTERM');
			const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
			await exited;
			clearTimeout(killer);
		}
	};
	try {
		const healthz = await waitFor(`${url}/healthz`, child, since, logFile);
		const page = firstPage ? await waitFor(`${url}${firstPage}`, child, since, logFile) : null;
		return {
			name,
			url,
			pid: child.pid!,
			coldStartMs: { healthz: Math.round(healthz), firstPage: page === null ? null : Math.round(page) },
			stop
		};
	} catch (error) {
		await stop();
		throw error;
	}
}

export async function startApp(index: number, databaseUrl: string, logDir: string): Promise<Started> {
	// No demo data into a generated database; HOST as a deployment behind a proxy on the same machine.
	const serve = serveCommand();
	const env = { ...serve.env, DATABASE_URL: databaseUrl, DEMO_DATA: 'off', HOST: '127.0.0.1' };
	return start(`app-${index + 1}`, [serve.command, ...serve.args], env, await freePort(), logDir, '/login');
}

export async function startCeiling(databaseFile: string, logDir: string): Promise<Started> {
	const port = await freePort();
	const script = join(ROOT, 'scripts/bench-http/ceiling.ts');
	// Through tsx: the vocabularies it shares with the app import each other without extensions, which Node's
	// own type stripping does not resolve. Only the start pays for it.
	const command = [
		process.execPath,
		'--import',
		'tsx',
		script,
		'--database',
		databaseFile,
		'--port',
		String(port)
	];
	return start('ceiling', command, {}, port, logDir, null);
}

export interface Memory {
	rssMb: number;
	peakRssMb: number;
	/** The resident memory's parts: anonymous (heaps, malloc) and file-backed (code, mapped files). */
	anonMb: number;
	fileMb: number;
}

/** Resident and peak resident memory of a process, in MB, from /proc/<pid>/status (Linux). */
export function memoryOf(pid: number): Memory | null {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
		const mb = (field: string) => Math.round(kb(field) / 1024);
		return { rssMb: mb('VmRSS'), peakRssMb: mb('VmHWM'), anonMb: mb('RssAnon'), fileMb: mb('RssFile') };
	} catch {
		return null;
	}
}

/**
 * CPU time (user + system, in ms) a process has used so far, from /proc/<pid>/stat (Linux; null
 * elsewhere). Over a page's load, divided by its answers, it is what one answer costs the server, a
 * figure that other work on the machine disturbs far less than req/s.
 */
export function cpuTimeOf(pid: number): number | null {
	try {
		// The fields after the command (which may hold spaces), from the state on: utime and stime are 14 and 15.
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
		const ticks = Number(fields[11]) + Number(fields[12]);
		return Number.isFinite(ticks) ? ticks * (1000 / CLOCK_TICKS_PER_SECOND) : null;
	} catch {
		return null;
	}
}

/** USER_HZ, 100 on every Linux this runs on (getconf CLK_TCK). */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * V8's heap of an app process (total, used) and the memory it holds outside the heap for JavaScript
 * objects (buffers), in MB, from its /metrics: only when METRICS_TOKEN is set in the benchmark's
 * environment (the apps inherit it); null otherwise.
 */
export async function heapOf(
	url: string
): Promise<{ heapMb: number; usedMb: number; externalMb: number } | null> {
	const token = process.env.METRICS_TOKEN;
	if (!token) return null;
	try {
		const response = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
		if (!response.ok) return null;
		const text = await response.text();
		const mb = (name: string) =>
			Math.round(Number(new RegExp(`^${name} (\\S+)`, 'm').exec(text)?.[1]) / 1048576);
		return {
			heapMb: mb('nodejs_heap_size_total_bytes'),
			usedMb: mb('nodejs_heap_size_used_bytes'),
			externalMb: mb('nodejs_external_memory_bytes')
		};
	} catch {
		return null;
	}
}
