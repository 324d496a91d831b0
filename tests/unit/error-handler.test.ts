/**
 * handleError with a real logger writing to a stream: an unexpected error is logged with every cause in
 * its chain and the request's id, and the person is given only that id; SvelteKit's own 404 is no fault.
 */
import { Writable } from 'node:stream';
import type { RequestEvent } from '@sveltejs/kit';
import { expect, test } from 'vitest';
import { errorHandlerFor } from '$lib/server/observability/error-handler';
import { createLogger } from '$lib/server/observability/logger';
import { inLocale } from '$lib/server/i18n/locale';

function loggerToLines(level = 'info') {
	const lines: Record<string, unknown>[] = [];
	const stream = new Writable({
		write(chunk, _encoding, done) {
			lines.push(JSON.parse(String(chunk)));
			done();
		}
	});
	return { log: createLogger({ LOG_LEVEL: level }, stream), lines };
}

const eventOf = (requestId: string, routeId: string | null) =>
	({ locals: { requestId, user: null, session: null }, route: { id: routeId } }) as unknown as RequestEvent;

test('an unexpected error is logged with its cause chain; the person sees only the reference', async () => {
	const { log, lines } = loggerToLines();
	const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
	const rollback = new Error('cannot rollback - no transaction is active', { cause: full });
	const error = new Error('Saving the event failed', { cause: rollback });

	const shown = await errorHandlerFor(log)({
		error,
		event: eventOf('4f9a0c2e1b7d3a65', '/(app)/events/[eventId=id]/edit'),
		status: 500,
		message: 'Internal Error'
	});

	expect(shown).toEqual({
		message:
			'Something went wrong on the server. If it happens again, quote the reference 4f9a0c2e1b7d3a65 when you report it.',
		requestId: '4f9a0c2e1b7d3a65'
	});
	expect(lines).toHaveLength(1);
	expect(lines[0]).toMatchObject({
		level: 'error',
		msg: 'unexpected error',
		reqId: '4f9a0c2e1b7d3a65',
		status: 500,
		route: '/(app)/events/[eventId=id]/edit',
		err: {
			message: 'Saving the event failed',
			cause: {
				message: 'cannot rollback - no transaction is active',
				cause: { message: 'database or disk is full', code: 'SQLITE_FULL' }
			}
		}
	});
});

test("SvelteKit's own 404 is passed on as it is and not logged: its error names the path", async () => {
	const { log, lines } = loggerToLines('trace');
	const secretPath = '/p/abcdefghijklmnopqrstuvwxyz234567.abcdefghijklmnopqrstuvwxyz234567/nowhere';
	const shown = await errorHandlerFor(log)({
		error: new Error(`Not found: ${secretPath}`),
		event: eventOf('ab12', null),
		status: 404,
		message: 'Not Found'
	});
	expect(shown).toEqual({ message: 'Not Found', requestId: 'ab12' });
	expect(lines).toEqual([]);
});

test('the sentence with the reference is in the reader’s language', async () => {
	const { log } = loggerToLines('silent');
	const shown = await inLocale('ru', () =>
		errorHandlerFor(log)({
			error: new Error('boom'),
			event: eventOf('4f9a0c2e1b7d3a65', '/(app)/events'),
			status: 500,
			message: 'Internal Error'
		})
	);
	expect(shown).toEqual({
		message:
			'На сервере произошла ошибка. Если она повторится, сообщите о ней и укажите номер 4f9a0c2e1b7d3a65.',
		requestId: '4f9a0c2e1b7d3a65'
	});
});
