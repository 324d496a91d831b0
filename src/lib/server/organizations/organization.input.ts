/**
 * Reading the organisations list's filters from a URL (anything unknown is dropped, never an error),
 * and the fields of the organisation form.
 */
import { m } from '../../paraglide/messages.js';
import { z } from 'zod';
import { organizationKinds } from '../../vocabulary';
import { oneOf, positiveId } from '../query-params';
import {
	emptyRecordForm,
	optional,
	plainText,
	readRecordForm,
	type RecordFormValues,
	webAddress
} from '../validation';
import type { OrganizationFilter } from './organization.repository';
import { versionFieldNames, versionSchemas } from '../content/content-versions.input';

export type OrganizationListQuery = OrganizationFilter;

export function parseOrganizationListQuery(params: URLSearchParams): OrganizationListQuery {
	return {
		kind: oneOf(organizationKinds.values, params.get('kind')),
		parentId: positiveId(params.get('parent'))
	};
}

/** The fields of the organisation form, as it names them. */
export const ORGANIZATION_FIELDS = [
	'name',
	...versionFieldNames('name'),
	'acronym',
	'kind',
	'countryCode',
	'parentId',
	'city',
	'website',
	'notes'
] as const;

export type OrganizationFormValues = RecordFormValues<(typeof ORGANIZATION_FIELDS)[number]>;

export function emptyOrganizationForm(): OrganizationFormValues {
	return emptyRecordForm(ORGANIZATION_FIELDS);
}

export function readOrganizationForm(data: FormData): OrganizationFormValues {
	return readRecordForm(data, ORGANIZATION_FIELDS);
}

const nameVersions = versionSchemas(300);

export const OrganizationInput = z.object({
	name: plainText(m.organizations_field_name, 300),
	nameLocale: nameVersions.locale,
	nameAz: nameVersions.az,
	nameEn: nameVersions.en,
	nameRu: nameVersions.ru,
	acronym: optional(plainText(m.organizations_field_acronym, 40)),
	kind: z.enum(organizationKinds.values, { error: () => m.organizations_error_choose_kind() }),
	countryCode: optional(
		z
			.string()
			.trim()
			.transform((value) => value.toUpperCase())
			.pipe(z.string().regex(/^[A-Z]{2}$/, { error: () => m.organizations_error_country() }))
	),
	parentId: optional(
		z
			.string()
			.regex(/^\d{1,9}$/, { error: () => m.organizations_error_choose_organization() })
			.transform(Number)
	),
	city: optional(plainText(m.organizations_field_city, 100)),
	website: optional(webAddress),
	notes: optional(plainText(m.organizations_field_notes, 2000, { multiline: true }))
});
export type OrganizationInput = z.infer<typeof OrganizationInput>;
