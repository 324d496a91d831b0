/**
 * Reading the events list's filters from a URL (anything unknown is dropped, never an error), and the
 * event form (anything wrong is named beside its field).
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { eventKinds, eventStatuses, timingCertainties } from '../../vocabulary';
import { oneOf, positiveId } from '../query-params';
import { m } from '../../paraglide/messages.js';
import { getLocale } from '../../paraglide/runtime.js';
import { formFields, labelText, optional, plainText, webAddress, type FieldLabel } from '../validation';
import { ianaTimeZone, VenueCreateInput } from '../venues/venue.input';
import { versionFieldNames, versionSchemas } from '../content/content-versions.input';
import type { EventFilter } from './event.repository';

/** The filters a URL can set: everything but the moment that divides upcoming from past. */
export type EventListQuery = Omit<EventFilter, 'now'>;

export function parseEventListQuery(params: URLSearchParams): EventListQuery {
	return {
		when: params.get('when') === 'past' ? 'past' : 'upcoming',
		kind: oneOf(eventKinds.values, params.get('kind')),
		status: oneOf(eventStatuses.values, params.get('status')),
		organizationId: positiveId(params.get('organization')),
		personId: positiveId(params.get('person')),
		seriesId: positiveId(params.get('series'))
	};
}

/** What the event form sends, as typed: every value a string, so that a refused form comes back whole. */
export interface EventFormValues {
	kind: string;
	title: string;
	/** The title's language and its versions in other languages (content versions, issue 18 §2). */
	titleLocale: string;
	titleAz: string;
	titleEn: string;
	titleRu: string;
	theme: string;
	description: string;
	/** Wall-clock date and time ("2022-12-16T10:00") in the zone below. */
	start: string;
	end: string;
	/** Whole days from firstDay to lastDay (YYYY-MM-DD, in the zone below) instead of start and end. */
	allDay: boolean;
	firstDay: string;
	lastDay: string;
	/** An IANA zone, or '' for the venue's own zone. */
	timeZone: string;
	timing: string;
	/** A venue id, '' for none (online only), or 'new' for the venue described by the newVenue… fields. */
	venueId: string;
	newVenueName: string;
	newVenueAddress: string;
	newVenueCity: string;
	newVenueCountry: string;
	newVenueTimeZone: string;
	onlineUrl: string;
	status: string;
	statusReason: string;
	/** A series id, '' for none, or 'new' for a series named in newSeriesName. */
	seriesId: string;
	newSeriesName: string;
	isPublic: boolean;
	/** Organisation ids in the order they are named; '' for an unused slot. */
	hosts: string[];
	coHosts: string[];
	/** The version of the record the form was filled from; '' for a new event. */
	version: string;
}

const TEXT_FIELDS = [
	'kind',
	'title',
	...versionFieldNames('title'),
	'theme',
	'description',
	'start',
	'end',
	'firstDay',
	'lastDay',
	'timeZone',
	'timing',
	'venueId',
	'newVenueName',
	'newVenueAddress',
	'newVenueCity',
	'newVenueCountry',
	'newVenueTimeZone',
	'onlineUrl',
	'status',
	'statusReason',
	'seriesId',
	'newSeriesName',
	'version'
] as const;

/** The most organisations a form may name as hosts, and as co-hosts. */
export const MAX_HOSTS = 20;

const strings = (values: FormDataEntryValue[]) =>
	values.filter((v): v is string => typeof v === 'string').slice(0, MAX_HOSTS + 1);

/** The event form's values as typed, and whether the officer chose "Save anyway" over clashes. */
export function readEventForm(data: FormData): { values: EventFormValues; overrideClashes: boolean } {
	const fields = formFields(data, TEXT_FIELDS);
	const text = Object.fromEntries(TEXT_FIELDS.map((name) => [name, fields[name] ?? ''])) as Record<
		(typeof TEXT_FIELDS)[number],
		string
	>;
	return {
		values: {
			...text,
			isPublic: data.get('isPublic') === 'on',
			allDay: data.get('allDay') === 'on',
			hosts: strings(data.getAll('host')),
			coHosts: strings(data.getAll('coHost'))
		},
		overrideClashes: data.get('overrideClashes') === '1'
	};
}

// The English messages name the field in lower case mid-sentence ("Enter the start as a date and a time.").
const fieldInSentence = (label: FieldLabel) => {
	const text = labelText(label);
	return getLocale() === 'en' ? text.toLowerCase() : text;
};

/** A wall-clock date and time as a datetime-local field posts it ("2026-12-14T09:00"), and one that exists. */
export const localDateTime = (label: FieldLabel) =>
	z
		.string()
		.trim()
		.min(1, { error: () => m.validation_required({ label: labelText(label) }) })
		.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, {
			error: () => m.events_error_date_time({ field: fieldInSentence(label) })
		})
		.refine((value) => DateTime.fromISO(value, { zone: 'utc' }).isValid, {
			error: () => m.events_error_no_such_time()
		});

const calendarDay = (label: FieldLabel) =>
	z
		.string()
		.trim()
		.min(1, { error: () => m.validation_required({ label: labelText(label) }) })
		.regex(/^\d{4}-\d{2}-\d{2}$/, { error: () => m.events_error_date({ field: fieldInSentence(label) }) })
		.refine((value) => DateTime.fromISO(value, { zone: 'utc' }).isValid, {
			error: () => m.validation_no_such_date()
		});

/** The most days one all-day event may take: a session of several weeks is still one event. */
export const MAX_ALL_DAY_DAYS = 366;

const idOrChoice = <C extends string>(choices: readonly C[], message: () => string) =>
	z
		.string()
		.trim()
		.refine((value) => (choices as readonly string[]).includes(value) || /^[1-9]\d{0,8}$/.test(value), {
			error: message
		})
		.transform((value) => ((choices as readonly string[]).includes(value) ? (value as C) : Number(value)));

const organizationIds = () =>
	z
		.array(z.string())
		.transform((ids) => ids.map((id) => id.trim()).filter((id) => id !== ''))
		.refine((ids) => ids.length <= MAX_HOSTS, {
			error: () => m.events_error_too_many_hosts({ max: MAX_HOSTS })
		})
		.refine((ids) => ids.every((id) => /^[1-9]\d{0,8}$/.test(id)), {
			error: () => m.events_error_choose_hosts()
		})
		.transform((ids) => ids.map(Number))
		.refine((ids) => new Set(ids).size === ids.length, { error: () => m.events_error_host_once() });

/** Where the event is held: a venue on record, one described in the form, or none (online only). */
export type VenueChoice =
	{ kind: 'none' } | { kind: 'existing'; id: number } | { kind: 'new'; venue: VenueCreateInput };

export type SeriesChoice =
	{ kind: 'none' } | { kind: 'existing'; id: number } | { kind: 'new'; name: string };

const titleVersions = versionSchemas(300);

const EventFormShape = z.object({
	kind: z.enum(eventKinds.values, { error: () => m.events_error_choose_kind() }),
	title: plainText(m.events_field_title, 300),
	titleLocale: titleVersions.locale,
	titleAz: titleVersions.az,
	titleEn: titleVersions.en,
	titleRu: titleVersions.ru,
	theme: optional(plainText(m.events_field_theme, 300)),
	description: optional(plainText(m.events_field_description, 10_000, { multiline: true })),
	start: z.string(),
	end: z.string(),
	allDay: z.boolean(),
	firstDay: z.string(),
	lastDay: z.string(),
	timeZone: optional(ianaTimeZone('Time zone')),
	timing: z.enum(timingCertainties.values, { error: () => m.events_error_choose_timing() }),
	venueId: idOrChoice(['', 'new'] as const, () => m.events_error_choose_venue()),
	newVenueName: z.string(),
	newVenueAddress: z.string(),
	newVenueCity: z.string(),
	newVenueCountry: z.string(),
	newVenueTimeZone: z.string(),
	onlineUrl: optional(webAddress),
	status: z.enum(eventStatuses.values, { error: () => m.events_error_choose_status() }),
	statusReason: optional(plainText(m.events_field_reason, 2000, { multiline: true })),
	seriesId: idOrChoice(['', 'new'] as const, () => m.events_error_choose_series()),
	newSeriesName: z.string(),
	isPublic: z.boolean(),
	hosts: organizationIds(),
	coHosts: organizationIds()
});

const NEW_VENUE_FIELDS = {
	name: 'newVenueName',
	address: 'newVenueAddress',
	city: 'newVenueCity',
	countryCode: 'newVenueCountry',
	timeZone: 'newVenueTimeZone'
} as const;

/**
 * The event form, checked field by field, then across fields: a venue or an online link; a new venue
 * described in full; a reason for a postponement or cancellation. Times stay wall-clock readings here:
 * which zone they are in may depend on the venue, which only the service can look up.
 */
export const EventFormInput = EventFormShape.superRefine((form, ctx) => void readTimes(form, ctx.addIssue), {
	// The times are named beside their fields even when another field is wrong too.
	when: (payload) => typeof payload.value === 'object' && payload.value !== null
}).transform((form, ctx) => {
	// Checked above: any issue with them has stopped the parse before this point.
	const times = readTimes(form, () => {});
	let venue: VenueChoice = { kind: 'none' };
	const describesVenue = [
		form.newVenueName,
		form.newVenueAddress,
		form.newVenueCity,
		form.newVenueCountry,
		form.newVenueTimeZone
	].some((value) => value.trim() !== '');
	if (typeof form.venueId === 'number' && describesVenue) {
		ctx.addIssue({
			code: 'custom',
			message: m.events_error_clear_new_venue(),
			path: ['newVenueName']
		});
	}
	if (form.venueId === 'new' || (form.venueId === '' && describesVenue)) {
		const parsed = VenueCreateInput.safeParse({
			name: form.newVenueName,
			address: form.newVenueAddress.trim() === '' ? undefined : form.newVenueAddress,
			city: form.newVenueCity,
			countryCode: form.newVenueCountry,
			timeZone: form.newVenueTimeZone
		});
		if (parsed.success) venue = { kind: 'new', venue: parsed.data };
		for (const issue of parsed.error?.issues ?? []) {
			const field = NEW_VENUE_FIELDS[issue.path[0] as keyof typeof NEW_VENUE_FIELDS];
			ctx.addIssue({ code: 'custom', message: issue.message, path: [field] });
		}
	} else if (typeof form.venueId === 'number') {
		venue = { kind: 'existing', id: form.venueId };
	} else if (form.onlineUrl === null) {
		const message = m.events_error_venue_or_link();
		ctx.addIssue({ code: 'custom', message, path: ['venueId'] });
		ctx.addIssue({ code: 'custom', message, path: ['onlineUrl'] });
	}
	if (form.venueId === '' && !describesVenue && form.timeZone === null) {
		ctx.addIssue({
			code: 'custom',
			message: m.events_error_time_zone_needed(),
			path: ['timeZone']
		});
	}
	let series: SeriesChoice = { kind: 'none' };
	const namesSeries = form.newSeriesName.trim() !== '';
	if (typeof form.seriesId === 'number' && namesSeries) {
		ctx.addIssue({
			code: 'custom',
			message: m.events_error_clear_new_series(),
			path: ['newSeriesName']
		});
	}
	if (form.seriesId === 'new' || (form.seriesId === '' && namesSeries)) {
		const parsed = plainText(m.events_field_series_name, 200).safeParse(form.newSeriesName);
		if (parsed.success) series = { kind: 'new', name: parsed.data };
		else ctx.addIssue({ code: 'custom', message: parsed.error.issues[0]!.message, path: ['newSeriesName'] });
	} else if (typeof form.seriesId === 'number') {
		series = { kind: 'existing', id: form.seriesId };
	}
	if ((form.status === 'postponed' || form.status === 'cancelled') && form.statusReason === null) {
		ctx.addIssue({
			code: 'custom',
			message:
				form.status === 'postponed' ? m.events_error_reason_postponed() : m.events_error_reason_cancelled(),
			path: ['statusReason']
		});
	}
	const both = form.hosts.filter((id) => form.coHosts.includes(id));
	if (both.length > 0) {
		ctx.addIssue({
			code: 'custom',
			message: m.events_error_host_and_co_host(),
			path: ['coHosts']
		});
	}
	return {
		kind: form.kind,
		title: form.title,
		titleVersions: { locale: form.titleLocale, az: form.titleAz, en: form.titleEn, ru: form.titleRu },
		theme: form.theme,
		description: form.description,
		start: times.start,
		end: times.end,
		allDay: form.allDay,
		timeZone: form.timeZone,
		timing: form.timing,
		venue,
		onlineUrl: form.onlineUrl,
		status: form.status,
		// A reason belongs to a postponement or cancellation only.
		statusReason: form.status === 'postponed' || form.status === 'cancelled' ? form.statusReason : null,
		series,
		isPublic: form.isPublic,
		hosts: form.hosts,
		coHosts: form.coHosts
	};
});
export type EventInput = z.output<typeof EventFormInput>;

/**
 * Start and end as wall-clock readings in the event's zone. An all-day event runs from midnight of its
 * first day to midnight after its last (end exclusive); only the fields of the kind chosen are read.
 */
function readTimes(
	form: { start: string; end: string; allDay: boolean; firstDay: string; lastDay: string },
	addIssue: (issue: { code: 'custom'; message: string; path: string[] }) => void
): { start: string; end: string } {
	const read = (schema: z.ZodType<string>, value: string, path: string) => {
		const parsed = schema.safeParse(value);
		if (parsed.success) return parsed.data;
		addIssue({ code: 'custom', message: parsed.error.issues[0]!.message, path: [path] });
		return null;
	};
	if (!form.allDay) {
		const start = read(localDateTime(m.events_field_start), form.start, 'start');
		const end = read(localDateTime(m.events_field_end), form.end, 'end');
		return { start: start ?? '', end: end ?? '' };
	}
	const first = read(calendarDay(m.events_field_first_day), form.firstDay, 'firstDay');
	const last = read(calendarDay(m.events_field_last_day), form.lastDay, 'lastDay');
	if (first && last) {
		const days = DateTime.fromISO(last, { zone: 'utc' }).diff(
			DateTime.fromISO(first, { zone: 'utc' }),
			'days'
		).days;
		if (days < 0) {
			addIssue({
				code: 'custom',
				message: m.events_error_last_before_first(),
				path: ['lastDay']
			});
		} else if (days >= MAX_ALL_DAY_DAYS) {
			addIssue({
				code: 'custom',
				message: m.events_error_too_many_days({ max: MAX_ALL_DAY_DAYS }),
				path: ['lastDay']
			});
		}
	}
	return {
		start: first ? `${first}T00:00` : '',
		end: last ? `${DateTime.fromISO(last, { zone: 'utc' }).plus({ days: 1 }).toISODate()}T00:00` : ''
	};
}

/** The version a form was filled from, or null when it names none a save could check against. */
export function formVersion(value: string): number | null {
	return /^[1-9]\d{0,8}$/.test(value.trim()) ? Number(value.trim()) : null;
}

export const EventStatusChangeInput = z.object({
	reason: plainText('Reason', 2000, { multiline: true })
});

export const EventDeleteInput = z.object({
	confirm: z.literal('on', { error: 'Tick the box to confirm that the event is to be deleted.' })
});
