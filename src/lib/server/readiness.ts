/**
 * Whether this server should be sent requests (/readyz): its database takes writes, has every migration
 * this build knows, and the outbox is not stuck. Liveness (/healthz) is only that the process answers,
 * so that an orchestrator restarts a hung process but not one whose disk is full.
 */
import type { DatabaseHandle } from './db/connection';
import { describeProblem } from './db/db-errors';
import { findWriteProblem, recentDatabaseFailure } from './db/health';
import { pendingMigrations } from './db/migrator';
import { smtpConfigured } from './mail/mail.transport';
import { findOldestDueAt } from './mail/outbox.repository';
import { outboxSettings } from './mail/outbox.settings';

export interface Readiness {
	ready: boolean;
	/** Why not, one sentence each; empty when ready. */
	reasons: string[];
	database: { engine: DatabaseHandle['engine']; writable: boolean };
	migrations: { pending: string[] };
	/** Without SMTP_URL nothing is sent by design, so the outbox cannot be stuck. */
	outbox: { sending: boolean; oldestDueSeconds: number | null; stuckAfterSeconds: number };
}

/** Each check on its own: one that throws (the database does not answer) is a reason, not a 500. */
async function check<T>(reasons: string[], what: string, run: () => Promise<T>): Promise<T | undefined> {
	try {
		return await run();
	} catch (error) {
		reasons.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
		return undefined;
	}
}

export async function checkReadiness(
	handle: DatabaseHandle,
	now = new Date(),
	env: Record<string, string | undefined> = process.env
): Promise<Readiness> {
	const reasons: string[] = [];

	const problem = await check(reasons, 'the database cannot be checked', () => findWriteProblem(handle));
	if (problem) reasons.push(`the database cannot be written: ${describeProblem(problem)}`);
	const recent = recentDatabaseFailure(now.getTime());
	if (recent) {
		reasons.push(`a request failed ${recent.secondsAgo} s ago: ${describeProblem(recent.problem)}`);
	}

	const pending = (await check(reasons, 'migrations cannot be read', () => pendingMigrations(handle))) ?? [];
	if (pending.length > 0) reasons.push(`migrations not applied: ${pending.join(', ')}`);

	const { stuckAfterMs } = outboxSettings(env);
	const sending = smtpConfigured(env);
	let oldestDueSeconds: number | null = null;
	if (sending) {
		const due = await check(reasons, 'the outbox cannot be read', () =>
			findOldestDueAt(handle.db, now.toISOString())
		);
		if (due) oldestDueSeconds = Math.max(0, Math.round((now.getTime() - Date.parse(due)) / 1000));
		if (oldestDueSeconds !== null && oldestDueSeconds * 1000 > stuckAfterMs) {
			reasons.push(`the outbox is stuck: a message has been due for ${oldestDueSeconds} s`);
		}
	}

	return {
		ready: reasons.length === 0,
		reasons,
		database: { engine: handle.engine, writable: problem === null && !recent },
		migrations: { pending },
		outbox: { sending, oldestDueSeconds, stuckAfterSeconds: stuckAfterMs / 1000 }
	};
}
