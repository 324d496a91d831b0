import { localizedOptionalColumn } from '../../i18n/localized-text';

/**
 * An organisation as other records name it: id, name and acronym. The columns that select it under a
 * prefix (`sender_id`, `sender_name`, `sender_acronym`), and the reference views build from them.
 */

export interface OrganizationRef {
	id: number;
	name: string;
	acronym: string | null;
}

/**
 * The id, name and acronym of the organisation joined as `table`, selected as `<prefix>_id`,
 * `<prefix>_name` and `<prefix>_acronym`.
 */
export function organizationRefColumns<T extends string, P extends string>(table: T, prefix: P) {
	return [
		`${table}.id as ${prefix}_id`,
		`${table}.name as ${prefix}_name`,
		`${table}.acronym as ${prefix}_acronym`
	] as const;
}

/**
 * The versions of the name of the organisation joined as `table` in other languages (issue 18 §2),
 * selected as `<prefix>_name_locale`, `<prefix>_name_az`, `<prefix>_name_en` and `<prefix>_name_ru`, for
 * `localizedOrganizationName`.
 */
export function organizationNameVersionColumns<T extends string, P extends string>(table: T, prefix: P) {
	return [
		`${table}.name_locale as ${prefix}_name_locale`,
		`${table}.name_az as ${prefix}_name_az`,
		`${table}.name_en as ${prefix}_name_en`,
		`${table}.name_ru as ${prefix}_name_ru`
	] as const;
}

/**
 * The name selected as `<prefix>_name` in the reader's language (the language of the column being
 * printed, inside `inLocale`), else as written; null when the row names no organisation. Where the name
 * is set inside a longer text ("Minister, Ministry of Foreign Affairs"), no language tag can follow it.
 */
export function localizedOrganizationName(row: object, prefix: string): string | null {
	return localizedOptionalColumn(row, `${prefix}_name`)?.text ?? null;
}

/** The reference, or null when the row names no organisation (an outer join that found none). */
export function organizationRef(
	id: number | null,
	name: string | null,
	acronym: string | null
): OrganizationRef | null {
	return id !== null && name !== null ? { id, name, acronym } : null;
}

/** Organisations several records name at once (their parties, their partners), by the record's id. */
export function organizationRefsBy<Row extends OrganizationRef>(
	rows: Row[],
	recordOf: (row: Row) => number
): Map<number, OrganizationRef[]> {
	const named = new Map<number, OrganizationRef[]>();
	for (const row of rows) {
		const list = named.get(recordOf(row)) ?? [];
		list.push({ id: row.id, name: row.name, acronym: row.acronym });
		named.set(recordOf(row), list);
	}
	return named;
}
