/**
 * Working out a record's dossier entries from its links: one entry for each organisation linked to it
 * and for every organisation above those, each saying how the nearest linked one takes part.
 */
import { DateTime } from 'luxon';
import type { DossierKind, DossierRole } from '../../vocabulary';
import type { DossierEntryTable } from '../db/schema';
import type { DatedRecord, RecordLink } from './dossier.repository';

/** Among several links of one record to the same organisation, the one a line of the dossier names. */
const ROLE_WEIGHT: Record<DossierRole, number> = {
	host: 0,
	co_host: 1,
	sender: 2,
	recipient: 3,
	party: 4,
	owner: 5,
	partner: 6,
	participant: 7,
	meeting: 8
};

export interface Ancestry {
	organization_id: number;
	ancestor_id: number | null;
	depth: number;
}

/** Where an undated record sorts: after every dated one, and in no year. */
export const UNDATED = { occurredAt: '1000-01-01T00:00:00.000Z', year: 0 } as const;

/** Where a record sits in time: the sort instant and the year it belongs to. */
export function placeInTime(record: DatedRecord): { occurredAt: string; year: number } {
	if (record.instant) {
		const zone = record.time_zone ?? 'UTC';
		const local = DateTime.fromISO(record.instant, { zone });
		const year = local.isValid ? local.year : Number(record.instant.slice(0, 4));
		return { occurredAt: new Date(record.instant).toISOString(), year };
	}
	if (record.date) {
		return { occurredAt: `${record.date}T00:00:00.000Z`, year: Number(record.date.slice(0, 4)) };
	}
	if (record.recorded_at) {
		const recorded = new Date(record.recorded_at).toISOString();
		return { occurredAt: recorded, year: Number(recorded.slice(0, 4)) };
	}
	return UNDATED;
}

/**
 * The entries of records of one kind. An organisation reached through several links keeps the nearest
 * one (itself before a sub-organisation), and among equally near ones the weightiest role.
 */
export function dossierEntriesOf(
	recordType: DossierKind,
	records: DatedRecord[],
	links: RecordLink[],
	ancestries: Ancestry[]
): DossierEntryTable[] {
	const above = new Map<number, Ancestry[]>();
	for (const row of ancestries) {
		if (row.ancestor_id === null) continue;
		const list = above.get(row.organization_id) ?? [];
		list.push(row);
		above.set(row.organization_id, list);
	}
	const linksOf = new Map<number, RecordLink[]>();
	for (const link of links) {
		const list = linksOf.get(link.record_id) ?? [];
		list.push(link);
		linksOf.set(link.record_id, list);
	}
	const entries: DossierEntryTable[] = [];
	for (const record of records) {
		const { occurredAt, year } = placeInTime(record);
		const best = new Map<number, { depth: number; link: RecordLink }>();
		for (const link of linksOf.get(record.id) ?? []) {
			for (const { ancestor_id, depth } of above.get(link.organization_id) ?? []) {
				const held = best.get(ancestor_id!);
				const better =
					!held ||
					depth < held.depth ||
					(depth === held.depth && ROLE_WEIGHT[link.role] < ROLE_WEIGHT[held.link.role]);
				if (better) best.set(ancestor_id!, { depth, link });
			}
		}
		for (const [organizationId, { depth, link }] of best) {
			entries.push({
				organization_id: organizationId,
				record_type: recordType,
				record_id: record.id,
				occurred_at: occurredAt,
				year,
				direct: depth === 0 ? 1 : 0,
				via_organization_id: depth === 0 ? null : link.organization_id,
				role: link.role
			});
		}
	}
	return entries;
}
