/** What the topics pages receive: chosen fields, camelCase, labels resolved. */
import { m } from '../../paraglide/messages.js';
import { sortByText } from '../../format/collation';
import { formatPersonName, formatSortName } from '../../format/names';
import {
	outcomeKinds,
	outcomeStatuses,
	topicSides,
	type OutcomeKind,
	type OutcomeStatus,
	type TopicSide
} from '../../vocabulary';
import type { CorrespondenceListItem } from '../correspondence/correspondence.view';
import { eventRef, type EventRef } from '../events/event.ref';
import type { EventSummary } from '../events/event.view';
import type { OutcomeSummary } from '../outcomes/outcome.view';
import type { TopicFormValues } from './topic.input';
import type { listTopicsResultingIn, TopicRow } from './topic.repository';

/** The meeting whose topics a page shows: an event in brief. */
export type MeetingView = EventSummary;

/** What a topic became, linked from it. */
export type TopicResultView =
	| {
			type: 'outcome';
			id: number;
			kind: OutcomeKind;
			kindLabel: string;
			title: string;
			status: OutcomeStatus;
			statusLabel: string;
			dueOn: string | null;
	  }
	| { type: 'agreement'; id: number; kindLabel: string; title: string };

export interface TopicView {
	id: number;
	/** 1, 2, 3 … in the meeting's list. */
	position: number;
	title: string;
	raisedBy: TopicSide;
	raisedByLabel: string;
	ourPosition: string | null;
	talkingPoints: string | null;
	expectedQuestions: string | null;
	/** What was said, recorded after the meeting. */
	discussion: string | null;
	result: TopicResultView | null;
	/** The earlier outcomes and letters it continues. */
	followsOutcomes: OutcomeSummary[];
	followsLetters: CorrespondenceListItem[];
	version: number;
}

export interface TopicsPageView {
	meeting: MeetingView;
	topics: TopicView[];
}

/** A topic as the outcome or agreement it became names it: where that record came from. */
export interface TopicOrigin {
	id: number;
	title: string;
	event: EventRef;
}

function toResult(row: TopicRow): TopicResultView | null {
	if (row.outcome_id !== null && row.outcome_kind && row.outcome_title && row.outcome_status) {
		return {
			type: 'outcome',
			id: row.outcome_id,
			kind: row.outcome_kind,
			kindLabel: outcomeKinds.labels[row.outcome_kind],
			title: row.outcome_title,
			status: row.outcome_status,
			statusLabel: outcomeStatuses.labels[row.outcome_status],
			dueOn: row.outcome_due_on
		};
	}
	if (row.agreement_id !== null && row.agreement_title) {
		return {
			type: 'agreement',
			id: row.agreement_id,
			kindLabel: m.topics_result_agreement(),
			title: row.agreement_title
		};
	}
	return null;
}

export function toTopicView(
	row: TopicRow,
	follows: { outcomes: OutcomeSummary[]; letters: CorrespondenceListItem[] }
): TopicView {
	return {
		id: row.id,
		position: row.position,
		title: row.title,
		raisedBy: row.raised_by,
		raisedByLabel: topicSides.labels[row.raised_by],
		ourPosition: row.our_position,
		talkingPoints: row.talking_points,
		expectedQuestions: row.expected_questions,
		discussion: row.discussion,
		result: toResult(row),
		followsOutcomes: follows.outcomes,
		followsLetters: follows.letters,
		version: row.version
	};
}

const text = (value: string | null) => value ?? '';

/** The topic as its edit form shows it. */
export function toTopicFormValues(
	row: Pick<
		TopicRow,
		'title' | 'raised_by' | 'our_position' | 'talking_points' | 'expected_questions' | 'version'
	>
): TopicFormValues {
	return {
		title: row.title,
		raisedBy: row.raised_by,
		ourPosition: text(row.our_position),
		talkingPoints: text(row.talking_points),
		expectedQuestions: text(row.expected_questions),
		version: String(row.version)
	};
}

export function toTopicOrigins(rows: Awaited<ReturnType<typeof listTopicsResultingIn>>): TopicOrigin[] {
	return rows.flatMap((row) => {
		const event = eventRef(row.event_id, row.event_title, row.event_start_at, row.event_time_zone);
		return event ? [{ id: row.id, title: row.title, event }] : [];
	});
}

/** [id, name] pairs for the outcome form's owner lists. */
export function toPeopleChoices(
	rows: { id: number; honorific: string | null; given_name: string; family_name: string }[]
) {
	return sortByText(rows, formatSortName).map((row) => [row.id, formatPersonName(row)] as const);
}
