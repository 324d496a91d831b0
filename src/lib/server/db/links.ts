/**
 * Links kept as (owner, target) pairs in a table of their own — an agreement's parties, a project's
 * partners and linked records — read and written the same way whichever table holds them.
 */
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from './schema';

/** Tables of pairs, with the column naming the record that owns the link and the one it points at. */
export interface LinkTable {
	table: keyof Database & string;
	owner: string;
	target: string;
}

// One untyped view of the database for the few generic statements below: each LinkTable names real
// columns, and the ids going in and out are plain integers.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const untyped = (db: Kysely<Database>) => db as unknown as Kysely<any>;

/**
 * A condition for a query over the owners (`owner` names their id column, `agreement.id`): the owner
 * links to this target (an agreement with this organisation as a party).
 */
export function hasLink(link: LinkTable, owner: string, targetId: number) {
	return linkExists(link.table, link.owner, owner, link.target, targetId);
}

/**
 * The other way round, for a query over the targets (`target` names their id column,
 * `correspondence.id`): this owner links to the target (a letter about this agreement).
 */
export function isLinkedFrom(link: LinkTable, target: string, ownerId: number) {
	return linkExists(link.table, link.target, target, link.owner, ownerId);
}

/** A pair in `table` whose `column` is the query's `ref` and whose `otherColumn` is `id`. */
function linkExists(table: string, column: string, ref: string, otherColumn: string, id: number) {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any query over the owners or targets
	return (eb: ExpressionBuilder<any, any>) =>
		eb.exists(eb.selectFrom(table).select(column).whereRef(column, '=', ref).where(otherColumn, '=', id));
}

/** The organisations several owners link to (their parties, their partners), by name. */
export async function listLinkedOrganizations(
	db: Kysely<Database>,
	link: LinkTable,
	ownerIds: number[]
): Promise<{ ownerId: number; id: number; name: string; acronym: string | null }[]> {
	if (ownerIds.length === 0) return [];
	return untyped(db)
		.selectFrom(link.table)
		.innerJoin('organization', 'organization.id', `${link.table}.${link.target}`)
		.select([
			`${link.table}.${link.owner} as ownerId`,
			'organization.id',
			'organization.name',
			'organization.acronym'
		])
		.where(`${link.table}.${link.owner}`, 'in', ownerIds)
		.orderBy('organization.name')
		.orderBy('organization.id')
		.execute();
}

/** The links of several owners at once: owner and target id pairs, in the order of the targets' ids. */
export async function listLinks(
	db: Kysely<Database>,
	link: LinkTable,
	ownerIds: number[]
): Promise<{ ownerId: number; targetId: number }[]> {
	if (ownerIds.length === 0) return [];
	return untyped(db)
		.selectFrom(link.table)
		.select([`${link.owner} as ownerId`, `${link.target} as targetId`])
		.where(link.owner, 'in', ownerIds)
		.orderBy(link.target)
		.execute();
}

/** Makes the owner's links exactly these targets. */
export async function replaceLinks(
	db: Kysely<Database>,
	link: LinkTable,
	ownerId: number,
	targetIds: number[]
) {
	await untyped(db).deleteFrom(link.table).where(link.owner, '=', ownerId).execute();
	if (targetIds.length === 0) return;
	await untyped(db)
		.insertInto(link.table)
		.values(targetIds.map((targetId) => ({ [link.owner]: ownerId, [link.target]: targetId })))
		.execute();
}

/** Adds one link; false when it was there already. */
export async function addLink(db: Kysely<Database>, link: LinkTable, ownerId: number, targetId: number) {
	const result = await untyped(db)
		.insertInto(link.table)
		.values({ [link.owner]: ownerId, [link.target]: targetId })
		.onConflict((oc) => oc.columns([link.owner, link.target]).doNothing())
		.executeTakeFirst();
	return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Removes one link; false when there was none. */
export async function removeLink(db: Kysely<Database>, link: LinkTable, ownerId: number, targetId: number) {
	const result = await untyped(db)
		.deleteFrom(link.table)
		.where(link.owner, '=', ownerId)
		.where(link.target, '=', targetId)
		.executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}
