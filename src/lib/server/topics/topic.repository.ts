/** Queries over a meeting's topics, what they continue and what they became. Kysely only: no rules. */
import { PostgresAdapter, type Kysely } from 'kysely';
import {
	awaitingReplyColumn,
	correspondenceListColumns,
	withSenderAndRecipient
} from '../correspondence/correspondence.repository';
import type { LinkTable } from '../db/links';
import type { Database, NewTopic, TopicUpdate } from '../db/schema';
import { eventRefColumns } from '../events/event.ref';
import { eventSummaryColumns } from '../events/event.repository';
import { outcomesOfLatestEventsFirst } from '../outcomes/outcome.repository';

/** The earlier records a topic continues, and the table of each. */
export const TOPIC_FOLLOWS = {
	outcome: { table: 'topic_follows_outcome', owner: 'topic_id', target: 'outcome_id' },
	correspondence: {
		table: 'topic_follows_correspondence',
		owner: 'topic_id',
		target: 'correspondence_id'
	}
} as const satisfies Record<string, LinkTable>;

export type TopicFollowKind = keyof typeof TOPIC_FOLLOWS;

/** The columns an officer types, with the topic's place, version and what it became. */
const topicColumns = [
	'topic.id',
	'topic.event_id',
	'topic.position',
	'topic.title',
	'topic.raised_by',
	'topic.our_position',
	'topic.talking_points',
	'topic.expected_questions',
	'topic.discussion',
	'topic.outcome_id',
	'topic.agreement_id',
	'topic.version'
] as const;

/** Topics with the outcome or agreement each became, in brief. */
function topicsWithResults(db: Kysely<Database>) {
	return db
		.selectFrom('topic')
		.leftJoin('outcome', 'outcome.id', 'topic.outcome_id')
		.leftJoin('agreement', 'agreement.id', 'topic.agreement_id')
		.select([
			...topicColumns,
			'outcome.kind as outcome_kind',
			'outcome.title as outcome_title',
			'outcome.status as outcome_status',
			'outcome.due_on as outcome_due_on',
			'agreement.title as agreement_title'
		]);
}

/** The meeting's topics in order. */
export async function listTopics(db: Kysely<Database>, eventId: number) {
	return topicsWithResults(db)
		.where('topic.event_id', '=', eventId)
		.orderBy('topic.position')
		.orderBy('topic.id')
		.execute();
}

export type TopicRow = Awaited<ReturnType<typeof listTopics>>[number];

export async function findTopic(db: Kysely<Database>, topicId: number) {
	const row = await topicsWithResults(db).where('topic.id', '=', topicId).executeTakeFirst();
	return row ?? null;
}

/**
 * The meeting a topics page or write is about, or null. Inside a transaction this takes the event's row
 * lock on PostgreSQL, so that two writes to one meeting's list take turns (SQLite's BEGIN IMMEDIATE does).
 */
export async function findMeeting(db: Kysely<Database>, eventId: number) {
	const query = db.selectFrom('event').select(eventSummaryColumns).where('event.id', '=', eventId);
	const row = await (
		db.getExecutor().adapter instanceof PostgresAdapter && db.isTransaction ? query.forUpdate() : query
	).executeTakeFirst();
	return row ?? null;
}

export type MeetingRow = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;

export async function insertTopic(db: Kysely<Database>, values: NewTopic) {
	return db.insertInto('topic').values(values).returning('id').executeTakeFirstOrThrow();
}

/** Where a topic stands in its list: set by the service, never typed. */
export async function placeTopic(db: Kysely<Database>, topicId: number, position: number, updatedAt: string) {
	await db.updateTable('topic').set({ position, updated_at: updatedAt }).where('id', '=', topicId).execute();
}

/** Writes the topic and raises its version if it is still at `expectedVersion`; false otherwise. */
export async function updateTopicAtVersion(
	db: Kysely<Database>,
	topicId: number,
	expectedVersion: number,
	values: TopicUpdate
): Promise<boolean> {
	const result = await db
		.updateTable('topic')
		.set((eb) => ({ ...values, version: eb('version', '+', 1) }))
		.where('id', '=', topicId)
		.where('version', '=', expectedVersion)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

export async function deleteTopic(db: Kysely<Database>, topicId: number) {
	await db.deleteFrom('topic').where('id', '=', topicId).execute();
}

/** The earlier outcomes several topics continue, those of the latest events first. */
export async function listOutcomesFollowedByTopics(db: Kysely<Database>, topicIds: number[]) {
	if (topicIds.length === 0) return [];
	return outcomesOfLatestEventsFirst(db)
		.innerJoin('topic_follows_outcome as tf', 'tf.outcome_id', 'outcome.id')
		.select('tf.topic_id')
		.where('tf.topic_id', 'in', topicIds)
		.execute();
}

/** The earlier notes and letters several topics continue, latest first. */
export async function listLettersFollowedByTopics(db: Kysely<Database>, topicIds: number[]) {
	if (topicIds.length === 0) return [];
	return withSenderAndRecipient(db)
		.innerJoin('topic_follows_correspondence as tf', 'tf.correspondence_id', 'correspondence.id')
		.select(correspondenceListColumns)
		.select(awaitingReplyColumn)
		.select('tf.topic_id')
		.where('tf.topic_id', 'in', topicIds)
		.orderBy('correspondence.dated_on', 'desc')
		.orderBy('correspondence.id', 'desc')
		.execute();
}

/** Whether a record of this kind exists, before a topic links to it. */
export async function findFollowTarget(db: Kysely<Database>, kind: TopicFollowKind, targetId: number) {
	const row = await db.selectFrom(kind).select('id').where('id', '=', targetId).executeTakeFirst();
	return row ?? null;
}

/**
 * The meeting's sides: its host organisations, and each delegation with its organisation and head, in
 * the order they are listed. What a topic's outcome is pre-filled from.
 */
export async function listMeetingHosts(db: Kysely<Database>, eventId: number) {
	return db
		.selectFrom('event_organization')
		.select(['organization_id'])
		.where('event_id', '=', eventId)
		.orderBy('position')
		.orderBy('organization_id')
		.execute();
}

export async function listMeetingDelegations(db: Kysely<Database>, eventId: number) {
	return db
		.selectFrom('delegation')
		.leftJoin('event_participant as head', (join) =>
			join.onRef('head.delegation_id', '=', 'delegation.id').on('head.role', '=', 'head_of_delegation')
		)
		.select(['delegation.id', 'delegation.organization_id', 'head.person_id as head_person_id'])
		.where('delegation.event_id', '=', eventId)
		.orderBy('delegation.position')
		.orderBy('delegation.id')
		.execute();
}

/**
 * The organisations the meeting names (hosts, delegations, participants' organisations) and its
 * participants, by name: what the outcome form offers as owner and parties. At most `limit` people.
 */
export async function listMeetingOrganizations(db: Kysely<Database>, eventId: number) {
	return db
		.selectFrom('organization')
		.select(['organization.id', 'organization.name', 'organization.acronym'])
		.where((eb) =>
			eb.or([
				eb.exists(
					eb
						.selectFrom('event_organization as eo')
						.select('eo.organization_id')
						.whereRef('eo.organization_id', '=', 'organization.id')
						.where('eo.event_id', '=', eventId)
				),
				eb.exists(
					eb
						.selectFrom('delegation as d')
						.select('d.organization_id')
						.whereRef('d.organization_id', '=', 'organization.id')
						.where('d.event_id', '=', eventId)
				),
				eb.exists(
					eb
						.selectFrom('event_participant as p')
						.select('p.organization_id')
						.whereRef('p.organization_id', '=', 'organization.id')
						.where('p.event_id', '=', eventId)
				)
			])
		)
		.orderBy('organization.name')
		.orderBy('organization.id')
		.execute();
}

export async function listMeetingPeople(db: Kysely<Database>, eventId: number, limit: number) {
	return db
		.selectFrom('event_participant as p')
		.innerJoin('person', 'person.id', 'p.person_id')
		.select(['person.id', 'person.honorific', 'person.given_name', 'person.family_name'])
		.where('p.event_id', '=', eventId)
		.orderBy('person.family_name')
		.orderBy('person.given_name')
		.orderBy('person.id')
		.limit(limit)
		.execute();
}

/** The topics that became this outcome or agreement, with their meeting: where the record came from. */
export async function listTopicsResultingIn(db: Kysely<Database>, kind: 'outcome' | 'agreement', id: number) {
	return db
		.selectFrom('topic')
		.innerJoin('event', 'event.id', 'topic.event_id')
		.select(['topic.id', 'topic.title', ...eventRefColumns])
		.where(kind === 'outcome' ? 'topic.outcome_id' : 'topic.agreement_id', '=', id)
		.orderBy('topic.id')
		.execute();
}
