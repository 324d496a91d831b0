import { formatShortDateTime } from '../../format/datetime';
import type { Page } from '../pagination';
import type { listAuditEntries } from './audit.repository';

export interface AuditChange {
	field: string;
	before: string | null;
	after: string | null;
}

export interface AuditEntryView {
	id: number;
	at: string;
	actor: string;
	actorUserId: number | null;
	clientAddress: string | null;
	action: string;
	entityType: string;
	entityId: number | null;
	eventId: number | null;
	/** Field by field, what the write changed (or recorded). */
	changes: AuditChange[];
}

function parse(json: string | null): Record<string, unknown> {
	if (!json) return {};
	try {
		const value: unknown = JSON.parse(json);
		return value && typeof value === 'object' && !Array.isArray(value)
			? (value as Record<string, unknown>)
			: { value };
	} catch {
		return { value: json };
	}
}

const show = (value: unknown): string | null =>
	value === undefined || value === null ? null : typeof value === 'string' ? value : JSON.stringify(value);

export function toAuditEntryView(row: Awaited<ReturnType<typeof listAuditEntries>>[number]): AuditEntryView {
	const before = parse(row.before_json);
	const after = parse(row.after_json);
	const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
	return {
		id: row.id,
		at: row.at,
		actor: row.actor_label,
		actorUserId: row.actor_user_id,
		clientAddress: row.client_address,
		action: row.action,
		entityType: row.entity_type,
		entityId: row.entity_id,
		eventId: row.event_id,
		changes: fields
			.map((field) => ({ field, before: show(before[field]), after: show(after[field]) }))
			.filter((change) => change.before !== change.after)
	};
}

/** An entry with its time written in one zone ("17 Dec 2021 10:00"), for AuditTable. */
export type DatedAuditEntry = AuditEntryView & { when: string };

/**
 * The entries' times written in `timeZone` (an event's own, or UTC for the whole trail) by the load,
 * so that the table formats no dates.
 */
export function datedEntries(entries: Page<AuditEntryView>, timeZone: string): Page<DatedAuditEntry> {
	return {
		...entries,
		items: entries.items.map((entry) => ({ ...entry, when: formatShortDateTime(entry.at, timeZone) }))
	};
}
