/** What visit pages receive: the visit, its delegation, and its programme by day in the visit's zone. */
import { formatCalendarDate, formatDate, formatTime, instantToZoned } from '../../format/datetime';
import { formatOrganizationName, formatPersonName } from '../../format/names';
import { localizedOptionalColumn } from '../../i18n/localized-text';
import { m } from '../../paraglide/messages.js';
import {
	timingCertainties,
	visitItemKinds,
	visitKinds,
	type TimingCertainty,
	type VisitItemKind,
	type VisitKind
} from '../../vocabulary';
import type { VisitItemRow, VisitListRow, VisitMemberRow, VisitRow } from './visit.repository';

export interface VisitListItem {
	id: number;
	title: string;
	kind: VisitKind;
	kindLabel: string;
	/** "17 December 2021 – 19 December 2021", or one date. */
	dates: string;
	startsOn: string;
	datesAssumed: boolean;
	delegation: string | null;
	host: string | null;
}

export interface VisitView extends VisitListItem {
	timeZone: string;
	notes: string | null;
	version: number;
}

export interface MemberView {
	id: number;
	name: string;
	post: string | null;
	head: boolean;
}

export interface ItemView {
	id: number;
	kind: VisitItemKind;
	kindLabel: string;
	title: string;
	eventId: number | null;
	cancelled: boolean;
	startAt: string;
	endAt: string;
	timeZone: string;
	/** "10:00–11:30" in the visit's zone; its own zone's times beside when it differs. */
	time: string;
	localTime: string | null;
	assumed: string | null;
	place: string | null;
	/** Flight, greeter, vehicle, driver, destination: "Label: value" lines as fit its kind. */
	details: { label: string; value: string }[];
	notes: string | null;
	/** "Whole delegation", or the names it concerns. */
	concerns: string;
	forEveryone: boolean;
	personIds: number[];
	version: number;
}

export interface ProgrammeDay {
	/** YYYY-MM-DD in the visit's zone. */
	date: string;
	label: string;
	items: ItemView[];
}

const dates = (first: string, last: string) =>
	first === last ? formatCalendarDate(first) : `${formatCalendarDate(first)} – ${formatCalendarDate(last)}`;

export function toVisitListItem(row: VisitListRow): VisitListItem {
	return {
		id: row.id,
		title: row.title,
		kind: row.kind,
		kindLabel: visitKinds.labels[row.kind],
		dates: dates(row.starts_on, row.ends_on),
		startsOn: row.starts_on,
		datesAssumed: row.timing === 'date_assumed',
		delegation:
			row.organization_name !== null
				? formatOrganizationName({ name: row.organization_name, acronym: row.organization_acronym })
				: null,
		host:
			row.host_organization_name !== null
				? formatOrganizationName({ name: row.host_organization_name, acronym: row.host_organization_acronym })
				: null
	};
}

export function toVisitView(row: VisitRow): VisitView {
	return { ...toVisitListItem(row), timeZone: row.time_zone, notes: row.notes, version: row.version };
}

export function toMemberView(row: VisitMemberRow): MemberView {
	return {
		id: row.id,
		name: formatPersonName(row),
		post: localizedOptionalColumn(row, 'post')?.text ?? null,
		head: row.position === 0
	};
}

function detailsOf(row: VisitItemRow): { label: string; value: string }[] {
	const fields: [string, string | null][] = [
		[m.visits_detail_flight(), row.flight],
		[m.visits_field_greeted_by(), row.greeter],
		[m.visits_field_to(), row.destination],
		[m.visits_field_vehicle(), row.vehicle],
		[m.visits_field_driver(), row.driver]
	];
	return fields
		.filter((f): f is [string, string] => f[1] !== null)
		.map(([label, value]) => ({ label, value }));
}

export function toItemView(
	row: VisitItemRow,
	visitZone: string,
	namesOf: (itemId: number) => { ids: number[]; names: string[] }
): ItemView {
	const startAt = row.start_at!;
	const endAt = row.end_at!;
	const zone = row.time_zone!;
	const range = (tz: string) =>
		startAt === endAt ? formatTime(startAt, tz) : `${formatTime(startAt, tz)}–${formatTime(endAt, tz)}`;
	const named = namesOf(row.id);
	const timing = row.timing as TimingCertainty;
	return {
		id: row.id,
		kind: row.kind,
		kindLabel: visitItemKinds.labels[row.kind],
		title: row.title ?? '',
		eventId: row.event_id,
		cancelled: row.event_status === 'cancelled',
		startAt,
		endAt,
		timeZone: zone,
		time: range(visitZone),
		localTime: zone !== visitZone && range(zone) !== range(visitZone) ? `${range(zone)} ${zone}` : null,
		assumed: timing === 'exact' ? null : timingCertainties.labels[timing],
		place: row.place,
		details: detailsOf(row),
		notes: row.notes,
		concerns:
			row.event_id !== null
				? m.visits_concerns_meeting()
				: row.for_everyone === 1
					? m.visits_concerns_everyone()
					: named.names.join(', '),
		forEveryone: row.for_everyone === 1,
		personIds: named.ids,
		version: row.version
	};
}

/** Items grouped by their day in the visit's zone, days in order, each day's items in programme order. */
export function byDay(items: ItemView[], visitZone: string): ProgrammeDay[] {
	const days = new Map<string, ItemView[]>();
	for (const item of items) {
		const date = instantToZoned(item.startAt, visitZone).slice(0, 10);
		days.set(date, [...(days.get(date) ?? []), item]);
	}
	return [...days]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([date, dayItems]) => ({
			date,
			label: formatDate(dayItems[0]!.startAt, visitZone),
			items: dayItems
		}));
}
