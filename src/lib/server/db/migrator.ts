import type { Kysely } from 'kysely';
import { Migrator, type MigrationResultSet } from 'kysely/migration';
import { migrations } from '../../../../db/migrations';
import type { Database } from './schema';

function migrator(db: Kysely<Database>) {
	return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

/** Brings the schema to the newest migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
	return applied(await migrator(db).migrateToLatest());
}

/** Undoes every migration (tests use it to prove that each one is reversible). */
export async function migrateDownToEmpty(db: Kysely<Database>): Promise<string[]> {
	const m = migrator(db);
	const done: string[] = [];
	for (;;) {
		const step = applied(await m.migrateDown());
		if (step.length === 0) return done;
		done.push(...step);
	}
}

function applied({ error, results }: MigrationResultSet): string[] {
	if (error) {
		const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
		throw new Error(`Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, {
			cause: error
		});
	}
	return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
