/**
 * Venues: the list (one query a page), adding one and editing one (optimistic concurrency through its
 * version). A venue's zone is what new events there default to; events keep the zone they were saved
 * with, so changing it never moves an event.
 */
import { m } from '../../paraglide/messages.js';
import type { Kysely } from 'kysely';
import { recordAction, type Actor } from '../audit/audit';
import { diffColumns } from '../audit/changes';
import type { Database, Venue } from '../db/schema';
import { NotFound, StaleRecord } from '../errors';
import { toPage, type Page, type PageRequest } from '../pagination';
import { timeZoneNames, type VenueFormValues, type VenueInput } from './venue.input';
import { findVenueRow, insertVenue, listVenues, updateVenueRow } from './venue.repository';
import { authorize } from '../auth/authorize';

export interface VenueListItem {
	id: number;
	name: string;
	address: string | null;
	city: string;
	countryCode: string;
	timeZone: string;
	eventCount: number;
}

export async function listVenuesPage(
	db: Kysely<Database>,
	request: PageRequest
): Promise<Page<VenueListItem>> {
	const page = toPage(await listVenues(db, request), request, (row) => [row.sort_key ?? '', row.id]);
	return {
		...page,
		items: page.items.map((row) => ({
			id: row.id,
			name: row.name,
			address: row.address,
			city: row.city,
			countryCode: row.country_code,
			timeZone: row.time_zone,
			eventCount: Number(row.event_count ?? 0)
		}))
	};
}

export function toVenueFormValues(row: Venue): VenueFormValues {
	return {
		name: row.name,
		address: row.address ?? '',
		city: row.city,
		countryCode: row.country_code,
		timeZone: row.time_zone,
		notes: row.notes ?? '',
		version: String(row.version)
	};
}

function venueColumns(input: VenueInput) {
	return {
		name: input.name,
		address: input.address,
		city: input.city,
		country_code: input.countryCode,
		time_zone: input.timeZone,
		notes: input.notes
	};
}

export async function findVenueForm(db: Kysely<Database>, venueId: number) {
	const row = await findVenueRow(db, venueId);
	return row ? { name: row.name, values: toVenueFormValues(row), timeZones: timeZoneNames() } : null;
}

export async function createVenue(db: Kysely<Database>, actor: Actor, input: VenueInput, now = new Date()) {
	authorize(actor, 'officer');
	return db.transaction().execute(async (tx) => {
		const at = now.toISOString();
		const venue = await insertVenue(tx, { ...venueColumns(input), created_at: at, updated_at: at });
		await recordAction(tx, actor, {
			action: 'venue.create',
			entityType: 'venue',
			entityId: venue.id,
			after: venueColumns(input)
		});
		return venue.id;
	});
}

export async function reviseVenue(
	db: Kysely<Database>,
	actor: Actor,
	venueId: number,
	version: number,
	input: VenueInput,
	now = new Date()
): Promise<void> {
	authorize(actor, 'officer');
	await db.transaction().execute(async (tx) => {
		const current = await findVenueRow(tx, venueId);
		if (!current) throw new NotFound(m.venues_not_found());
		const stale = () => new StaleRecord(toVenueFormValues(current), m.venues_error_stale());
		if (current.version !== version) throw stale();
		const next = venueColumns(input);
		const diff = diffColumns(current, next);
		if (!diff.changed) return;
		if (!(await updateVenueRow(tx, venueId, version, { ...next, updated_at: now.toISOString() })))
			throw stale();
		await recordAction(tx, actor, {
			action: 'venue.update',
			entityType: 'venue',
			entityId: venueId,
			before: diff.before,
			after: diff.after
		});
	});
}
