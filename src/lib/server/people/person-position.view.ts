/** What the pages receive of a person's posts over time. */
import { formatCalendarDate } from '../../format/datetime';
import { m } from '../../paraglide/messages.js';
import { localizedColumn, type ContentLocale } from '../../i18n/localized-text';
import { organizationRef, type OrganizationRef } from '../organizations/organization.ref';
import type { PositionFormValues } from './person-position.input';
import type { PositionRow } from './person-position.repository';

export interface PositionView {
	id: number;
	/** In the reader's language, else as written; `positionLocale` set on that fallback. */
	position: string;
	positionLocale: ContentLocale | null;
	organization: OrganizationRef | null;
	rank: string | null;
	fromOn: string | null;
	toOn: string | null;
	/** "2 March 2017 – 30 September 2018", "since 1 October 2018", "dates not known". */
	period: string;
	notes: string | null;
	/** The post as its edit form shows it. */
	values: PositionFormValues;
}

export function periodOf(fromOn: string | null, toOn: string | null): string {
	if (fromOn && toOn) return `${formatCalendarDate(fromOn)} – ${formatCalendarDate(toOn)}`;
	if (fromOn) return m.positions_period_since({ date: formatCalendarDate(fromOn) });
	if (toOn) return m.positions_period_until({ date: formatCalendarDate(toOn) });
	return m.positions_period_unknown();
}

export function toPositionFormValues(row: {
	position: string;
	position_locale: string | null;
	position_az: string | null;
	position_en: string | null;
	position_ru: string | null;
	organization_id: number | null;
	rank: string | null;
	from_on: string | null;
	to_on: string | null;
	notes: string | null;
	version: number;
}): PositionFormValues {
	return {
		position: row.position,
		positionLocale: row.position_locale ?? '',
		positionAz: row.position_az ?? '',
		positionEn: row.position_en ?? '',
		positionRu: row.position_ru ?? '',
		organizationId: row.organization_id === null ? '' : String(row.organization_id),
		rank: row.rank ?? '',
		fromOn: row.from_on ?? '',
		toOn: row.to_on ?? '',
		notes: row.notes ?? '',
		version: String(row.version)
	};
}

/** Latest first: a post still held (or of unknown end) before one that ended, then by first day. */
function latestFirst(a: PositionRow, b: PositionRow): number {
	const end = (row: PositionRow) => row.to_on ?? '9999-12-31';
	const start = (row: PositionRow) => row.from_on ?? '0000-01-01';
	return end(b).localeCompare(end(a)) || start(b).localeCompare(start(a)) || b.id - a.id;
}

function localizedPosition(row: PositionRow) {
	const { text, fallbackLocale } = localizedColumn(row, 'position');
	return { position: text, positionLocale: fallbackLocale };
}

export function toPositionViews(rows: readonly PositionRow[]): PositionView[] {
	return [...rows].sort(latestFirst).map((row) => ({
		id: row.id,
		...localizedPosition(row),
		organization: organizationRef(row.organization_id, row.organization_name, row.organization_acronym),
		rank: row.rank,
		fromOn: row.from_on,
		toOn: row.to_on,
		period: periodOf(row.from_on, row.to_on),
		notes: row.notes,
		values: toPositionFormValues(row)
	}));
}
