/** Queries for what anonymous visitors may see: events an officer marked public, never drafts. */
import type { Kysely } from 'kysely';
import { pageByKeyset } from '../db/keyset';
import type { Database } from '../db/schema';
import type { PageRequest } from '../pagination';
import { eventSummaryColumns } from './event.repository';

/** Public events not yet over, soonest first, in keyset order of (start_at, id). Fetches limit + 1. */
export async function listPublicEvents(db: Kysely<Database>, now: string, page: PageRequest) {
	const query = db
		.selectFrom('event')
		.leftJoin('venue', 'venue.id', 'event.venue_id')
		.select([...eventSummaryColumns, 'venue.name as venue_name', 'venue.city as venue_city'])
		.where('event.is_public', '=', 1)
		.where('event.status', '!=', 'draft')
		.where('event.end_at', '>=', now);
	return pageByKeyset(query, page, { key: ['event.start_at', 'event.id'], order: 'asc' }).execute();
}
