/**
 * The one logger: pino, one JSON object a line on stdout, at LOG_LEVEL (default info). Lines written while
 * a request is answered carry its id (`reqId`), whoever writes them, through the request context below.
 *
 * Imported by relative path with its extension from scripts/serve.ts, which Node runs without a build: it
 * may import nothing but packages.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino';

export type { Logger };

export interface RequestContext {
	reqId: string;
}

/** Set around each request by request-log.ts; read by every line logged while it is answered. */
export const requestContext = new AsyncLocalStorage<RequestContext>();

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** A logger as the server's, writing to `destination` (stdout by default; tests give a stream of their own). */
export function createLogger(
	env: Record<string, string | undefined> = process.env,
	destination?: DestinationStream
): Logger {
	const configured = env.LOG_LEVEL?.trim().toLowerCase() ?? '';
	return pino(
		{
			level: LEVELS.includes(configured) ? configured : 'info',
			// Level names and ISO instants read better to a person, and every log collector parses both.
			formatters: { level: (label) => ({ level: label }) },
			timestamp: pino.stdTimeFunctions.isoTime,
			// Nobody need know the machine's name to read a line; the pid tells processes apart.
			base: { pid: process.pid },
			mixin: () => ({ ...requestContext.getStore() }),
			// An error's cause chain as nested objects: Kysely's or nodemailer's error often wraps the real one.
			serializers: { err: stdSerializers.errWithCause },
			// Anything logged by mistake with a request's headers must not carry its credentials.
			redact: {
				paths: [
					'headers.cookie',
					'headers.authorization',
					'headers["set-cookie"]',
					'*.headers.cookie',
					'*.headers.authorization',
					'*.headers["set-cookie"]',
					'password',
					'*.password',
					'token',
					'*.token'
				],
				censor: '[redacted]'
			}
		},
		destination
	);
}

export const logger: Logger = createLogger();
