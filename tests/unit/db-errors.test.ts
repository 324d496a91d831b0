/** Which database failures are the server's condition (503) rather than a bug (500), on both engines. */
import { describe, expect, test } from 'vitest';
import { classifyDatabaseError, problemMessage } from '$lib/server/db/db-errors';

const failure = (code: string, message = 'the engine said so') => Object.assign(new Error(message), { code });

describe('classifyDatabaseError', () => {
	test.each([
		['SQLITE_FULL', 'full'],
		['SQLITE_READONLY', 'read-only'],
		['SQLITE_READONLY_DBMOVED', 'read-only'],
		['SQLITE_IOERR_WRITE', 'io'],
		['SQLITE_BUSY', 'busy'],
		['SQLITE_CORRUPT', 'corrupt'],
		['SQLITE_NOTADB', 'corrupt'],
		['53100', 'full'],
		['25006', 'read-only'],
		['55P03', 'busy'],
		['XX001', 'corrupt'],
		['08006', 'unreachable'],
		['57P01', 'unreachable'],
		['ENOSPC', 'full'],
		['EROFS', 'read-only'],
		['ECONNREFUSED', 'unreachable']
	])('%s is %s', (code, kind) => {
		expect(classifyDatabaseError(failure(code))).toEqual({ kind, code, detail: 'the engine said so' });
	});

	test.each(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_ERROR', '23505', '42P01', 'ENOENT', undefined])(
		'%s is a bug, not a condition',
		(code) => {
			expect(classifyDatabaseError(code ? failure(code) : new Error('no code'))).toBeNull();
		}
	);

	test('is found behind the errors that wrap it', () => {
		const migration = new Error('Migration 20261205_0500 failed', { cause: failure('SQLITE_FULL') });
		expect(classifyDatabaseError(migration)?.kind).toBe('full');
	});
});

describe('problemMessage', () => {
	const full = { kind: 'full', code: 'SQLITE_FULL', detail: '' } as const;

	test('a write is told that nothing was saved', () => {
		expect(problemMessage(full, true)).toBe(
			'The server cannot save right now: its disk is full. Nothing was saved. Tell your administrator; the server log says why.'
		);
	});

	test('a read is told only that the server cannot answer', () => {
		expect(problemMessage(full, false)).not.toContain('saved');
	});
});
