/** Reading the people list's filter from a URL, and the fields of a new person. */
import { z } from 'zod';
import { interfaceLocales } from '../../locales';
import { m } from '../../paraglide/messages.js';
import { positiveId } from '../query-params';
import {
	emailAddress,
	emptyRecordForm,
	type FieldLabel,
	plainText,
	readRecordForm,
	type RecordFormValues
} from '../validation';
import { versionFieldNames, versionSchemas } from '../content/content-versions.input';
import type { PersonFilter } from './person.repository';

export type PersonListQuery = PersonFilter;

export function parsePersonListQuery(params: URLSearchParams): PersonListQuery {
	return { organizationId: positiveId(params.get('organization')) };
}

/** A text field that may be left empty: empty (or only spaces) is null, anything else must be plain text. */
function optionalText(label: FieldLabel, max: number, options: { multiline?: boolean } = {}) {
	return z
		.string()
		.optional()
		.transform((value) => value?.trim() || undefined)
		.pipe(plainText(label, max, options).optional())
		.transform((value) => value ?? null);
}

const positionVersions = versionSchemas(300);

const checkbox = z
	.string()
	.optional()
	.transform((value) => value === 'on' || value === '1' || value === 'true');

/** The fields of a new person, as the form names them (and the CSV import fills them). */
export const PERSON_FIELDS = [
	'honorific',
	'givenName',
	'familyName',
	'nativeName',
	'rank',
	'precedenceLevel',
	'headsOrganization',
	'position',
	...versionFieldNames('position'),
	'organizationId',
	'email',
	'phone',
	'contactPublic',
	'preferredLocale',
	'notes'
] as const;

export const PersonCreateInput = z.object({
	honorific: optionalText(m.person_field_honorific, 40),
	givenName: plainText(m.person_field_given_name, 100),
	familyName: plainText(m.person_field_family_name, 100),
	nativeName: optionalText(m.person_field_native_name, 200),
	rank: optionalText(m.person_field_rank, 200),
	precedenceLevel: z
		.string()
		.optional()
		.transform((value) => value?.trim() || undefined)
		.pipe(
			z
				.string()
				.regex(/^\d{1,2}$/, { error: () => m.person_precedence_level_invalid() })
				.transform(Number)
				.pipe(z.number().min(1, { error: () => m.person_precedence_level_invalid() }))
				.optional()
		)
		.transform((value) => value ?? null),
	headsOrganization: checkbox,
	position: optionalText(m.person_field_position, 300),
	// The current post's language and its versions in other languages (content versions, issue 18 §2).
	positionLocale: positionVersions.locale,
	positionAz: positionVersions.az,
	positionEn: positionVersions.en,
	positionRu: positionVersions.ru,
	organizationId: z
		.string()
		.optional()
		.transform((value) => value?.trim() || undefined)
		.pipe(
			z
				.string()
				.regex(/^\d{1,9}$/, { error: () => m.person_organization_invalid() })
				.transform(Number)
				.optional()
		)
		.transform((value) => value ?? null),
	email: z
		.string()
		.optional()
		.transform((value) => value?.trim() || undefined)
		.pipe(emailAddress.optional())
		.transform((value) => value ?? null),
	phone: optionalText(m.person_field_phone, 40).refine(
		(value) => value === null || /^\+?[0-9 ()./-]{4,}$/.test(value),
		{ error: () => m.person_phone_invalid() }
	),
	contactPublic: checkbox,
	// Empty: the office's default language (DEFAULT_LOCALE) when something is sent to them.
	preferredLocale: z
		.string()
		.optional()
		.transform((value) => value?.trim() || undefined)
		.pipe(z.enum(interfaceLocales.values, { error: () => m.person_preferred_locale_invalid() }).optional())
		.transform((value) => value ?? null),
	notes: optionalText(m.person_field_notes, 2000, { multiline: true })
});
export type PersonCreateInput = z.infer<typeof PersonCreateInput>;

/**
 * The answer to "already in the directory?": `someoneElse` is posted by the button that adds the person
 * although someone in the directory has the same name or e-mail address.
 */
export const PersonDuplicateChoice = z.object({ someoneElse: checkbox });

/** Whether the form said the person is someone else than the likely matches shown. */
export function readSomeoneElse(data: FormData): boolean {
	const value = data.get('someoneElse');
	return PersonDuplicateChoice.parse({ someoneElse: typeof value === 'string' ? value : undefined })
		.someoneElse;
}

/** The person form as typed: every field a string, as it goes back into the form. */
export type PersonFormValues = RecordFormValues<(typeof PERSON_FIELDS)[number]>;

export function emptyPersonForm(): PersonFormValues {
	return emptyRecordForm(PERSON_FIELDS);
}

/** What the form posted, every field kept as typed (a missing one empty). */
export function readPersonForm(data: FormData): PersonFormValues {
	return readRecordForm(data, PERSON_FIELDS);
}
