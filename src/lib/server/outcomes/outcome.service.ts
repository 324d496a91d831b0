/**
 * Reading outcomes: for the register, the outcome page, and the event page. Each costs three queries
 * whatever the number of outcomes: the outcome rows, then the parties and the follow-ups of all of them.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { toPage, type Page, type PageRequest } from '../pagination';
import {
	findOutcome,
	listFollowUpsForOutcomes,
	listOutcomes,
	listOutcomesByEvent,
	listOutcomesFollowedUpByEvent,
	listPartiesForOutcomes,
	type OutcomeFilter,
	type OutcomeRow
} from './outcome.repository';
import { toOutcomeViews, type OutcomeView } from './outcome.view';

async function withPartiesAndFollowUps(db: Kysely<Database>, rows: OutcomeRow[]): Promise<OutcomeView[]> {
	const ids = rows.map((row) => row.id);
	const [parties, followUps] = await Promise.all([
		listPartiesForOutcomes(db, ids),
		listFollowUpsForOutcomes(db, ids)
	]);
	return toOutcomeViews(rows, parties, followUps);
}

/** The decisions, agreements and action points recorded at an event. */
export async function listOutcomesOfEvent(db: Kysely<Database>, eventId: number): Promise<OutcomeView[]> {
	return withPartiesAndFollowUps(db, await listOutcomesByEvent(db, eventId));
}

/** Outcomes of earlier events that this event follows up. */
export async function listOutcomesFollowedUpAt(
	db: Kysely<Database>,
	eventId: number
): Promise<OutcomeView[]> {
	return withPartiesAndFollowUps(db, await listOutcomesFollowedUpByEvent(db, eventId));
}

/** One page of the outcomes register, newest first. */
export async function listOutcomesPage(
	db: Kysely<Database>,
	query: OutcomeFilter & { page: PageRequest }
): Promise<Page<OutcomeView>> {
	const { page: request, ...filter } = query;
	const page = toPage(await listOutcomes(db, filter, request), request, (row) => [row.id]);
	return { ...page, items: await withPartiesAndFollowUps(db, page.items) };
}

/** Everything the outcome page shows, or null when there is no such outcome. */
export async function getOutcomePage(db: Kysely<Database>, outcomeId: number): Promise<OutcomeView | null> {
	const row = await findOutcome(db, outcomeId);
	if (!row) return null;
	const [view] = await withPartiesAndFollowUps(db, [row]);
	return view ?? null;
}
