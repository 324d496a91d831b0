/** What the event form pages receive: the choices the form offers and a record as the form shows it. */
import { allDayDates, instantToZoned } from '../../format/datetime';
import type { ChoiceView } from '../choosers/chooser.view';
import type { ClashView } from '../clashes/clash.service';
import type { EventFormValues } from './event.input';

export interface EventFormOptions {
	/** The venues the form's values name (the choosers find the others). */
	venues: ChoiceView[];
	series: { id: number; name: string }[];
	/** The hosts and co-hosts the form's values name. */
	organizations: ChoiceView[];
	/** IANA zone names, UTC first. */
	timeZones: string[];
}

/** The columns of an event the form shows. */
export interface EventFormRow {
	kind: string;
	title: string;
	title_locale: string | null;
	title_az: string | null;
	title_en: string | null;
	title_ru: string | null;
	theme: string | null;
	description: string | null;
	start_at: string;
	end_at: string;
	time_zone: string;
	timing: string;
	venue_id: number | null;
	online_url: string | null;
	status: string;
	status_reason: string | null;
	series_id: number | null;
	is_public: number;
	all_day: number;
	version: number;
}

export function emptyEventForm(): EventFormValues {
	return {
		kind: 'bilateral_meeting',
		title: '',
		titleLocale: '',
		titleAz: '',
		titleEn: '',
		titleRu: '',
		theme: '',
		description: '',
		start: '',
		end: '',
		allDay: false,
		firstDay: '',
		lastDay: '',
		timeZone: '',
		timing: 'exact',
		venueId: '',
		newVenueName: '',
		newVenueAddress: '',
		newVenueCity: '',
		newVenueCountry: '',
		newVenueTimeZone: '',
		onlineUrl: '',
		status: 'planned',
		statusReason: '',
		seriesId: '',
		newSeriesName: '',
		isPublic: false,
		hosts: [],
		coHosts: [],
		version: ''
	};
}

/** An event as its form shows it: times in the event's own zone. */
export function toEventFormValues(
	row: EventFormRow,
	hosts: { organization_id: number; role: string }[]
): EventFormValues {
	// Both ways of saying when are filled, so that switching between them starts from the event's days.
	const days = allDayDates(row.start_at, row.end_at, row.time_zone);
	return {
		...emptyEventForm(),
		kind: row.kind,
		title: row.title,
		titleLocale: row.title_locale ?? '',
		titleAz: row.title_az ?? '',
		titleEn: row.title_en ?? '',
		titleRu: row.title_ru ?? '',
		theme: row.theme ?? '',
		description: row.description ?? '',
		start: instantToZoned(row.start_at, row.time_zone),
		end: instantToZoned(row.end_at, row.time_zone),
		allDay: row.all_day === 1,
		firstDay: days?.first ?? '',
		lastDay: days?.last ?? '',
		timeZone: row.time_zone,
		timing: row.timing,
		venueId: row.venue_id === null ? '' : String(row.venue_id),
		onlineUrl: row.online_url ?? '',
		status: row.status,
		statusReason: row.status_reason ?? '',
		seriesId: row.series_id === null ? '' : String(row.series_id),
		isPublic: row.is_public === 1,
		hosts: hosts.filter((h) => h.role === 'host').map((h) => String(h.organization_id)),
		coHosts: hosts.filter((h) => h.role === 'co_host').map((h) => String(h.organization_id)),
		version: String(row.version)
	};
}

/** The event being edited, as the edit page names it. */
export interface EventEditHeading {
	id: number;
	title: string;
	status: string;
	statusLabel: string;
	statusReason: string | null;
	version: number;
}

/** What a save answers: saved, or held back by clashes the officer has not yet chosen to accept. */
export type EventSaveOutcome =
	| { saved: true; eventId: number; clashesOverridden: number[] }
	| {
			saved: false;
			clashes: ClashView[];
			/** The event as it would have been, for the warning to show beside the clashing ones (`when`: `clashSpan`). */
			proposed: { startAt: string; endAt: string; timeZone: string; allDay: boolean; when: string };
	  };
