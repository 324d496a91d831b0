/** What a person types about a venue, and the rules for IANA zone names. */
import { m } from '../../paraglide/messages.js';
import { z } from 'zod';
import { isTimeZone } from '../../format/datetime';
import {
	emptyRecordForm,
	labelText,
	optional,
	plainText,
	readRecordForm,
	type FieldLabel,
	type RecordFormValues
} from '../validation';

/**
 * The IANA zones offered in forms: the platform's list, with UTC, which the list leaves out. Older
 * names the list no longer carries (Europe/Kiev) are still accepted where a record already uses them.
 */
export function timeZoneNames(): string[] {
	return ['UTC', ...Intl.supportedValuesOf('timeZone')];
}

/** An IANA zone name ("Asia/Baku", "UTC"): not a fixed offset such as "UTC+4", nor a made-up area. */
export function isIanaTimeZone(name: string): boolean {
	if (name !== 'UTC' && !/^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/.test(name)) return false;
	return isTimeZone(name);
}

export const ianaTimeZone = (label: FieldLabel) => {
	const required = () => m.validation_required({ label: labelText(label) });
	return z
		.string({ error: required })
		.trim()
		.min(1, { error: required })
		.refine(isIanaTimeZone, { error: () => m.venues_error_time_zone() });
};

/** ISO 3166-1 alpha-2, as the database's CHECK wants it: two letters, stored upper-case. */
export const countryCode = z
	.string({ error: () => m.validation_required({ label: m.venues_field_country() }) })
	.trim()
	.toUpperCase()
	.regex(/^[A-Z]{2}$/, { error: () => m.venues_error_country() });

export const VenueCreateInput = z.object({
	name: plainText(m.venues_field_venue_name, 200),
	address: plainText(m.venues_field_address, 500).optional(),
	city: plainText(m.venues_field_city, 100),
	countryCode,
	timeZone: ianaTimeZone(m.venues_field_venue_time_zone)
});
export type VenueCreateInput = z.infer<typeof VenueCreateInput>;

/** The fields of the venue form, as it names them. */
export const VENUE_FIELDS = ['name', 'address', 'city', 'countryCode', 'timeZone', 'notes'] as const;

export type VenueFormValues = RecordFormValues<(typeof VENUE_FIELDS)[number]>;

export function emptyVenueForm(): VenueFormValues {
	return emptyRecordForm(VENUE_FIELDS);
}

export function readVenueForm(data: FormData): VenueFormValues {
	return readRecordForm(data, VENUE_FIELDS);
}

export const VenueInput = z.object({
	name: plainText(m.venues_field_name, 200),
	address: optional(plainText(m.venues_field_address, 500)),
	city: plainText(m.venues_field_city, 100),
	countryCode,
	timeZone: ianaTimeZone(m.venues_field_time_zone),
	notes: optional(plainText(m.venues_field_notes, 2000, { multiline: true }))
});
export type VenueInput = z.infer<typeof VenueInput>;
