/**
 * Domain errors: what a service throws when a rule stops it. Routes turn them into HTTP answers
 * (404, 403, 400 with messages beside fields, 409); the domain never speaks HTTP itself.
 */
import { m } from '../paraglide/messages.js';
export type FieldErrors = Record<string, string>;

export class DomainError extends Error {
	constructor(message: string) {
		super(message);
		this.name = new.target.name;
	}
}

export class NotFound extends DomainError {}

export class Forbidden extends DomainError {}

/** Input that breaks a rule; `fields` says which field and why, for the form to show beside it. */
export class RuleViolation extends DomainError {
	constructor(
		message: string,
		readonly fields: FieldErrors = {}
	) {
		super(message);
	}
}

/** The record changed or exists already: the user must look again before retrying. */
export class Conflict extends DomainError {}

/**
 * Optimistic concurrency: someone saved the record after this user opened it. `current` is the record as
 * it stands now, for the form to show beside what the user typed; nothing was overwritten.
 */
export class StaleRecord<T = unknown> extends Conflict {
	constructor(
		readonly current: T,
		message: string = m.errors_stale_record()
	) {
		super(message);
	}
}

/** Too many failed attempts: the caller must wait before trying again. */
export class TooManyAttempts extends DomainError {
	constructor(readonly retryAfterMs: number) {
		super(`Too many attempts. Wait ${TooManyAttempts.howLong(retryAfterMs)} and try again.`);
	}

	private static howLong(ms: number): string {
		if (ms < 60_000) {
			const seconds = Math.max(1, Math.ceil(ms / 1000));
			return `${seconds} second${seconds === 1 ? '' : 's'}`;
		}
		const minutes = Math.ceil(ms / 60_000);
		return `${minutes} minute${minutes === 1 ? '' : 's'}`;
	}
}
