/**
 * An action point's thread across meetings: agreed at one meeting, carried to later ones (existing or
 * planned), where what was said on it is noted, until it is done or dropped. A carried action point is
 * listed on the later meeting's agenda page and brief under "Follow-up from earlier meetings".
 */
import { m } from '../../paraglide/messages.js';
import type { Kysely } from 'kysely';
import { recordAction, type Actor } from '../audit/audit';
import { authorize } from '../auth/authorize';
import type { Database } from '../db/schema';
import { listHostsForEvents } from '../events/event.repository';
import { NotFound, RuleViolation, StaleRecord } from '../errors';
import { refreshDossiers } from '../dossier/dossier.service';
import { formatDayOf } from '../../format/datetime';
import {
	findCarryTarget,
	findFollowUp,
	insertCarriedOutcomes,
	countOutcomesHeldBy,
	listActionPointsToCarryOver,
	listOutcomesToCarry,
	updateFollowUpNote
} from './outcome-thread.repository';

type Db = Kysely<Database>;

/** Action points a new meeting's page offers to carry over, at most. */
export const CARRY_OFFER_LIMIT = 20;
/** Action points to carry over are counted up to this: beyond, the page says "80+ more". */
export const CARRY_COUNT_LIMIT = 100;
/**
 * Hosts whose dossiers hold more outcomes than this have their open action points read in order, along
 * their index, rather than all read and sorted: about where the two ways cost the same on the generated
 * office, from 300 000 to a million events (the board's order finds an organisation's action points as
 * often as it holds a share of the office's).
 */
export const CARRY_HELD_LIMIT = 4000;

const OPEN = ['open', 'in_progress'];

/**
 * Carries open action points to a later meeting, existing or planned: each one listed there under
 * "Follow-up from earlier meetings" from now on. Refused, with nothing written, when the meeting is
 * gone or cancelled, when one is not an open action point, was agreed at that meeting or a later one,
 * or is carried there already. Audited per action point, under the meeting.
 */
export async function carryActionPoints(
	db: Db,
	actor: Actor,
	eventId: number,
	outcomeIds: number[],
	now = new Date()
): Promise<void> {
	authorize(actor, 'officer');
	await db.transaction().execute(async (tx) => {
		const meeting = await findCarryTarget(tx, eventId);
		if (!meeting) throw new NotFound(m.outcomes_error_no_meeting());
		if (meeting.status === 'cancelled') {
			throw new RuleViolation(m.outcomes_error_meeting_cancelled(), {
				targetId: m.outcomes_error_meeting_will_happen()
			});
		}
		const outcomes = await listOutcomesToCarry(tx, outcomeIds, eventId);
		if (outcomes.length !== outcomeIds.length) throw new NotFound(m.outcomes_error_no_action_point());
		for (const outcome of outcomes) {
			if (outcome.kind !== 'action_point' || !OPEN.includes(outcome.status)) {
				throw new RuleViolation(m.outcomes_error_not_open({ title: outcome.title }));
			}
			if (
				outcome.event_id === eventId ||
				(outcome.agreed_at !== null && outcome.agreed_at >= meeting.start_at)
			) {
				throw new RuleViolation(m.outcomes_error_agreed_after({ title: outcome.title }), {
					targetId: m.outcomes_error_choose_later()
				});
			}
			if (outcome.carried_to !== null) {
				throw new RuleViolation(m.outcomes_error_carried_already({ title: outcome.title }), {
					targetId: m.outcomes_error_on_meeting_already()
				});
			}
		}
		await insertCarriedOutcomes(tx, eventId, outcomeIds, { at: now.toISOString(), by: actor.userId });
		for (const outcome of outcomes) {
			await recordAction(tx, actor, {
				action: 'outcome.carry',
				entityType: 'outcome',
				entityId: outcome.id,
				eventId,
				after: { carriedTo: { id: meeting.id, title: meeting.title } }
			});
		}
	});
}

const STALE_NOTE = () => m.outcomes_error_stale_note();

/**
 * Saves what was said on an action point at a meeting it was carried to, if nobody saved it since
 * `version` was read; otherwise StaleRecord with theirs, and nothing written. Audited, before and after.
 */
export async function noteFollowUp(
	db: Db,
	actor: Actor,
	outcomeId: number,
	input: { eventId: number; note: string | null; version: number }
): Promise<void> {
	authorize(actor, 'officer');
	await db.transaction().execute(async (tx) => {
		const current = await findFollowUp(tx, outcomeId, input.eventId);
		if (!current) throw new NotFound(m.outcomes_error_not_carried());
		const stale = () => new StaleRecord({ note: current.note ?? '' }, STALE_NOTE());
		if (current.version !== input.version) throw stale();
		if (current.note === input.note) return;
		if (!(await updateFollowUpNote(tx, outcomeId, input.eventId, input.version, input.note))) throw stale();
		await recordAction(tx, actor, {
			action: 'outcome.follow_up_note',
			entityType: 'outcome',
			entityId: outcomeId,
			eventId: input.eventId,
			before: { note: current.note },
			after: { note: input.note }
		});
	});
}

export interface CarryOffer {
	id: number;
	title: string;
	dueOn: string | null;
	/** Where it was agreed: the meeting and its day. */
	from: string | null;
}

export interface CarryOffers {
	items: CarryOffer[];
	/** How many more there are, counted up to CARRY_COUNT_LIMIT … */
	left: number;
	/** … and there are more than that. */
	more: boolean;
}

/**
 * What a meeting that has not taken place yet offers to carry over: the open action points with its
 * hosts and co-hosts (and the organisations below them) agreed before it and not carried to it yet, and
 * how many more there are, counted up to CARRY_COUNT_LIMIT. Empty for a meeting that is over. The dossier
 * brought up to date, then three short queries, each bounded by a limit.
 */
export async function listCarryOffers(
	db: Db,
	meeting: { id: number; start_at: string; status: string },
	now = new Date()
): Promise<CarryOffers> {
	if (meeting.status === 'cancelled' || meeting.start_at < now.toISOString()) {
		return { items: [], left: 0, more: false };
	}
	await refreshDossiers(db);
	const hostIds = (await listHostsForEvents(db, [meeting.id])).map((h) => h.id);
	const inOrder = (await countOutcomesHeldBy(db, hostIds, CARRY_HELD_LIMIT)) > CARRY_HELD_LIMIT;
	// The rows past the page's are read for their count: those the list reads up to CARRY_COUNT_LIMIT anyway.
	const rows = await listActionPointsToCarryOver(db, meeting, hostIds, {
		limit: CARRY_COUNT_LIMIT + 1,
		inOrder
	});
	const items = rows.slice(0, CARRY_OFFER_LIMIT);
	return {
		items: items.map((row) => ({
			id: row.id,
			title: row.title,
			dueOn: row.due_on,
			from:
				row.event_title && row.event_start_at && row.event_time_zone
					? `${row.event_title}, ${formatDayOf(row.event_start_at, row.event_time_zone)}`
					: null
		})),
		left: Math.min(rows.length, CARRY_COUNT_LIMIT) - items.length,
		more: rows.length > CARRY_COUNT_LIMIT
	};
}
