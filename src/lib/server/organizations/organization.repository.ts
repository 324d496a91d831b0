/** Queries over organisations and what they take part in. Kysely only: no rules, no HTTP. */
import { sql, type Kysely } from 'kysely';
import type { OrganizationKind } from '../../vocabulary';
import {
	correspondenceListColumns,
	sentOrReceivedBy,
	withSenderAndRecipient
} from '../correspondence/correspondence.repository';
import { pageByKeyset } from '../db/keyset';
import type { Database, NewOrganization, OrganizationUpdate } from '../db/schema';
import { eventSummaryColumns, hostedOrAttendedBy } from '../events/event.repository';
import { hasParty, outcomesOfLatestEventsFirst, ownedOrJoinedBy } from '../outcomes/outcome.repository';
import type { PageRequest } from '../pagination';
import { personNameColumns } from '../people/person.repository';
import { organizationRefColumns } from './organization.ref';

export interface OrganizationFilter {
	kind?: OrganizationKind;
	/** Only the direct children of this organisation. */
	parentId?: number;
}

/** Every organisation, for a filter's <select>. */
export async function listOrganizationOptions(db: Kysely<Database>) {
	return db.selectFrom('organization').select(['id', 'name']).orderBy('name').orderBy('id').execute();
}

/**
 * One page of organisations in keyset order of (name, id), with the parent's name and, counted in the
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
	return pageByKeyset(query, page, { key: ['organization.name', 'organization.id'], order: 'asc' }).execute();
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
		.orderBy('name')
		.orderBy('id')
		.limit(limit + 1)
		.execute();
}

/** People whose current organisation this is, alphabetically. Fetches limit + 1 rows. */
export async function listPeopleOfOrganization(db: Kysely<Database>, organizationId: number, limit: number) {
	return db
		.selectFrom('person')
		.select([...personNameColumns, 'person.position', 'person.rank'])
		.where('person.organization_id', '=', organizationId)
		.orderBy('person.family_name')
		.orderBy('person.given_name')
		.orderBy('person.id')
		.limit(limit + 1)
		.execute();
}

/**
 * Events the organisation hosts, co-hosts or sends people to, newest first, with its part in each: the
 * host role when it has one, and how many of the participants came on its behalf.
 * Fetches limit + 1 rows.
 */
export async function listEventsOfOrganization(db: Kysely<Database>, organizationId: number, limit: number) {
	return db
		.selectFrom('event')
		.select((eb) => [
			...eventSummaryColumns,
			eb
				.selectFrom('event_organization as eo')
				.select('eo.role')
				.whereRef('eo.event_id', '=', 'event.id')
				.where('eo.organization_id', '=', organizationId)
				.as('host_role'),
			eb
				.selectFrom('event_participant as ep')
				.select((sub) => sub.fn.countAll<number>().as('n'))
				.whereRef('ep.event_id', '=', 'event.id')
				.where('ep.organization_id', '=', organizationId)
				.as('participant_count')
		])
		.where(hostedOrAttendedBy(organizationId))
		.orderBy('event.start_at', 'desc')
		.orderBy('event.id', 'desc')
		.limit(limit + 1)
		.execute();
}

/**
 * Outcomes the organisation owns or is a party to, those of the latest events first and those recorded
 * without an event last. Fetches limit + 1 rows.
 */
export async function listOutcomesOfOrganization(
	db: Kysely<Database>,
	organizationId: number,
	limit: number
) {
	return outcomesOfLatestEventsFirst(db)
		.select((eb) => [
			eb
				.case()
				.when('outcome.owner_organization_id', '=', organizationId)
				.then(sql<number>`1`)
				.else(sql<number>`0`)
				.end()
				.as('is_owner'),
			eb
				.case()
				.when(hasParty(organizationId)(eb))
				.then(sql<number>`1`)
				.else(sql<number>`0`)
				.end()
				.as('is_party')
		])
		.where(ownedOrJoinedBy(organizationId))
		.limit(limit + 1)
		.execute();
}

/** Letters and notes the organisation sent or received, latest first. Fetches limit + 1 rows. */
export async function listCorrespondenceOfOrganization(
	db: Kysely<Database>,
	organizationId: number,
	limit: number
) {
	return withSenderAndRecipient(db)
		.select(correspondenceListColumns)
		.where(sentOrReceivedBy(organizationId))
		.orderBy('correspondence.dated_on', 'desc')
		.orderBy('correspondence.id', 'desc')
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

export async function insertOrganization(db: Kysely<Database>, values: NewOrganization) {
	return db.insertInto('organization').values(values).returning('id').executeTakeFirstOrThrow();
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
		.set((eb) => ({ ...values, version: eb('version', '+', 1) }))
		.where('id', '=', organizationId)
		.where('version', '=', expectedVersion)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}
