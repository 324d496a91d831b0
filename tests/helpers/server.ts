/**
 * The built server, started with the very command `npm start` runs after its build (package.json's
 * `serve` script), on a free port of its own and a database of its own, and nothing else configured: no
 * ORIGIN, no HOST, no test-only variable, unless a test passes one because it is about it. `npm test`
 * builds before it tests; run `npm run build` first when running the http or browser tests alone.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const STARTUP_LIMIT_MS = 30_000;
// The build to start: build/, or build-<suffix> when PROTOKOL_BUILD_SUFFIX names one (see svelte.config.js).
const BUILD_DIR = process.env.PROTOKOL_BUILD_SUFFIX ? `build-${process.env.PROTOKOL_BUILD_SUFFIX}` : 'build';

/**
 * `npm run serve` as package.json spells it, with this Node.js for `node`: the variables it sets before
 * the command (`NAME=value`, as sh reads them), the command and its arguments.
 */
export function serveCommand(): { env: Record<string, string>; command: string; args: string[] } {
	const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<
		string,
		string
	>;
	const words = scripts.serve!.trim().split(/\s+/);
	const env: Record<string, string> = {};
	for (let assignment = /^([A-Za-z_]\w*)=(.*)$/.exec(words[0]!); assignment;) {
		env[assignment[1]!] = assignment[2]!;
		words.shift();
		assignment = /^([A-Za-z_]\w*)=(.*)$/.exec(words[0] ?? '');
	}
	const [command, ...args] = words;
	return { env, command: command === 'node' ? process.execPath : command!, args };
}

export interface StartServerOptions {
	/** Defaults to a new SQLite file in a temp folder, removed again by stop(). */
	databaseUrl?: string;
	/** More environment for the server, e.g. { DEMO_DATA: 'off' } or, in a test about it, { ORIGIN }. */
	env?: Record<string, string>;
}

export interface RunningServer {
	/** Where it answers, without a trailing slash: http://127.0.0.1:<port>. */
	url: string;
	/** Its database, the one given or its own (for adding users, or a look between requests). */
	databaseUrl: string;
	/** What the server has written to stdout and stderr so far. */
	output(): string;
	/** Sends the process a signal, as a service manager or a container runtime would. */
	signal(signal: NodeJS.Signals): void;
	/** Resolves once it has exited: its exit code, or the signal that ended it. */
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
	/** Ends the server and waits until it has exited. */
	stop(): Promise<void>;
}

/** A port nothing listens on now: the system picks one for port 0, and we let it go again. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			probe.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
		});
	});
}

export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
	if (!existsSync(join(ROOT, BUILD_DIR, 'index.js'))) {
		throw new Error(
			`${BUILD_DIR}/index.js is missing: run \`npm run build\` before the http and browser tests.`
		);
	}
	const tempDir = options.databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'protokol-server-'));
	const databaseUrl = options.databaseUrl ?? join(tempDir!, 'protokol.db');
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;

	const serve = serveCommand();
	// The script's own variables over the environment's, as sh sets them for its command.
	const child = spawn(serve.command, serve.args, {
		cwd: ROOT,
		env: { ...process.env, ...serve.env, DATABASE_URL: databaseUrl, PORT: String(port), ...options.env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
	// 'close', not 'exit': by then everything it wrote has been read.
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
		child.once('close', (code, signal) => resolve({ code, signal }));
	});
	const removeTemp = () => {
		if (tempDir) rmSync(tempDir, { recursive: true, force: true });
	};

	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGTERM');
			const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
			await exited;
			clearTimeout(killer);
		}
		removeTemp();
	};

	const deadline = Date.now() + STARTUP_LIMIT_MS;
	let lastProblem = 'no answer yet';
	for (;;) {
		if (child.exitCode !== null || child.signalCode !== null) {
			removeTemp();
			throw new Error(
				`The server exited (${child.exitCode ?? child.signalCode}) before /healthz answered.\n` +
					`stderr:\n${stderr}\nstdout:\n${stdout}`
			);
		}
		try {
			const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
			if (response.status === 200) break;
			lastProblem = `/healthz answered ${response.status}: ${await response.text()}`;
		} catch (error) {
			lastProblem = error instanceof Error ? error.message : String(error);
		}
		if (Date.now() > deadline) {
			await stop();
			throw new Error(
				`The server at ${url} did not answer /healthz with 200 within ${STARTUP_LIMIT_MS / 1000} s ` +
					`(last: ${lastProblem}).\nstderr:\n${stderr}\nstdout:\n${stdout}`
			);
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}

	return {
		url,
		databaseUrl,
		output: () => stdout + stderr,
		signal: (signal) => child.kill(signal),
		exited,
		stop
	};
}
