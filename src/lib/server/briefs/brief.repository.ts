/**
 * Queries of a meeting's one-page brief: what stands with the partner, read through the dossier
 * (`inPartnerScope`: the partner and everything below it, and what is directly with an organisation
 * above it). Each list fetches at most `limit` rows and counts all of them in the same query, so that
 * the page can say what it left out. Kysely only: no rules, no HTTP.
 */
import { sql, type Kysely } from 'kysely';
import { agreementsInBrief } from '../agreements/agreement.repository';
import {
	awaitingReplyColumn,
	correspondenceListColumns,
	withSenderAndRecipient
} from '../correspondence/correspondence.repository';
import type { CorrespondenceDirection } from '../../vocabulary';
import type { Database, IsoDate } from '../db/schema';
import { inPartnerScope, type PartnerScope } from '../dossier/dossier.repository';
import { organizationRefColumns } from '../organizations/organization.ref';
import { carriedTo } from '../outcomes/outcome-thread.repository';
import { actionPointItemColumns, openActionPointsSoonestDue } from '../outcomes/outcome.repository';

type Db = Kysely<Database>;

/** How many rows the list would hold without its limit, as a column of it. */
const countedAll = sql<number>`count(*) over ()`.as('total');

/**
 * The meetings with the partner before this one, latest first, each with what a line of its result is
 * made from: its first outcome and how many it has, else the first thing recorded as said on a topic,
 * else its description.
 */
export async function listEarlierMeetings(
	db: Db,
	scope: PartnerScope,
	meeting: { id: number; start_at: string },
	limit: number
) {
	return db
		.selectFrom('event')
		.select((eb) => [
			'event.id',
			'event.title',
			'event.kind',
			'event.start_at',
			'event.time_zone',
			'event.timing',
			'event.description',
			eb
				.selectFrom('outcome')
				.select('outcome.title')
				.whereRef('outcome.event_id', '=', 'event.id')
				.orderBy('outcome.id')
				.limit(1)
				.as('first_outcome'),
			eb
				.selectFrom('outcome')
				.select((o) => o.fn.countAll<number>().as('n'))
				.whereRef('outcome.event_id', '=', 'event.id')
				.as('outcome_count'),
			eb
				.selectFrom('topic')
				.select('topic.discussion')
				.whereRef('topic.event_id', '=', 'event.id')
				.where('topic.discussion', 'is not', null)
				.orderBy('topic.position')
				.limit(1)
				.as('first_discussion'),
			countedAll
		])
		.where(inPartnerScope(db, scope, 'event', 'event.id'))
		.where('event.id', '!=', meeting.id)
		.where('event.start_at', '<', meeting.start_at)
		.where('event.status', '!=', 'cancelled')
		.orderBy('event.start_at', 'desc')
		.orderBy('event.id', 'desc')
		.limit(limit)
		.execute();
}

/**
 * Action points not yet done or dropped with the partner, with who answers for each and the meeting
 * it came from; overdue and soonest due first, undated last. Those carried to `eventId` are left to its
 * follow-ups.
 */
export async function listOpenActionPointsWith(db: Db, scope: PartnerScope, eventId: number, limit: number) {
	return openActionPointsSoonestDue(db)
		.leftJoin('person', 'person.id', 'outcome.owner_person_id')
		.leftJoin('organization as owner', 'owner.id', 'outcome.owner_organization_id')
		.select([
			...actionPointItemColumns,
			'event.start_at as event_start_at',
			'event.time_zone as event_time_zone',
			'person.honorific as owner_honorific',
			'person.given_name as owner_given_name',
			'person.family_name as owner_family_name',
			...organizationRefColumns('owner', 'owner_organization'),
			countedAll
		])
		.where(inPartnerScope(db, scope, 'outcome', 'outcome.id'))
		.where((eb) => eb.not(carriedTo(eb, eventId)))
		.limit(limit)
		.execute();
}

/** Agreements in force today with the partner, latest in force first. */
export async function listAgreementsInForceWith(db: Db, scope: PartnerScope, today: IsoDate, limit: number) {
	return agreementsInBrief(db, today)
		.select(countedAll)
		.where(inPartnerScope(db, scope, 'agreement', 'agreement.id'))
		.where('agreement.in_force_on', '<=', today)
		.where((eb) =>
			eb.or([eb('agreement.in_force_until', 'is', null), eb('agreement.in_force_until', '>=', today)])
		)
		.where((eb) =>
			eb.or([eb('agreement.terminated_on', 'is', null), eb('agreement.terminated_on', '>', today)])
		)
		.orderBy('agreement.in_force_on', 'desc')
		.orderBy('agreement.id', 'desc')
		.limit(limit)
		.execute();
}

/** Cooperation projects running with the partner, the latest started first. */
export async function listRunningProjectsWith(db: Db, scope: PartnerScope, limit: number) {
	return db
		.selectFrom('project')
		.select([
			'project.id',
			'project.title',
			'project.programme',
			'project.start_on',
			'project.start_precision',
			countedAll
		])
		.where(inPartnerScope(db, scope, 'project', 'project.id'))
		.where('project.state', '=', 'ongoing')
		.orderBy(sql`case when project.start_on is null then 1 else 0 end`)
		.orderBy('project.start_on', 'desc')
		.orderBy('project.id', 'desc')
		.limit(limit)
		.execute();
}

/** The latest note or letter with the partner one way, and how many there are that way. */
export async function findLatestLetterWith(db: Db, scope: PartnerScope, direction: CorrespondenceDirection) {
	const row = await withSenderAndRecipient(db)
		.select(correspondenceListColumns)
		.select(awaitingReplyColumn)
		.select(countedAll)
		.where(inPartnerScope(db, scope, 'correspondence', 'correspondence.id'))
		.where('correspondence.direction', '=', direction)
		.orderBy('correspondence.dated_on', 'desc')
		.orderBy('correspondence.id', 'desc')
		.limit(1)
		.executeTakeFirst();
	return row ?? null;
}
