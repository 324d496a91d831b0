/** Reading the people list's filter from a URL, and the fields of a new person. */
import { z } from 'zod';
import { positiveId } from '../query-params';
import {
	emailAddress,
	emptyRecordForm,
	plainText,
	readRecordForm,
	type RecordFormValues
} from '../validation';
import type { PersonFilter } from './person.repository';

export type PersonListQuery = PersonFilter;

export function parsePersonListQuery(params: URLSearchParams): PersonListQuery {
	return { organizationId: positiveId(params.get('organization')) };
}

/** A text field that may be left empty: empty (or only spaces) is null, anything else must be plain text. */
function optionalText(label: string, max: number, options: { multiline?: boolean } = {}) {
	return z
		.string()
		.optional()
		.transform((value) => value?.trim() || undefined)
		.pipe(plainText(label, max, options).optional())
		.transform((value) => value ?? null);
}

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
	'organizationId',
	'email',
	'phone',
	'contactPublic',
	'notes'
] as const;

export const PersonCreateInput = z.object({
	honorific: optionalText('Honorific', 40),
	givenName: plainText('Given name', 100),
	familyName: plainText('Family name', 100),
	nativeName: optionalText('Name in own script', 200),
	rank: optionalText('Rank', 200),
	precedenceLevel: z
		.string()
		.optional()
		.transform((value) => value?.trim() || undefined)
		.pipe(
			z
				.string()
				.regex(/^\d{1,2}$/, 'Precedence level must be a whole number from 1 to 99.')
				.transform(Number)
				.pipe(z.number().min(1, 'Precedence level must be a whole number from 1 to 99.'))
				.optional()
		)
		.transform((value) => value ?? null),
	headsOrganization: checkbox,
	position: optionalText('Position', 300),
	organizationId: z
		.string()
		.optional()
		.transform((value) => value?.trim() || undefined)
		.pipe(
			z
				.string()
				.regex(/^\d{1,9}$/, 'Choose an organisation from the list.')
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
	phone: optionalText('Phone', 40).refine(
		(value) => value === null || /^\+?[0-9 ()./-]{4,}$/.test(value),
		'Enter a phone number of digits, spaces and + ( ) - . /, such as +994 12 000 00 00.'
	),
	contactPublic: checkbox,
	notes: optionalText('Notes', 2000, { multiline: true })
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
