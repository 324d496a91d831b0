/** Queries over the people in the directory and what they took part in. Kysely only: no rules, no HTTP. */
import { sql, type Kysely } from 'kysely';
import { sortKey } from '../../format/collation';
import {
	correspondenceListColumns,
	withSenderAndRecipient
} from '../correspondence/correspondence.repository';
import { pageByKeyset } from '../db/keyset';
import type { Database, NewPerson, PersonUpdate } from '../db/schema';
import { eventSummaryColumns } from '../events/event.repository';
import { organizationRefColumns } from '../organizations/organization.ref';
import { outcomesOfLatestEventsFirst } from '../outcomes/outcome.repository';
import type { PageRequest } from '../pagination';
import { currentPostColumns } from './current-post';

export interface PersonFilter {
	/** People whose current organisation this is. */
	organizationId?: number;
}

/** A person as the directory names them: honorific, names and the name in their own script. */
export const personNameColumns = [
	'person.id',
	'person.honorific',
	'person.given_name',
	'person.family_name',
	'person.native_name'
] as const;

/** A person's current post and its versions in other languages (`localizedColumn(row, 'position')`). */
const currentPost = currentPostColumns('person', 'position');

/** A person with their current organisation. */
function withOrganization(db: Kysely<Database>) {
	return db
		.selectFrom('person')
		.leftJoin('organization', 'organization.id', 'person.organization_id')
		.select(organizationRefColumns('organization', 'organization'));
}

/**
 * One page of people in keyset order of (sort_key, id): by family name, then given name, alphabetically
 * (format/collation.ts), along person_sort_idx. Fetches limit + 1 rows.
 */
export async function listPeople(db: Kysely<Database>, filter: PersonFilter, page: PageRequest) {
	let query = withOrganization(db).select([
		...personNameColumns,
		...currentPost,
		'person.rank',
		'person.sort_key'
	]);
	if (filter.organizationId) query = query.where('person.organization_id', '=', filter.organizationId);
	return pageByKeyset(query, page, {
		key: ['person.sort_key', 'person.id'],
		order: 'asc'
	}).execute();
}

/** A person as lists show them; the directory's rows also carry their sort key, for the cursor. */
export type PersonListRow = Omit<Awaited<ReturnType<typeof listPeople>>[number], 'sort_key'>;

/**
 * One person with their current organisation. E-mail and phone leave the database only for a reader
 * allowed to see private contact details, or when the person agreed to show them to every reader
 * (contact_public = 1): a viewer's page never carries them, not even hidden.
 */
export async function findPerson(db: Kysely<Database>, personId: number, { privateContacts = false } = {}) {
	const visible = privateContacts ? sql`1 = 1` : sql`person.contact_public = 1`;
	const row = await withOrganization(db)
		.select([
			...personNameColumns,
			'person.rank',
			...currentPost,
			'person.notes',
			'person.updated_at',
			sql<string | null>`case when ${visible} then person.email end`.as('public_email'),
			sql<string | null>`case when ${visible} then person.phone end`.as('public_phone')
		])
		.where('person.id', '=', personId)
		.executeTakeFirst();
	return row ?? null;
}

export type PersonDetailRow = NonNullable<Awaited<ReturnType<typeof findPerson>>>;

/**
 * The events a person took part in, newest first, with the title, rank and organisation they held there.
 * Fetches limit + 1 rows.
 */
export async function listParticipationsOfPerson(db: Kysely<Database>, personId: number, limit: number) {
	return (
		db
			.selectFrom('event_participant as p')
			.innerJoin('event', 'event.id', 'p.event_id')
			.leftJoin('organization as o', 'o.id', 'p.organization_id')
			.select([
				...eventSummaryColumns,
				'p.id as participant_id',
				'p.role',
				'p.position_at_event',
				'p.rank_at_event',
				...organizationRefColumns('o', 'organization')
			])
			.where('p.person_id', '=', personId)
			// The event's start as the participation carries it: event_participant_person_start_idx's order.
			.orderBy('p.event_start_at', 'desc')
			.orderBy('p.event_id', 'desc')
			.limit(limit + 1)
			.execute()
	);
}

/**
 * The agenda items a person chairs, speaks at or presents, at the given events, in programme order. The
 * participations are looked up by (event, person), one probe per event shown: from the person alone,
 * the read would go through every event they ever attended (ten thousand for the busiest).
 */
export async function listAgendaRolesOfPerson(db: Kysely<Database>, personId: number, eventIds: number[]) {
	if (eventIds.length === 0) return [];
	return db
		.selectFrom('agenda_item_role as r')
		.innerJoin('event_participant as p', 'p.id', 'r.participant_id')
		.innerJoin('agenda_item as i', 'i.id', 'r.agenda_item_id')
		.select([
			'i.event_id',
			'i.id as agenda_item_id',
			'i.kind',
			'i.title',
			'i.title_locale',
			'i.title_az',
			'i.title_en',
			'i.title_ru',
			'i.start_at',
			'i.end_at',
			'r.role'
		])
		.where('p.person_id', '=', personId)
		.where('p.event_id', 'in', eventIds)
		.where('i.event_id', 'in', eventIds)
		.orderBy('i.event_id')
		.orderBy('i.position')
		.orderBy('i.id')
		.execute();
}

/**
 * The latest `limit` outcomes the person is responsible for (the last recorded, read from
 * outcome_owner_person_idx in its order), shown those of the latest events first and those recorded
 * without an event last. Only these are sorted: the busiest person of a generated office owns three
 * thousand, all read and sorted by their meeting to show fifty.
 */
export async function listOutcomesOwnedByPerson(db: Kysely<Database>, personId: number, limit: number) {
	return outcomesOfLatestEventsFirst(db)
		.where(
			'outcome.id',
			'in',
			db
				.selectFrom('outcome as latest')
				.select('latest.id')
				.where('latest.owner_person_id', '=', personId)
				.orderBy('latest.id', 'desc')
				.limit(limit)
		)
		.execute();
}

/** How many outcomes the person is responsible for, counted up to `limit + 1` (more reads no further). */
export async function countOutcomesOwnedByPerson(
	db: Kysely<Database>,
	personId: number,
	limit: number
): Promise<number> {
	const row = await db
		.selectFrom(
			db
				.selectFrom('outcome')
				.select('outcome.id')
				.where('outcome.owner_person_id', '=', personId)
				.limit(limit + 1)
				.as('owned')
		)
		.select((eb) => eb.fn.countAll<number | string>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Letters and notes the person signed or was addressed, latest first. Fetches limit + 1 rows. */
export async function listCorrespondenceOfPerson(db: Kysely<Database>, personId: number, limit: number) {
	return withSenderAndRecipient(db)
		.select([
			...correspondenceListColumns,
			'correspondence.signatory_person_id',
			'correspondence.addressee_person_id'
		])
		.where((eb) =>
			eb.or([
				eb('correspondence.signatory_person_id', '=', personId),
				eb('correspondence.addressee_person_id', '=', personId)
			])
		)
		.orderBy('correspondence.dated_on', 'desc')
		.orderBy('correspondence.id', 'desc')
		.limit(limit + 1)
		.execute();
}

/** The directory's order is written with the names: an update names both or neither. */
type NamesTogether =
	{ family_name: string; given_name: string } | { family_name?: never; given_name?: never };

function withSortKey<T extends NamesTogether>(values: T) {
	return values.family_name === undefined
		? values
		: { ...values, sort_key: sortKey(values.family_name, values.given_name) };
}

export async function insertPerson(db: Kysely<Database>, values: NewPerson) {
	return db.insertInto('person').values(withSortKey(values)).returningAll().executeTakeFirstOrThrow();
}

/** Every column of one person, as the edit form needs them. */
export async function findPersonRow(db: Kysely<Database>, personId: number) {
	const row = await db.selectFrom('person').selectAll().where('id', '=', personId).executeTakeFirst();
	return row ?? null;
}

/** Writes the person if still at the version the officer saw; false when someone saved in between. */
export async function updatePersonRow(
	db: Kysely<Database>,
	personId: number,
	expectedVersion: number,
	values: PersonUpdate & NamesTogether
): Promise<boolean> {
	const result = await db
		.updateTable('person')
		.set((eb) => ({ ...withSortKey(values), version: eb('version', '+', 1) }))
		.where('id', '=', personId)
		.where('version', '=', expectedVersion)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/** People whose name key was never written: rows from before it, or written by another program. */
export async function listPeopleWithoutNameKey(db: Kysely<Database>, limit: number) {
	return db
		.selectFrom('person')
		.select(['id', 'given_name', 'family_name'])
		.where('name_key', 'is', null)
		.limit(limit)
		.execute();
}

export async function updateNameKey(db: Kysely<Database>, personId: number, nameKey: string) {
	await db.updateTable('person').set({ name_key: nameKey }).where('id', '=', personId).execute();
}

/** Forgets every name key, for them all to be written again (after the way keys are made has changed). */
export async function clearNameKeys(db: Kysely<Database>) {
	await db.updateTable('person').set({ name_key: null }).where('name_key', 'is not', null).execute();
}

/**
 * People who may be the one described: the same name key (one of `nameKeys`) or the same e-mail address
 * in any case, alphabetically, with their current organisation. Served by person_name_key_idx and
 * person_email_idx, never a scan of the directory. Fetches at most `limit` rows.
 */
export async function listPeopleByNameKeyOrEmail(
	db: Kysely<Database>,
	{ nameKeys, email, limit }: { nameKeys: string[]; email: string | null; limit: number }
) {
	const lowerEmail = email?.toLowerCase() ?? null;
	if (nameKeys.length === 0 && lowerEmail === null) return [];
	return withOrganization(db)
		.select([
			...personNameColumns,
			...currentPost,
			'person.rank',
			'person.name_key',
			(lowerEmail !== null
				? sql<number>`case when lower(person.email) = ${lowerEmail} then 1 else 0 end`
				: sql<number>`0`
			).as('same_email')
		])
		.where((eb) =>
			eb.or([
				...(nameKeys.length > 0 ? [eb('person.name_key', 'in', nameKeys)] : []),
				...(lowerEmail !== null ? [eb(eb.fn('lower', ['person.email']), '=', lowerEmail)] : [])
			])
		)
		.orderBy('person.family_name')
		.orderBy('person.given_name')
		.orderBy('person.id')
		.limit(limit)
		.execute();
}

export type PersonMatchRow = Awaited<ReturnType<typeof listPeopleByNameKeyOrEmail>>[number];

/** Someone else in the directory with this e-mail address (any case), or undefined. */
export async function findOtherPersonWithEmail(db: Kysely<Database>, email: string, exceptId: number | null) {
	let query = db
		.selectFrom('person')
		.select(['id', 'given_name', 'family_name'])
		.where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()));
	if (exceptId !== null) query = query.where('id', '!=', exceptId);
	const row = await query.executeTakeFirst();
	return row ?? null;
}

/** These people, with their current organisation; ids of no one are left out. */
export async function listPeopleWithOrganization(db: Kysely<Database>, ids: readonly number[]) {
	if (ids.length === 0) return [];
	return withOrganization(db)
		.select([...personNameColumns, ...currentPost, 'person.rank'])
		.where('person.id', 'in', ids)
		.execute();
}

export async function findOrganizationId(db: Kysely<Database>, organizationId: number) {
	const row = await db
		.selectFrom('organization')
		.select('id')
		.where('id', '=', organizationId)
		.executeTakeFirst();
	return row ?? null;
}
