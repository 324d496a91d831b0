/** Queries over organisations and what they take part in. Kysely only: no rules, no HTTP. */
import { sql, type Kysely } from 'kysely';
import { sortKey } from '../../format/collation';
import type { OrganizationKind } from '../../vocabulary';
import { pageByKeyset } from '../db/keyset';
import type { Database, NewOrganization, OrganizationUpdate } from '../db/schema';
import type { PageRequest } from '../pagination';
import { personNameColumns } from '../people/person.repository';
import { currentPostColumns } from '../people/current-post';
import { organizationRefColumns } from './organization.ref';

export interface OrganizationFilter {
	kind?: OrganizationKind;
	/** Only the direct children of this organisation. */
	parentId?: number;
}

/**
 * One page of organisations in keyset order of (sort_key, id), alphabetically by name
 * (format/collation.ts), along organization_sort_idx or, for one parent's, organization_parent_sort_idx, with the parent's name and, counted in the
 * same query, how many people and sub-organisations each has. Fetches limit + 1 rows.
 */
export async function listOrganizations(db: Kysely<Database>, filter: OrganizationFilter, page: PageRequest) {
	let query = db
		.selectFrom('organization')
		.leftJoin('organization as parent', 'parent.id', 'organization.parent_id')
		.select((eb) => [
			'organization.id',
			'organization.name',
			'organization.acronym',
			'organization.kind',
			'organization.country_code',
			'organization.city',
			'organization.sort_key',
			...organizationRefColumns('parent', 'parent'),
			eb
				.selectFrom('person')
				.select((sub) => sub.fn.countAll<number>().as('n'))
				.whereRef('person.organization_id', '=', 'organization.id')
				.as('person_count'),
			eb
				.selectFrom('organization as child')
				.select((sub) => sub.fn.countAll<number>().as('n'))
				.whereRef('child.parent_id', '=', 'organization.id')
				.as('child_count')
		]);
	if (filter.kind) query = query.where('organization.kind', '=', filter.kind);
	if (filter.parentId) query = query.where('organization.parent_id', '=', filter.parentId);
	return pageByKeyset(query, page, {
		key: ['organization.sort_key', 'organization.id'],
		order: 'asc'
	}).execute();
}

export type OrganizationListRow = Awaited<ReturnType<typeof listOrganizations>>[number];

export async function findOrganizationRef(db: Kysely<Database>, organizationId: number) {
	const row = await db
		.selectFrom('organization')
		.select(['id', 'name', 'acronym'])
		.where('id', '=', organizationId)
		.executeTakeFirst();
	return row ?? null;
}

export async function findOrganization(db: Kysely<Database>, organizationId: number) {
	const row = await db
		.selectFrom('organization')
		.select([
			'id',
			'name',
			'name_locale',
			'name_az',
			'name_en',
			'name_ru',
			'acronym',
			'kind',
			'country_code',
			'city',
			'website',
			'notes',
			'parent_id',
			'updated_at'
		])
		.where('id', '=', organizationId)
		.executeTakeFirst();
	return row ?? null;
}

export type OrganizationDetailRow = NonNullable<Awaited<ReturnType<typeof findOrganization>>>;

/** A bad edit could make parents loop; the walk up stops after this many steps. */
const MAX_ANCESTRY_DEPTH = 32;

/**
 * The parents of an organisation up to the root, root first (IOM → Regional Office → the mission's
 * parent), in one recursive query.
 */
export async function listAncestors(db: Kysely<Database>, organizationId: number) {
	return db
		.withRecursive('ancestry(id, depth)', (qc) =>
			qc
				.selectFrom('organization')
				.select(['parent_id as id', sql<number>`1`.as('depth')])
				.where('id', '=', organizationId)
				.where('parent_id', 'is not', null)
				.unionAll(
					qc
						.selectFrom('ancestry')
						.innerJoin('organization', 'organization.id', 'ancestry.id')
						.select(['organization.parent_id as id', sql<number>`ancestry.depth + 1`.as('depth')])
						.where('organization.parent_id', 'is not', null)
						.where('ancestry.depth', '<', MAX_ANCESTRY_DEPTH)
				)
		)
		.selectFrom('ancestry')
		.innerJoin('organization', 'organization.id', 'ancestry.id')
		.select(['organization.id', 'organization.name', 'organization.acronym'])
		.orderBy('ancestry.depth', 'desc')
		.execute();
}

/** The direct children, alphabetically. Fetches limit + 1 rows. */
export async function listChildOrganizations(db: Kysely<Database>, organizationId: number, limit: number) {
	return db
		.selectFrom('organization')
		.select(['id', 'name', 'acronym', 'kind', 'country_code', 'city'])
		.where('parent_id', '=', organizationId)
		.orderBy('sort_key')
		.orderBy('id')
		.limit(limit + 1)
		.execute();
}

/** People whose current organisation this is, its head first, then alphabetically. Fetches limit + 1 rows. */
export async function listPeopleOfOrganization(db: Kysely<Database>, organizationId: number, limit: number) {
	return db
		.selectFrom('person')
		.select([
			...personNameColumns,
			...currentPostColumns('person', 'position'),
			'person.rank',
			'person.heads_organization'
		])
		.where('person.organization_id', '=', organizationId)
		.orderBy('person.heads_organization', 'desc')
		.orderBy('person.sort_key')
		.orderBy('person.id')
		.limit(limit + 1)
		.execute();
}

/** Every column of one organisation, as the edit form needs them. */
export async function findOrganizationRow(db: Kysely<Database>, organizationId: number) {
	const row = await db
		.selectFrom('organization')
		.selectAll()
		.where('id', '=', organizationId)
		.executeTakeFirst();
	return row ?? null;
}

/** The directory's order is written with the name. */
function withSortKey<T extends { name?: string }>(values: T) {
	return values.name === undefined ? values : { ...values, sort_key: sortKey(values.name) };
}

export async function insertOrganization(db: Kysely<Database>, values: NewOrganization) {
	return db.insertInto('organization').values(withSortKey(values)).returning('id').executeTakeFirstOrThrow();
}

/** Writes the organisation if still at the version the officer saw; false when someone saved in between. */
export async function updateOrganizationRow(
	db: Kysely<Database>,
	organizationId: number,
	expectedVersion: number,
	values: OrganizationUpdate
): Promise<boolean> {
	const result = await db
		.updateTable('organization')
		.set((eb) => ({ ...withSortKey(values), version: eb('version', '+', 1) }))
		.where('id', '=', organizationId)
		.where('version', '=', expectedVersion)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}
