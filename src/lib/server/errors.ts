/**
 * Domain errors: what a service throws when a rule stops it. Routes turn them into HTTP answers
 * (404, 403, 400 with messages beside fields, 409); the domain never speaks HTTP itself.
 */
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
		message = 'Someone else changed this record after you opened it. Their version is shown; apply your changes again.'
	) {
		super(message);
	}
}

/** Too many failed attempts: the caller must wait before trying again. */
export class TooManyAttempts extends DomainError {
	constructor(readonly retryAfterMs: number) {
		const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
		super(`Too many attempts. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`);
	}
}
