/**
 * The application's database: opened once per process from DATABASE_URL (SQLite file by default).
 */
import { countDatabaseQuery } from '../observability/metrics';
import { DEFAULT_DATABASE_URL, openDatabase, type DatabaseHandle } from './connection';

let handle: DatabaseHandle | undefined;

export function database(): DatabaseHandle {
	handle ??= openDatabase(process.env.DATABASE_URL || DEFAULT_DATABASE_URL, { onQuery: countDatabaseQuery });
	return handle;
}

export async function closeDatabase(): Promise<void> {
	const open = handle;
	handle = undefined;
	await open?.close();
}
