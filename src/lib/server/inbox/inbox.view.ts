/** What the inbox page and an event's "proposals waiting" panel receive. */
import { formatRange, formatShortDateTime } from '../../format/datetime';
import { formatPersonName } from '../../format/names';
import { m } from '../../paraglide/messages.js';
import type { InboxOutcome } from '../db/schema';
import type { Page } from '../pagination';
import type { InboxListRow } from './inbox.repository';

export type InboxFilter = InboxOutcome | 'waiting' | null;

const FILTER_LABELS: { value: Exclude<InboxFilter, null>; label: () => string }[] = [
	{ value: 'applied', label: m.inbox_filter_applied },
	{ value: 'refused', label: m.inbox_filter_refused },
	{ value: 'waiting', label: m.inbox_filter_waiting },
	{ value: 'invitation', label: m.inbox_filter_invitation },
	{ value: 'proposed', label: m.inbox_filter_proposed },
	{ value: 'refreshed', label: m.inbox_filter_refreshed }
];

const PARTSTAT_LABELS: Record<string, () => string> = {
	ACCEPTED: m.inbox_partstat_accepted,
	TENTATIVE: m.inbox_partstat_tentative,
	DECLINED: m.inbox_partstat_declined,
	DELEGATED: m.inbox_partstat_delegated,
	'NEEDS-ACTION': m.inbox_partstat_needs_action
};

export interface InboxMessageView {
	id: number;
	receivedAt: string;
	/** When it came, in UTC ("17 Dec 2021 10:00"): the office reads the mailbox in no one zone. */
	received: string;
	from: string | null;
	subject: string | null;
	method: string | null;
	outcome: InboxOutcome;
	/** What happened, in a few words: "Declined", "Refused: …", "Proposes a new time". */
	what: string;
	reason: string | null;
	event: { id: number; title: string; timeZone: string; startAt: string; endAt: string } | null;
	participantName: string | null;
	attendee: string | null;
	sentAt: string | null;
	/**
	 * The time proposed, and the event's time it would replace, written in the event's zone (UTC when
	 * the event is gone): "Friday 17 December 2021, 10:00–12:30".
	 */
	proposed: { startAt: string; endAt: string; zone: string; range: string; instead: string | null } | null;
	comment: string | null;
	decision: 'accepted' | 'declined' | null;
	decidedAt: string | null;
	/** A proposal an officer may still accept or decline. */
	waiting: boolean;
	/** A partner's invitation (or cancellation) an officer may still preview and import. */
	invitationWaiting: boolean;
}

export interface InboxPage {
	messages: Page<InboxMessageView>;
	filter: InboxFilter;
	/** The page's filters, each with how many messages it shows. */
	filters: { value: Exclude<InboxFilter, null>; label: string; count: number }[];
	/** Whether a mailbox is read at all (IMAP_URL). */
	imapConfigured: boolean;
}

export function inboxFilters(counts: Record<Exclude<InboxFilter, null>, number>): InboxPage['filters'] {
	return FILTER_LABELS.map((f) => ({ value: f.value, label: f.label(), count: counts[f.value] }));
}

function whatOf(row: InboxListRow): string {
	switch (row.outcome) {
		case 'applied':
			return PARTSTAT_LABELS[row.partstat ?? '']?.() ?? row.partstat ?? m.inbox_what_answered();
		case 'refused':
			return m.inbox_what_refused();
		case 'refreshed':
			return m.inbox_what_refreshed();
		case 'invitation':
			return row.decision === 'accepted'
				? row.method === 'CANCEL'
					? m.inbox_what_cancellation_applied()
					: m.inbox_what_invitation_imported()
				: row.decision === 'declined'
					? m.inbox_what_invitation_set_aside()
					: row.method === 'CANCEL'
						? m.inbox_what_cancellation_waiting()
						: m.inbox_what_invitation_waiting();
		case 'proposed':
			return row.decision === 'accepted'
				? m.inbox_what_proposal_accepted()
				: row.decision === 'declined'
					? m.inbox_what_proposal_declined()
					: m.inbox_what_proposes();
	}
}

function proposedTime(row: InboxListRow): InboxMessageView['proposed'] {
	if (!row.proposed_start_at || !row.proposed_end_at) return null;
	const hasEvent = row.event_id !== null && row.event_title !== null;
	const zone = hasEvent ? row.event_time_zone! : 'UTC';
	return {
		startAt: row.proposed_start_at,
		endAt: row.proposed_end_at,
		zone,
		range: formatRange(row.proposed_start_at, row.proposed_end_at, zone),
		instead: hasEvent ? formatRange(row.event_start_at!, row.event_end_at!, zone) : null
	};
}

export function toInboxView(row: InboxListRow): InboxMessageView {
	return {
		id: row.id,
		receivedAt: row.received_at,
		received: formatShortDateTime(row.received_at, 'UTC'),
		from: row.from_address,
		subject: row.subject,
		method: row.method,
		outcome: row.outcome,
		what: whatOf(row),
		reason: row.reason,
		event:
			row.event_id !== null && row.event_title !== null
				? {
						id: row.event_id,
						title: row.event_title,
						timeZone: row.event_time_zone!,
						startAt: row.event_start_at!,
						endAt: row.event_end_at!
					}
				: null,
		participantName:
			row.given_name !== null
				? formatPersonName({ ...row, given_name: row.given_name, family_name: row.family_name ?? '' })
				: null,
		attendee: row.attendee_address,
		sentAt: row.sent_at,
		proposed: proposedTime(row),
		comment: row.comment,
		decision: row.decision,
		decidedAt: row.decided_at,
		waiting: row.outcome === 'proposed' && row.decision === null && row.event_id !== null,
		invitationWaiting: row.outcome === 'invitation' && row.decision === null
	};
}
