import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../schema-kit';

/**
 * How long each agenda item lasts. The officer gives durations; an item's clock times follow from the
 * event's start and the durations of the items before it (src/lib/server/agenda/agenda.clock.ts).
 * Existing items that have both a start and an end get the minutes between them.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('agenda_item')
		// Minutes, whole and positive; null: the item takes no time on the running clock and keeps the
		// times it was given, if any.
		.addColumn('duration_minutes', 'integer', (c) => c.check(sql`duration_minutes > 0`))
		.execute();
	const minutes = isPostgres(db)
		? sql`round(extract(epoch from (end_at - start_at)) / 60)::integer`
		: sql`cast(round((julianday(end_at) - julianday(start_at)) * 1440) as integer)`;
	await db
		.updateTable('agenda_item')
		.set({ duration_minutes: minutes })
		.where('start_at', 'is not', null)
		.where('end_at', 'is not', null)
		.where(minutes, '>', 0)
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('agenda_item').dropColumn('duration_minutes').execute();
}
