import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseDatabaseUrl } from '$lib/server/db/connection';

describe('parseDatabaseUrl', () => {
	test('a plain file path means SQLite, resolved from the working directory', () => {
		expect(parseDatabaseUrl('./data/protokol.db')).toEqual({
			engine: 'sqlite',
			filename: resolve('data/protokol.db')
		});
	});

	test('a relative file: URL means SQLite', () => {
		expect(parseDatabaseUrl('file:./data/protokol.db')).toEqual({
			engine: 'sqlite',
			filename: resolve('data/protokol.db')
		});
	});

	test('an absolute file:// URL means SQLite at that path', () => {
		expect(parseDatabaseUrl('file:///var/lib/protokol/protokol.db')).toEqual({
			engine: 'sqlite',
			filename: '/var/lib/protokol/protokol.db'
		});
	});

	test('an in-memory SQLite database stays in memory', () => {
		expect(parseDatabaseUrl(':memory:')).toEqual({ engine: 'sqlite', filename: ':memory:' });
	});

	test('a postgres:// URL means PostgreSQL, kept as given', () => {
		const url = 'postgres://protokol:secret@db.example.org:5433/protokol';
		expect(parseDatabaseUrl(url)).toEqual({ engine: 'postgres', connectionString: url });
	});

	test('a postgresql:// URL means PostgreSQL too', () => {
		const url = 'postgresql://postgres@127.0.0.1/test';
		expect(parseDatabaseUrl(url)).toEqual({ engine: 'postgres', connectionString: url });
	});

	test('surrounding spaces are ignored', () => {
		expect(parseDatabaseUrl('  postgres://postgres@127.0.0.1/test\n')).toEqual({
			engine: 'postgres',
			connectionString: 'postgres://postgres@127.0.0.1/test'
		});
	});

	test('an unsupported scheme is refused', () => {
		expect(() => parseDatabaseUrl('mysql://root@127.0.0.1/test')).toThrow(/DATABASE_URL/);
	});

	test('a file: URL without a file is refused', () => {
		expect(() => parseDatabaseUrl('file:')).toThrow(/names no file/);
	});
});
