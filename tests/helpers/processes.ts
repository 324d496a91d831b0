/**
 * Workers in processes of their own (tests/helpers/outbox-process.ts, backup-process.ts), for what one
 * process cannot show: a kill -9 mid-send, several processes on one database. tsx is loaded into node itself rather than
 * run as a command: its command runs the script in a second process, which a SIGKILL would not reach.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface OutboxProcess {
	pid: number;
	/** What it has written to stdout and stderr so far. */
	output(): string;
	/** Resolves when it has exited (and been reaped): its exit code, or the signal that ended it. */
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
	kill(signal: NodeJS.Signals): void;
}

export function startOutboxProcess(env: Record<string, string>): Promise<OutboxProcess> {
	return startWorkerProcess('tests/helpers/outbox-process.ts', env);
}

/**
 * A script of tests/helpers in a process of its own, once it has said `[<its name>] ready`: the outbox
 * (outbox-process.ts), the scheduled backups (backup-process.ts).
 */
export async function startWorkerProcess(
	script: string,
	env: Record<string, string>
): Promise<OutboxProcess> {
	const name = script.replace(/^.*\//, '').replace(/\.ts$/, '');
	const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, script)], {
		cwd: ROOT,
		env: { ...process.env, DEMO_DATA: 'off', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
		// 'close', not 'exit': by then everything it wrote has been read.
		child.once('close', (code, signal) => resolve({ code, signal }))
	);
	const deadline = Date.now() + 20_000;
	while (!output.includes(`[${name}] ready`)) {
		if (child.exitCode !== null || Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`${script} did not start:\n${output}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
	return { pid: child.pid!, output: () => output, exited, kill: (signal) => child.kill(signal) };
}
