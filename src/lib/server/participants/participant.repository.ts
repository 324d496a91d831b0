/** Queries over who takes part in an event. */
import { sql, type Insertable, type Kysely, type SelectQueryBuilder, type Updateable } from 'kysely';
import { pageByKeyset } from '../db/keyset';
import type { Database, DelegationTable, EventParticipantTable, NewParticipant } from '../db/schema';
import { organizationNameVersionColumns, organizationRefColumns } from '../organizations/organization.ref';
import type { PageRequest } from '../pagination';
import { prepared, type Placeholders } from '../db/prepared';

/**
 * A version of the post a participation keeps (`position_at_event`, else the person's current one), from
 * the person's history: a post of theirs written the same way that has the version; else from their
 * current post, when it is written the same way. A version belongs to the words, so any of their posts so
 * written serves; the latest entered in the history wins. Read here rather than copied, so that a version
 * added later shows at every event (issue 18 §2).
 */
const postVersion = (suffix: 'locale' | 'az' | 'en' | 'ru') => {
	const column = sql.ref(`position_${suffix}`);
	return sql<string | null>`coalesce(
		(select pv.${column} from person_position pv
			where pv.person_id = person.id and pv.position = coalesce(p.position_at_event, person.position)
				and pv.${column} is not null
			order by pv.id desc limit 1),
		case when person.position = coalesce(p.position_at_event, person.position) then person.${column} end
	)`.as(`position_at_event_${suffix}`);
};

/**
 * A person as named at one event: who they are, the title and rank they held there and the organisation
 * they came for. Selects from `event_participant as p` joined with `person` and `organization as o`.
 */
export const personAtEventColumns = [
	'person.id as person_id',
	'person.honorific',
	'person.given_name',
	'person.family_name',
	'person.native_name',
	'person.position as current_position',
	'person.rank as current_rank',
	'p.position_at_event',
	postVersion('locale'),
	postVersion('az'),
	postVersion('en'),
	postVersion('ru'),
	'p.rank_at_event',
	...organizationRefColumns('o', 'organization'),
	...organizationNameVersionColumns('o', 'organization')
] as const;

const delegationsOfEvent = prepared((db, p: Placeholders<{ eventId: number }>) =>
	db
		.selectFrom('delegation')
		.leftJoin('organization', 'organization.id', 'delegation.organization_id')
		.select([
			'delegation.id',
			'delegation.name',
			'delegation.position',
			...organizationRefColumns('organization', 'organization')
		])
		.where('delegation.event_id', '=', p.eventId)
		.orderBy('delegation.position')
		.orderBy('delegation.id')
);

export async function listDelegations(db: Kysely<Database>, eventId: number) {
	return delegationsOfEvent(db, { eventId });
}

/**
 * Every participant of an event in order of precedence (see `precedenceKeyParts`), for the event page.
 */
export async function listParticipants(db: Kysely<Database>, eventId: number) {
	return participantsInPrecedence(db, { eventId });
}

const participantsInPrecedence = prepared((db, p: Placeholders<{ eventId: number }>) =>
	inPrecedenceOrder(
		participantsOf(db, p.eventId).select([
			'p.id',
			'p.role',
			'p.delegation_id',
			'p.rsvp_status',
			'p.responded_at',
			...personAtEventColumns
		])
	)
);

/**
 * The order of precedence, as the sort key of a participant (`p`) joined with their `person`:
 *
 * 1. an officer's explicit order (`p.precedence`, set by Up/Down on the participants page) before
 *    everyone the officer has not placed;
 * 2. heads of an organisation (`person.heads_organization = 1`) first;
 * 3. then by protocol rank (`person.precedence_level`, 1 the highest; unranked last);
 * 4. then, at the same rank, by the role at this event (host, head of delegation, speaker, member …);
 * 5. then by family name and given name, and the participant id so that the order is total.
 *
 * Every part is a non-null value, so that the same key both orders a list and, compared as a row value,
 * finds where a page starts (keyset pagination on SQLite and PostgreSQL alike).
 */
const UNPLACED = 2147483647;
function precedenceKeyParts(p: string, person: string) {
	const ref = (column: string) => sql.ref(column);
	return [
		sql`coalesce(${ref(`${p}.precedence`)}, ${sql.lit(UNPLACED)})`,
		sql`1 - ${ref(`${person}.heads_organization`)}`,
		sql`coalesce(${ref(`${person}.precedence_level`)}, ${sql.lit(UNPLACED)})`,
		sql`case ${ref(`${p}.role`)} when 'host' then 0 when 'head_of_delegation' then 1 when 'speaker' then 2 when 'delegation_member' then 3 when 'guest' then 4 when 'observer' then 5 else 6 end`,
		sql`${ref(`${person}.family_name`)}`,
		sql`${ref(`${person}.given_name`)}`,
		sql`${ref(`${p}.id`)}`
	];
}

/** Orders a query over `event_participant as p` joined with `person` by precedence. */
export function inPrecedenceOrder<DB, TB extends keyof DB, O>(
	query: SelectQueryBuilder<DB, TB, O>
): SelectQueryBuilder<DB, TB, O> {
	let ordered = query;
	for (const part of precedenceKeyParts('p', 'person')) ordered = ordered.orderBy(part);
	return ordered;
}

/** What every participant list selects: who, as named at the event, their side, RSVP and placing. */
const participantColumns = [
	'p.id',
	'p.event_id',
	'p.role',
	'p.delegation_id',
	'p.rsvp_status',
	'p.invited_at',
	'p.responded_at',
	'p.precedence',
	'person.heads_organization',
	'person.precedence_level',
	// The language letters to them are drafted in (thank-you letters).
	'person.preferred_locale',
	...personAtEventColumns
] as const;

/** An event's participants as `p`, joined with their `person` and the organisation they came for as `o`. */
export function participantsOf(db: Kysely<Database>, eventId: number) {
	return db
		.selectFrom('event_participant as p')
		.innerJoin('person', 'person.id', 'p.person_id')
		.leftJoin('organization as o', 'o.id', 'p.organization_id')
		.where('p.event_id', '=', eventId);
}

/**
 * One page of an event's participants in order of precedence. The cursor is the id of the participant
 * the page starts after (or ends before); their sort key is read in the same query. Fetches limit + 1.
 */
export async function listParticipantPage(db: Kysely<Database>, eventId: number, page: PageRequest) {
	const query = participantsOf(db, eventId).select([
		...participantColumns,
		(eb) =>
			eb
				.selectFrom('agenda_item_role as r')
				.select((e) => e.fn.countAll<number>().as('n'))
				.whereRef('r.participant_id', '=', 'p.id')
				.as('agenda_role_count')
	]);
	return pageByKeyset(query, page, {
		key: precedenceKeyParts('p', 'person'),
		order: 'asc',
		keyOfCursor: ([id]) => {
			if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) return undefined;
			const there = sql.join(precedenceKeyParts('c', 'cp'));
			return sql`(select ${there} from event_participant as c inner join person as cp on cp.id = c.person_id where c.id = ${id})`;
		}
	}).execute();
}

export type ParticipantPageRow = Awaited<ReturnType<typeof listParticipantPage>>[number];

/** Every participant of an event in order of precedence, for printing (at most `limit` + 1 rows). */
export async function listParticipantsForPrint(db: Kysely<Database>, eventId: number, limit: number) {
	return inPrecedenceOrder(participantsOf(db, eventId).select(participantColumns))
		.limit(limit + 1)
		.execute();
}

export type ParticipantPrintRow = Awaited<ReturnType<typeof listParticipantsForPrint>>[number];

/** Those who have not answered (RSVP still "invited"), in order of precedence. Fetches limit + 1. */
export async function listUnanswered(db: Kysely<Database>, eventId: number, limit: number) {
	return inPrecedenceOrder(
		participantsOf(db, eventId).select(participantColumns).where('p.rsvp_status', '=', 'invited')
	)
		.limit(limit + 1)
		.execute();
}

/** How many participants have each RSVP status. */
export async function countRsvps(db: Kysely<Database>, eventId: number) {
	return db
		.selectFrom('event_participant')
		.select(['rsvp_status', (eb) => eb.fn.countAll<number>().as('n')])
		.where('event_id', '=', eventId)
		.groupBy('rsvp_status')
		.execute();
}

/** The ids of all an event's participants in order of precedence (for reordering them). */
export async function listParticipantIdsInOrder(db: Kysely<Database>, eventId: number) {
	const rows = await inPrecedenceOrder(participantsOf(db, eventId).select('p.id')).execute();
	return rows.map((row) => row.id);
}

/** Writes an explicit order: the participants listed get 1, 2, 3 … in one statement. */
export async function setPrecedences(
	db: Kysely<Database>,
	eventId: number,
	orderedIds: number[],
	now: string
) {
	if (orderedIds.length === 0) return;
	const cases = sql.join(
		orderedIds.map((id, i) => sql`when ${id} then ${sql.lit(i + 1)}`),
		sql` `
	);
	await db
		.updateTable('event_participant')
		.set({ precedence: sql<number>`case id ${cases} end`, updated_at: now })
		.where('event_id', '=', eventId)
		.where('id', 'in', orderedIds)
		.execute();
}

/** Back to the computed order: no explicit placing for anyone at the event. */
export async function clearPrecedences(db: Kysely<Database>, eventId: number, now: string) {
	const result = await db
		.updateTable('event_participant')
		.set({ precedence: null, updated_at: now })
		.where('event_id', '=', eventId)
		.where('precedence', 'is not', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

/** One participant with who they are and how many agenda roles they hold. */
export async function findParticipant(db: Kysely<Database>, participantId: number) {
	const row = await db
		.selectFrom('event_participant as p')
		.innerJoin('person', 'person.id', 'p.person_id')
		.leftJoin('organization as o', 'o.id', 'p.organization_id')
		.select([
			...participantColumns,
			(eb) =>
				eb
					.selectFrom('agenda_item_role as r')
					.select((e) => e.fn.countAll<number>().as('n'))
					.whereRef('r.participant_id', '=', 'p.id')
					.as('agenda_role_count')
		])
		.where('p.id', '=', participantId)
		.executeTakeFirst();
	return row ?? null;
}

export type ParticipantRow = NonNullable<Awaited<ReturnType<typeof findParticipant>>>;

export async function insertParticipants(db: Kysely<Database>, rows: NewParticipant[]) {
	if (rows.length === 0) return [];
	return db.insertInto('event_participant').values(rows).returning(['id', 'person_id']).execute();
}

export async function updateParticipant(
	db: Kysely<Database>,
	participantId: number,
	changes: Updateable<EventParticipantTable>
) {
	await db.updateTable('event_participant').set(changes).where('id', '=', participantId).execute();
}

export async function deleteParticipant(db: Kysely<Database>, participantId: number) {
	await db.deleteFrom('event_participant').where('id', '=', participantId).execute();
}

/** The head of a side, or null when it has none. */
export async function findHeadOfDelegation(db: Kysely<Database>, delegationId: number) {
	const row = await db
		.selectFrom('event_participant')
		.select('id')
		.where('delegation_id', '=', delegationId)
		.where('role', '=', 'head_of_delegation')
		.executeTakeFirst();
	return row ?? null;
}

/** Whoever heads the side becomes a member of it, but the participant or person named. */
export async function demoteHeadsOfDelegation(
	db: Kysely<Database>,
	delegationId: number,
	now: string,
	except: { participantId?: number; personId?: number } = {}
) {
	let query = db
		.updateTable('event_participant')
		.set({ role: 'delegation_member', updated_at: now })
		.where('delegation_id', '=', delegationId)
		.where('role', '=', 'head_of_delegation');
	if (except.participantId !== undefined) query = query.where('id', '!=', except.participantId);
	if (except.personId !== undefined) query = query.where('person_id', '!=', except.personId);
	await query.execute();
}

/** The side's participants stay at the event, on no side. */
export async function clearDelegationOfParticipants(db: Kysely<Database>, delegationId: number, now: string) {
	await db
		.updateTable('event_participant')
		.set({ delegation_id: null, updated_at: now })
		.where('delegation_id', '=', delegationId)
		.execute();
}

/** Which of these people are at the event already. */
export async function listInvitedPersonIds(db: Kysely<Database>, eventId: number, personIds: number[]) {
	if (personIds.length === 0) return new Set<number>();
	const rows = await db
		.selectFrom('event_participant')
		.select('person_id')
		.where('event_id', '=', eventId)
		.where('person_id', 'in', personIds)
		.execute();
	return new Set(rows.map((row) => row.person_id));
}

/** A bad edit could make parents loop; the walk down stops after this many levels. */
const MAX_TREE_DEPTH = 32;

/**
 * The people whose current organisation is this one or, with `withSubOrganizations`, any organisation
 * below it (one recursive query), with what a participant row copies from them.
 */
export async function listPeopleToInviteFromOrganization(
	db: Kysely<Database>,
	organizationId: number,
	withSubOrganizations: boolean
) {
	const columns = [
		'person.id',
		'person.honorific',
		'person.given_name',
		'person.family_name',
		'person.position',
		'person.rank',
		'person.organization_id'
	] as const;
	if (!withSubOrganizations) {
		return db
			.selectFrom('person')
			.select(columns)
			.where('person.organization_id', '=', organizationId)
			.execute();
	}
	return db
		.withRecursive('tree(id, depth)', (qc) =>
			qc
				.selectFrom('organization')
				.select(['id', sql<number>`0`.as('depth')])
				.where('id', '=', organizationId)
				.unionAll(
					qc
						.selectFrom('tree')
						.innerJoin('organization', 'organization.parent_id', 'tree.id')
						.select(['organization.id', sql<number>`tree.depth + 1`.as('depth')])
						.where('tree.depth', '<', MAX_TREE_DEPTH)
				)
		)
		.selectFrom('person')
		.select(columns)
		.where('person.organization_id', 'in', (eb) => eb.selectFrom('tree').select('tree.id'))
		.execute();
}

export async function findDelegation(db: Kysely<Database>, delegationId: number) {
	const row = await db.selectFrom('delegation').selectAll().where('id', '=', delegationId).executeTakeFirst();
	return row ?? null;
}

/** The event's side of this name in any case, but the side named; null when there is none. */
export async function findDelegationByName(
	db: Kysely<Database>,
	eventId: number,
	name: string,
	exceptDelegationId?: number
) {
	let query = db
		.selectFrom('delegation')
		.select('id')
		.where('event_id', '=', eventId)
		.where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()));
	if (exceptDelegationId !== undefined) query = query.where('id', '!=', exceptDelegationId);
	return (await query.executeTakeFirst()) ?? null;
}

export async function updateDelegation(
	db: Kysely<Database>,
	delegationId: number,
	changes: Updateable<DelegationTable>
) {
	await db.updateTable('delegation').set(changes).where('id', '=', delegationId).execute();
}

export async function deleteDelegation(db: Kysely<Database>, delegationId: number) {
	await db.deleteFrom('delegation').where('id', '=', delegationId).execute();
}

export async function insertDelegations(db: Kysely<Database>, rows: Insertable<DelegationTable>[]) {
	if (rows.length === 0) return [];
	return db.insertInto('delegation').values(rows).returning(['id', 'name']).execute();
}

/** The next free position for a new side at the event. */
export async function nextDelegationPosition(db: Kysely<Database>, eventId: number) {
	const row = await db
		.selectFrom('delegation')
		.select((eb) => eb.fn.max('position').as('last'))
		.where('event_id', '=', eventId)
		.executeTakeFirst();
	return Number(row?.last ?? 0) + 1;
}

/** People in the directory named as the CSV names them: by e-mail or by family name. */
export async function listPeopleForImport(db: Kysely<Database>, emails: string[], familyNames: string[]) {
	if (emails.length === 0 && familyNames.length === 0) return [];
	return db
		.selectFrom('person')
		.select([
			'person.id',
			'person.honorific',
			'person.given_name',
			'person.family_name',
			'person.email',
			'person.organization_id',
			'person.position',
			'person.rank'
		])
		.where((eb) =>
			eb.or([
				...(emails.length > 0 ? [eb(eb.fn('lower', ['person.email']), 'in', emails)] : []),
				...(familyNames.length > 0
					? [
							eb('person.family_name', 'in', familyNames),
							eb(eb.fn('lower', ['person.family_name']), 'in', familyNames)
						]
					: [])
			])
		)
		.orderBy('person.id')
		.execute();
}

/** Organisations a CSV may name, by name or by acronym, as written or in lower case. */
export async function listOrganizationsByNameOrAcronym(db: Kysely<Database>, names: string[]) {
	if (names.length === 0) return [];
	return db
		.selectFrom('organization')
		.select(['id', 'name', 'acronym'])
		.where((eb) =>
			eb.or([
				eb('name', 'in', names),
				eb('acronym', 'in', names),
				eb(eb.fn('lower', ['name']), 'in', names),
				eb(eb.fn('lower', ['acronym']), 'in', names)
			])
		)
		.orderBy('id')
		.execute();
}

/**
 * The sides of an event in their order, each with its head of delegation (when one is named) and how
 * many participants it has, in one query.
 */
export async function listDelegationSummaries(db: Kysely<Database>, eventId: number) {
	return db
		.selectFrom('delegation as d')
		.leftJoin('organization as o', 'o.id', 'd.organization_id')
		.leftJoin('event_participant as h', (join) =>
			join.onRef('h.delegation_id', '=', 'd.id').on('h.role', '=', 'head_of_delegation')
		)
		.leftJoin('person as hp', 'hp.id', 'h.person_id')
		.select([
			'd.id',
			'd.name',
			'd.position',
			...organizationRefColumns('o', 'organization'),
			'h.id as head_id',
			'hp.honorific as head_honorific',
			'hp.given_name as head_given_name',
			'hp.family_name as head_family_name',
			(eb) =>
				eb
					.selectFrom('event_participant as m')
					.select((e) => e.fn.countAll<number>().as('n'))
					.whereRef('m.delegation_id', '=', 'd.id')
					.as('member_count')
		])
		.where('d.event_id', '=', eventId)
		.orderBy('d.position')
		.orderBy('d.id')
		.orderBy('h.id')
		.execute();
}
