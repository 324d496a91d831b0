/** What a meeting's one-page brief receives: each section capped, saying how many it left out. */
import {
	formatCalendarDate,
	formatDayOf,
	formatOffset,
	formatPeriod,
	formatWhen
} from '../../format/datetime';
import { formatOrganizationName, formatPersonName } from '../../format/names';
import { m } from '../../paraglide/messages.js';
import { eventKinds, outcomeStatuses, projectProgrammes, timingCertainties } from '../../vocabulary';
import { describeAgreementState } from '../agreements/agreement.view';
import type { CorrespondenceListItem } from '../correspondence/correspondence.view';
import type { IsoDate } from '../db/schema';
import type { EventSummary } from '../events/event.view';
import { organizationRef, type OrganizationRef } from '../organizations/organization.ref';
import type { OutcomeView } from '../outcomes/outcome.view';
import type { PrintedDelegation } from '../participants/participant.view';
import type { TopicView } from '../topics/topic.view';
import type {
	listAgreementsInForceWith,
	listEarlierMeetings,
	listOpenActionPointsWith,
	listRunningProjectsWith
} from './brief.repository';

type Rows<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>;

/** A section of the brief: what fits, and how many more there are. */
export interface Capped<T> {
	items: T[];
	/** How many the brief leaves out. */
	left: number;
}

export interface BriefPerson {
	id: number;
	/** As they are addressed: honorific, given and family name. */
	name: string;
	position: string | null;
	rank: string | null;
	head: boolean;
}

export interface BriefSide {
	name: string;
	organization: OrganizationRef | null;
	members: Capped<BriefPerson>['items'];
	left: number;
}

export interface BriefTopic {
	id: number;
	position: number;
	title: string;
	raisedByLabel: string;
	/** Talking points, or else our position. */
	points: string | null;
	expectedQuestions: string | null;
}

export interface BriefMeeting {
	id: number;
	title: string;
	dateText: string;
	dateAssumed: boolean;
	kindLabel: string;
	/** One line of what came of it. */
	result: string;
}

export interface BriefActionPoint {
	id: number;
	title: string;
	owner: string | null;
	dueOn: IsoDate | null;
	/** `dueOn` written out ("2 September 2021"). */
	due: string | null;
	/** Days past its due date today, when it is. */
	overdueDays: number | null;
	statusLabel: string;
	/** The meeting it was agreed at. */
	from: string | null;
}

export interface BriefFollowUp {
	id: number;
	title: string;
	statusLabel: string;
	dueOn: IsoDate | null;
	/** `dueOn` written out ("2 September 2021"). */
	due: string | null;
	/** Where it was agreed: the meeting and its day. */
	from: string | null;
	/** What was said on it at this meeting. */
	note: string | null;
}

export interface BriefLetter {
	id: number;
	subject: string;
	reference: string | null;
	datedOn: IsoDate;
	/** `datedOn` written out ("2 September 2021"). */
	dated: string;
	/** The other side: who sent it, or to whom it went. */
	counterpart: string | null;
	/** Letters that way in all. */
	total: number;
}

export interface BriefView {
	event: EventSummary & {
		when: string;
		/** The event's zone with its offset that day: "Asia/Baku, UTC+04:00". */
		zone: string;
		/** Set when the sources do not state the date or time. */
		timingNote: string | null;
		place: string | null;
	};
	/** The partner with the organisations above it, the highest first; empty when the meeting has none. */
	partnerChain: OrganizationRef[];
	sides: BriefSide[];
	topics: Capped<BriefTopic>;
	meetings: Capped<BriefMeeting>;
	actionPoints: Capped<BriefActionPoint>;
	agreements: Capped<{ id: number; title: string; stateText: string }>;
	projects: Capped<{ id: number; title: string; detail: string }>;
	letters: { incoming: BriefLetter | null; outgoing: BriefLetter | null };
	followUps: Capped<BriefFollowUp>;
}

/** The first `limit` items, and how many were left out of `total`. */
export function capped<T>(items: T[], limit: number, total = items.length): Capped<T> {
	const shown = items.slice(0, limit);
	return { items: shown, left: Math.max(0, total - shown.length) };
}

const totalOf = (rows: { total: number | string }[]) => Number(rows[0]?.total ?? 0);

/** The text cut at a word to at most `length` characters, with an ellipsis when cut. */
export function oneLine(text: string, length: number): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	if (flat.length <= length) return flat;
	const cut = flat.slice(0, length - 1);
	return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), length / 2))}…`;
}

function daysBetween(from: IsoDate, to: IsoDate): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function toBriefEvent(summary: EventSummary, place: string | null): BriefView['event'] {
	return {
		...summary,
		when: formatWhen(summary),
		zone: summary.allDay
			? m.brief_all_day_zone({ zone: summary.timeZone })
			: `${summary.timeZone}, ${formatOffset(summary.startAt, summary.timeZone)}`,
		timingNote:
			summary.timing === 'exact'
				? null
				: m.brief_timing_note({ certainty: timingCertainties.labels[summary.timing] }),
		place
	};
}

export function toBriefSides(sides: PrintedDelegation[], perSide: number): BriefSide[] {
	return sides.map((side) => {
		const { items, left } = capped(side.members, perSide);
		return {
			name: side.name,
			organization: side.organization,
			members: items.map((p) => ({
				id: p.id,
				name: p.name,
				position: p.position,
				rank: p.rank,
				head: p.role === 'head_of_delegation'
			})),
			left
		};
	});
}

export function toBriefTopics(topics: TopicView[], limit: number, length: number): Capped<BriefTopic> {
	return capped(
		topics.map((t) => {
			const points = t.talkingPoints ?? t.ourPosition;
			return {
				id: t.id,
				position: t.position,
				title: t.title,
				raisedByLabel: t.raisedByLabel,
				points: points ? oneLine(points, length) : null,
				expectedQuestions: t.expectedQuestions ? oneLine(t.expectedQuestions, length) : null
			};
		}),
		limit
	);
}

/** What came of a meeting in a line: its first outcome, else what was said on a topic, else what it was. */
function resultOf(row: Rows<typeof listEarlierMeetings>[number], length: number): string {
	const outcomes = Number(row.outcome_count ?? 0);
	if (row.first_outcome) {
		const more = outcomes > 1 ? m.brief_and_more({ count: outcomes - 1 }) : '';
		return oneLine(row.first_outcome, length - more.length) + more;
	}
	const said = row.first_discussion ?? row.description;
	return said ? oneLine(said, length) : m.brief_no_result();
}

export function toBriefMeetings(
	rows: Rows<typeof listEarlierMeetings>,
	limit: number,
	length: number
): Capped<BriefMeeting> {
	return capped(
		rows.map((row) => ({
			id: row.id,
			title: row.title,
			dateText: formatDayOf(row.start_at, row.time_zone),
			dateAssumed: row.timing === 'date_assumed',
			kindLabel: eventKinds.labels[row.kind],
			result: resultOf(row, length)
		})),
		limit,
		totalOf(rows)
	);
}

const fromMeeting = (title: string | null, startAt: string | null, timeZone: string | null) =>
	title && startAt && timeZone ? `${title}, ${formatDayOf(startAt, timeZone)}` : null;

export function toBriefActionPoints(
	rows: Rows<typeof listOpenActionPointsWith>,
	limit: number,
	today: IsoDate
): Capped<BriefActionPoint> {
	return capped(
		rows.map((row) => {
			const person =
				row.owner_given_name && row.owner_family_name
					? formatPersonName({
							honorific: row.owner_honorific,
							given_name: row.owner_given_name,
							family_name: row.owner_family_name
						})
					: null;
			const organization = organizationRef(
				row.owner_organization_id,
				row.owner_organization_name,
				row.owner_organization_acronym
			);
			const owner = [person, organization && formatOrganizationName(organization)].filter(Boolean).join(', ');
			return {
				id: row.id,
				title: row.title,
				owner: owner || null,
				dueOn: row.due_on,
				due: row.due_on && formatCalendarDate(row.due_on),
				overdueDays: row.due_on && row.due_on < today ? daysBetween(row.due_on, today) : null,
				statusLabel: outcomeStatuses.labels[row.status],
				from: fromMeeting(row.event_title, row.event_start_at, row.event_time_zone)
			};
		}),
		limit,
		totalOf(rows)
	);
}

export function toBriefAgreements(rows: Rows<typeof listAgreementsInForceWith>, limit: number) {
	return capped(
		rows.map((row) => ({ id: row.id, title: row.title, stateText: describeAgreementState(row.state, row) })),
		limit,
		totalOf(rows)
	);
}

export function toBriefProjects(rows: Rows<typeof listRunningProjectsWith>, limit: number) {
	return capped(
		rows.map((row) => ({
			id: row.id,
			title: row.title,
			detail: [
				row.programme && projectProgrammes.labels[row.programme],
				formatPeriod(
					row.start_on ? { on: row.start_on, precision: row.start_precision ?? 'day' } : null,
					null
				)
			]
				.filter(Boolean)
				.join(' · ')
		})),
		limit,
		totalOf(rows)
	);
}

export function toBriefLetter(letter: CorrespondenceListItem | null, total: number): BriefLetter | null {
	if (!letter) return null;
	const counterpart = letter.direction === 'incoming' ? letter.sender : letter.recipient;
	return {
		id: letter.id,
		subject: letter.subject,
		reference: letter.referenceNumber,
		datedOn: letter.datedOn,
		dated: formatCalendarDate(letter.datedOn),
		counterpart: counterpart ? formatOrganizationName(counterpart) : null,
		total
	};
}

export function toBriefFollowUps(
	outcomes: OutcomeView[],
	eventId: number,
	limit: number
): Capped<BriefFollowUp> {
	return capped(
		outcomes.map((o) => ({
			id: o.id,
			title: o.title,
			statusLabel: o.statusLabel,
			dueOn: o.dueOn,
			due: o.dueOn && formatCalendarDate(o.dueOn),
			from: o.event ? fromMeeting(o.event.title, o.event.startAt, o.event.timeZone) : null,
			note: o.followUps.find((f) => f.eventId === eventId)?.note ?? null
		})),
		limit
	);
}
