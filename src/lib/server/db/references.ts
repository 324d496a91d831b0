/**
 * How many of the ids a form names still exist, per table, in one query: a form that names a person,
 * an organisation or an event that is gone is refused beside its field rather than failing on a
 * foreign key.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema';

type Referenced = 'person' | 'organization' | 'event';

export async function countExisting(
	db: Kysely<Database>,
	ids: Record<Referenced, number[]>
): Promise<Record<Referenced, number>> {
	const count = (table: Referenced) =>
		db
			.selectFrom(table)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			// A list that names nothing matches nothing.
			.where('id', 'in', ids[table].length > 0 ? [...new Set(ids[table])] : [-1]);
	const row = await db
		.selectNoFrom([
			count('person').as('person'),
			count('organization').as('organization'),
			count('event').as('event')
		])
		.executeTakeFirstOrThrow();
	return { person: Number(row.person), organization: Number(row.organization), event: Number(row.event) };
}
