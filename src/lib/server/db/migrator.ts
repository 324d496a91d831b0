import { Migrator, type MigrationResultSet } from 'kysely/migration';
import { migrations } from '../../../../db/migrations';
import type { DatabaseHandle } from './connection';

type Target = Pick<DatabaseHandle, 'db' | 'schema'>;

function migrator({ db, schema }: Target) {
	// Name the schema: Kysely otherwise looks for its bookkeeping tables in any schema on PostgreSQL.
	return new Migrator({
		db,
		provider: { getMigrations: async () => migrations },
		migrationTableSchema: schema
	});
}

/** Brings the schema to the newest migration; throws with the failing migration's name. */
export async function migrateToLatest(target: Target): Promise<string[]> {
	return applied(await migrator(target).migrateToLatest());
}

/** The migrations this build has that the database has not had yet (readiness reports them). */
export async function pendingMigrations(target: Target): Promise<string[]> {
	const known = await migrator(target).getMigrations();
	return known.filter((m) => m.executedAt === undefined).map((m) => m.name);
}

/** Undoes every migration (tests use it to prove that each one is reversible). */
export async function migrateDownToEmpty(target: Target): Promise<string[]> {
	const m = migrator(target);
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
