/** What a person types about a venue, and the rules for IANA zone names. */
import { z } from 'zod';
import { isTimeZone } from '../../format/datetime';
import { emptyRecordForm, optional, plainText, readRecordForm, type RecordFormValues } from '../validation';

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

export const ianaTimeZone = (label: string) =>
	z
		.string({ error: `${label} is required.` })
		.trim()
		.min(1, `${label} is required.`)
		.refine(isIanaTimeZone, 'Choose a time zone from the list (an IANA name such as Asia/Baku).');

/** ISO 3166-1 alpha-2, as the database's CHECK wants it: two letters, stored upper-case. */
export const countryCode = z
	.string({ error: 'Country is required.' })
	.trim()
	.toUpperCase()
	.regex(/^[A-Z]{2}$/, 'Enter the two-letter country code, such as AZ or CH.');

export const VenueCreateInput = z.object({
	name: plainText('Venue name', 200),
	address: plainText('Address', 500).optional(),
	city: plainText('City', 100),
	countryCode,
	timeZone: ianaTimeZone('Venue time zone')
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
	name: plainText('Name', 200),
	address: optional(plainText('Address', 500)),
	city: plainText('City', 100),
	countryCode,
	timeZone: ianaTimeZone('Time zone'),
	notes: optional(plainText('Notes', 2000, { multiline: true }))
});
export type VenueInput = z.infer<typeof VenueInput>;
