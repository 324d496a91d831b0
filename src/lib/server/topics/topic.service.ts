/**
 * A meeting's topics: the discussion points of a bilateral meeting, an official or a working visit, in
 * order, each prepared before the meeting (who raises it, our position, talking points, what the other
 * side may ask, the earlier outcomes and letters it continues) and recorded after it (what was said, and
 * the decision, action point or draft agreement it became, made in one step).
 *
 * Every write checks the role first, then runs in one transaction that takes the meeting's row lock (two
 * officers on one list take turns) and records its audit entry under the meeting. Positions are derived
 * (1, 2, 3 … in the list's order) and rewritten without raising a topic's version: only a change to
 * what the officer typed makes a form opened earlier stale.
 */
import { DateTime } from 'luxon';
import { sortByText } from '../../format/collation';
import type { Kysely } from 'kysely';
import { m } from '../../paraglide/messages.js';
import { hasTopics } from '../../vocabulary';
import { addAgreementInTransaction } from '../agreements/agreement.service';
import { recordAction, type Actor } from '../audit/audit';
import { diffColumns } from '../audit/changes';
import { authorize } from '../auth/authorize';
import { toCorrespondenceListItem } from '../correspondence/correspondence.view';
import type { Database } from '../db/schema';
import { NotFound, RuleViolation, StaleRecord } from '../errors';
import { addOutcomeInTransaction } from '../outcomes/outcome.service';
import { toEventSummary } from '../events/event.view';
import { toOutcomeSummary } from '../outcomes/outcome.view';
import { changeLink } from '../records/versioned-record';
import { searchForLinks } from '../search/search.service';
import type { SearchGroup } from '../search/search.view';
import {
	TOPIC_RESULTS,
	TOPIC_RESULT_FORM,
	type TopicDiscussionInput,
	type TopicFollowInput,
	type TopicInput,
	type TopicResultInput,
	type TopicUpdateInput
} from './topic.input';
import {
	TOPIC_FOLLOWS,
	deleteTopic,
	findFollowTarget,
	findMeeting,
	findTopic,
	insertTopic,
	listLettersFollowedByTopics,
	listMeetingDelegations,
	listMeetingHosts,
	listMeetingOrganizations,
	listMeetingPeople,
	listOutcomesFollowedByTopics,
	listTopics,
	placeTopic,
	updateTopicAtVersion,
	type MeetingRow,
	type TopicRow
} from './topic.repository';
import {
	toPeopleChoices,
	toTopicFormValues,
	toTopicView,
	type MeetingView,
	type TopicView,
	type TopicsPageView
} from './topic.view';

type Db = Kysely<Database>;

/** More topics than any meeting has; bounds the list a page shows and moves. */
export const TOPICS_MAX = 100;
/** How many of the meeting's people the outcome form offers as owner. */
export const OWNER_CHOICES = 200;
/** An action point made from a topic is due this many days after the meeting, unless the officer says. */
export const ACTION_POINT_DAYS = 30;

// Reading ------------------------------------------------------------------------------------------------

/** Topic rows with the earlier outcomes and letters each continues: two queries for all of them. */
async function withFollows(db: Db, rows: TopicRow[]): Promise<TopicView[]> {
	const ids = rows.map((row) => row.id);
	const [outcomes, letters] = await Promise.all([
		listOutcomesFollowedByTopics(db, ids),
		listLettersFollowedByTopics(db, ids)
	]);
	return rows.map((row) =>
		toTopicView(row, {
			outcomes: outcomes.filter((o) => o.topic_id === row.id).map(toOutcomeSummary),
			letters: letters.filter((l) => l.topic_id === row.id).map(toCorrespondenceListItem)
		})
	);
}

/** The meeting, when it is an event of a kind that has topics. */
async function meetingOf(db: Db, eventId: number): Promise<MeetingRow | null> {
	const meeting = await findMeeting(db, eventId);
	return meeting && hasTopics(meeting.kind) ? meeting : null;
}

/**
 * The topics page: the meeting and its topics in order, each with what it continues and what it became;
 * null when there is no such meeting (or the event is of a kind without topics). Four queries.
 */
export async function findTopicsPage(db: Db, eventId: number): Promise<TopicsPageView | null> {
	const [meeting, rows] = await Promise.all([meetingOf(db, eventId), listTopics(db, eventId)]);
	if (!meeting) return null;
	return { meeting: toEventSummary(meeting), topics: await withFollows(db, rows) };
}

export interface TopicResultChoices {
	people: (readonly [number, string])[];
	organizations: (readonly [number, string])[];
}

export interface TopicPageView {
	meeting: MeetingView;
	topic: TopicView;
	/** The form that turns it into an outcome or agreement, pre-filled from the meeting; null once it is one. */
	result: { values: Record<string, string>; choices: TopicResultChoices } | null;
	/** What a search on the page found to link to it; null when nothing was searched for. */
	found: SearchGroup[] | null;
}

/** The meeting's local date plus `days`, YYYY-MM-DD. */
function daysAfter(meeting: MeetingRow, days: number): string {
	return DateTime.fromISO(meeting.start_at, { zone: 'utc' })
		.setZone(meeting.time_zone)
		.plus({ days })
		.toISODate()!;
}

/**
 * What the outcome form starts from: the topic's title; the partner side (the first delegation of an
 * organisation that is not a host) as owner organisation, its head as owner; every side as a party; due
 * ACTION_POINT_DAYS after the meeting.
 */
async function resultDefaults(db: Db, meeting: MeetingRow, topic: TopicRow) {
	const [hosts, delegations, organizations, people] = await Promise.all([
		listMeetingHosts(db, meeting.id),
		listMeetingDelegations(db, meeting.id),
		listMeetingOrganizations(db, meeting.id),
		listMeetingPeople(db, meeting.id, OWNER_CHOICES)
	]);
	const hostIds = hosts.map((h) => h.organization_id);
	const partner =
		delegations.find((d) => d.organization_id !== null && !hostIds.includes(d.organization_id)) ?? null;
	const sides = [...new Set([...hostIds, ...delegations.flatMap((d) => d.organization_id ?? [])])];
	const values = {
		...TOPIC_RESULT_FORM.empty(),
		kind: 'action_point',
		title: topic.title,
		ownerOrganizationId: partner?.organization_id ? String(partner.organization_id) : '',
		ownerPersonId: partner?.head_person_id ? String(partner.head_person_id) : '',
		dueOn: daysAfter(meeting, ACTION_POINT_DAYS),
		parties: sides.join(','),
		version: String(topic.version)
	};
	const choices = {
		people: toPeopleChoices(people),
		organizations: sortByText(organizations, (o) => o.name).map(
			(o) => [o.id, o.acronym ? `${o.name} (${o.acronym})` : o.name] as const
		)
	};
	return { values, choices };
}

/**
 * One topic's page: the meeting, the topic with its links and result, the outcome form pre-filled while
 * it has none, and what `find` finds to link (the search's own). Null when the topic is not the
 * meeting's.
 */
export async function findTopicPage(
	db: Db,
	eventId: number,
	topicId: number,
	{ find = '' }: { find?: string } = {}
): Promise<TopicPageView | null> {
	const [meeting, row, found] = await Promise.all([
		meetingOf(db, eventId),
		findTopic(db, topicId),
		find.trim() ? searchForLinks(db, find, ['outcome', 'correspondence']) : null
	]);
	if (!meeting || !row || row.event_id !== eventId) return null;
	const [topic] = await withFollows(db, [row]);
	const result = topic!.result ? null : await resultDefaults(db, meeting, row);
	return { meeting: toEventSummary(meeting), topic: topic!, result, found };
}

/** The topic's edit form: its values as they stand, and the meeting. */
export async function findTopicForm(db: Db, eventId: number, topicId: number) {
	const [meeting, row] = await Promise.all([meetingOf(db, eventId), findTopic(db, topicId)]);
	if (!meeting || !row || row.event_id !== eventId) return null;
	return { meeting: toEventSummary(meeting), title: row.title, values: toTopicFormValues(row) };
}

// Writing ------------------------------------------------------------------------------------------------

/** The meeting, locked for the write; refused when it is gone or of a kind without topics. */
async function lockedMeeting(tx: Db, eventId: number): Promise<MeetingRow> {
	const meeting = await findMeeting(tx, eventId);
	if (!meeting) throw new NotFound(m.events_page_not_found());
	if (!hasTopics(meeting.kind)) {
		throw new RuleViolation(m.topics_error_wrong_kind());
	}
	return meeting;
}

/** The topic, which must belong to `eventId` when one is given (the meeting of the page that sent the form). */
async function topicOrFail(tx: Db, topicId: number, eventId?: number): Promise<TopicRow> {
	const topic = await findTopic(tx, topicId);
	if (!topic || (eventId !== undefined && topic.event_id !== eventId)) {
		throw new NotFound(m.topics_error_topic_gone());
	}
	return topic;
}

/** The topic and its meeting, locked, for a write to it. */
async function topicForWrite(tx: Db, topicId: number, eventId?: number) {
	const topic = await topicOrFail(tx, topicId, eventId);
	const meeting = await lockedMeeting(tx, topic.event_id);
	return { topic, meeting };
}

function topicColumns(input: TopicInput) {
	return {
		title: input.title,
		raised_by: input.raisedBy,
		our_position: input.ourPosition,
		talking_points: input.talkingPoints,
		expected_questions: input.expectedQuestions
	};
}

/** Gives the topics, in the order given, the positions 1 … n, writing only those that change. */
async function settleTopics(tx: Db, ordered: readonly TopicRow[], now: string) {
	for (const [index, topic] of ordered.entries()) {
		if (topic.position !== index + 1) await placeTopic(tx, topic.id, index + 1, now);
	}
}

const orderOf = (topics: readonly TopicRow[]) => topics.map((t) => `${t.id} ${t.title}`);

/** Adds a topic at the end of the meeting's list; audited. Answers its id. */
export async function addTopic(db: Db, actor: Actor, eventId: number, input: TopicInput): Promise<number> {
	authorize(actor, 'officer');
	return db.transaction().execute(async (tx) => {
		await lockedMeeting(tx, eventId);
		const topics = await listTopics(tx, eventId);
		if (topics.length >= TOPICS_MAX) {
			throw new RuleViolation(m.topics_error_too_many({ max: TOPICS_MAX }));
		}
		const now = new Date().toISOString();
		const columns = topicColumns(input);
		const { id } = await insertTopic(tx, {
			event_id: eventId,
			position: topics.length + 1,
			...columns,
			created_at: now,
			updated_at: now
		});
		await recordAction(tx, actor, {
			action: 'topic.add',
			entityType: 'topic',
			entityId: id,
			eventId,
			after: { ...columns, position: topics.length + 1 }
		});
		return id;
	});
}

/**
 * Saves what the officer prepared for a topic if nobody saved it since they opened it; otherwise
 * StaleRecord with the topic's form as it stands, and nothing written. Audited with what changed.
 */
export async function reviseTopic(
	db: Db,
	actor: Actor,
	topicId: number,
	input: TopicUpdateInput,
	eventId?: number
): Promise<void> {
	authorize(actor, 'officer');
	await db.transaction().execute(async (tx) => {
		const { topic } = await topicForWrite(tx, topicId, eventId);
		const stale = () => new StaleRecord(toTopicFormValues(topic), m.topics_error_stale());
		if (topic.version !== input.version) throw stale();
		const next = topicColumns(input);
		const diff = diffColumns(topic, next);
		if (!diff.changed) return;
		const now = new Date().toISOString();
		if (!(await updateTopicAtVersion(tx, topicId, input.version, { ...next, updated_at: now })))
			throw stale();
		await recordAction(tx, actor, {
			action: 'topic.update',
			entityType: 'topic',
			entityId: topicId,
			eventId: topic.event_id,
			before: diff.before,
			after: diff.after
		});
	});
}

/** Records what was said on the topic, with the same version check; audited. */
export async function recordTopicDiscussion(
	db: Db,
	actor: Actor,
	topicId: number,
	input: TopicDiscussionInput,
	eventId?: number
): Promise<void> {
	authorize(actor, 'officer');
	await db.transaction().execute(async (tx) => {
		const { topic } = await topicForWrite(tx, topicId, eventId);
		const stale = () =>
			new StaleRecord(
				{ discussion: topic.discussion ?? '', version: String(topic.version) },
				m.topics_error_stale()
			);
		if (topic.version !== input.version) throw stale();
		if (topic.discussion === input.discussion) return;
		const now = new Date().toISOString();
		const values = { discussion: input.discussion, updated_at: now };
		if (!(await updateTopicAtVersion(tx, topicId, input.version, values))) throw stale();
		await recordAction(tx, actor, {
			action: 'topic.discussion',
			entityType: 'topic',
			entityId: topicId,
			eventId: topic.event_id,
			before: { discussion: topic.discussion },
			after: { discussion: input.discussion }
		});
	});
}

/** Swaps a topic with the one before (up) or after (down) it; audited with the order before and after. */
export async function moveTopic(
	db: Db,
	actor: Actor,
	topicId: number,
	direction: 'up' | 'down',
	eventId?: number
): Promise<void> {
	authorize(actor, 'officer');
	await db.transaction().execute(async (tx) => {
		const { topic } = await topicForWrite(tx, topicId, eventId);
		const topics = await listTopics(tx, topic.event_id);
		const index = topics.findIndex((t) => t.id === topicId);
		const other = direction === 'up' ? index - 1 : index + 1;
		if (other < 0 || other >= topics.length) {
			const message = (direction === 'up' ? m.topics_error_first_already : m.topics_error_last_already)({
				title: topic.title
			});
			throw new RuleViolation(message, { order: message });
		}
		const ordered = topics.slice();
		[ordered[index], ordered[other]] = [ordered[other]!, ordered[index]!];
		await settleTopics(tx, ordered, new Date().toISOString());
		await recordAction(tx, actor, {
			action: direction === 'up' ? 'topic.move_up' : 'topic.move_down',
			entityType: 'topic',
			entityId: topicId,
			eventId: topic.event_id,
			before: { position: index + 1, order: orderOf(topics) },
			after: { position: other + 1, order: orderOf(ordered) }
		});
	});
}

/**
 * Removes a topic and its links; those after it move up. What it became (an outcome, an agreement)
 * stays: it is a record of its own.
 */
export async function removeTopic(db: Db, actor: Actor, topicId: number, eventId?: number): Promise<void> {
	authorize(actor, 'officer');
	await db.transaction().execute(async (tx) => {
		const { topic } = await topicForWrite(tx, topicId, eventId);
		await deleteTopic(tx, topicId);
		await settleTopics(tx, await listTopics(tx, topic.event_id), new Date().toISOString());
		await recordAction(tx, actor, {
			action: 'topic.remove',
			entityType: 'topic',
			entityId: topicId,
			eventId: topic.event_id,
			before: { ...preparedOf(topic), discussion: topic.discussion, position: topic.position }
		});
	});
}

/** What the officer prepared for a topic, as its audit entries name it. */
function preparedOf(topic: TopicRow) {
	return {
		title: topic.title,
		raised_by: topic.raised_by,
		our_position: topic.our_position,
		talking_points: topic.talking_points,
		expected_questions: topic.expected_questions
	};
}

/**
 * Links an earlier outcome or letter to the topic, as one it continues, or (`linked` false) takes it
 * off; audited under the meeting when it changed anything.
 */
export async function setTopicFollow(
	db: Db,
	actor: Actor,
	topicId: number,
	{ kind, targetId, linked }: TopicFollowInput & { linked: boolean },
	eventId?: number
): Promise<void> {
	authorize(actor, 'officer');
	await db.transaction().execute(async (tx) => {
		const { topic } = await topicForWrite(tx, topicId, eventId);
		if (linked && !(await findFollowTarget(tx, kind, targetId))) {
			throw new NotFound(m.topics_error_link_gone());
		}
		if (linked && kind === 'outcome' && targetId === topic.outcome_id) {
			throw new RuleViolation(m.topics_error_became_that());
		}
		const change = { entity: 'topic' as const, ownerId: topicId, link: TOPIC_FOLLOWS[kind] };
		await changeLink(tx, actor, { ...change, kind, targetId, eventId: topic.event_id }, linked);
	});
}

export type TopicResult = { type: 'outcome' | 'agreement'; id: number };

/**
 * Turns the topic into a decision or an action point of the meeting (its text what was said; the owner
 * and due date for an action point), or into a draft agreement with the parties chosen, in one
 * transaction: the new record with its own audit entry, then the topic pointing at it, audited too. A
 * topic becomes one record at most; a stale form (the topic changed since it was opened) writes nothing.
 */
export async function turnTopicInto(
	db: Db,
	actor: Actor,
	topicId: number,
	input: TopicResultInput,
	eventId?: number
): Promise<TopicResult> {
	authorize(actor, 'officer');
	return db.transaction().execute(async (tx) => {
		const { topic, meeting } = await topicForWrite(tx, topicId, eventId);
		if (topic.outcome_id !== null || topic.agreement_id !== null) {
			throw new RuleViolation(m.topics_error_already_record({ title: topic.title }));
		}
		if (topic.version !== input.version) {
			throw new StaleRecord(null, m.topics_error_changed());
		}
		const now = new Date();
		const result: TopicResult =
			input.kind === 'agreement'
				? {
						type: 'agreement',
						id: await addAgreementInTransaction(tx, actor, draftAgreement(input, topic), now)
					}
				: {
						type: 'outcome',
						id: await addOutcomeInTransaction(tx, actor, meetingOutcome(input, topic, meeting), now)
					};
		const link = result.type === 'outcome' ? { outcome_id: result.id } : { agreement_id: result.id };
		const values = { ...link, updated_at: now.toISOString() };
		if (!(await updateTopicAtVersion(tx, topicId, input.version, values))) {
			throw new StaleRecord(null, m.topics_error_changed());
		}
		await recordAction(tx, actor, {
			action: 'topic.turn',
			entityType: 'topic',
			entityId: topicId,
			eventId: topic.event_id,
			after: { became: TOPIC_RESULTS[input.kind], [result.type]: result.id }
		});
		return result;
	});
}

function meetingOutcome(input: TopicResultInput, topic: TopicRow, meeting: MeetingRow) {
	const actionPoint = input.kind === 'action_point';
	return {
		eventId: meeting.id,
		kind: input.kind === 'decision' ? ('decision' as const) : ('action_point' as const),
		title: input.title,
		text: topic.discussion,
		status: 'open' as const,
		ownerPersonId: actionPoint ? input.ownerPersonId : null,
		ownerOrganizationId: actionPoint ? input.ownerOrganizationId : null,
		dueOn: actionPoint ? input.dueOn : null,
		responsibleUserId: null,
		parties: input.parties
	};
}

/** Not signed yet: the register shows it as a draft, with the parties chosen and what was said. */
function draftAgreement(input: TopicResultInput, topic: TopicRow) {
	return {
		title: input.title,
		summary: topic.discussion,
		parties: input.parties,
		signedOn: null,
		signedUndated: 0 as const,
		signedPlace: null,
		signedEventId: null,
		approvedOn: null,
		approvalAct: null,
		inForceOn: null,
		inForceUntil: null,
		terminatedOn: null
	};
}
