/**
 * A person's current post (`person.position`) with its versions in other languages, as queries select
 * it: under `as`, with `<as>_locale`, `<as>_az`, `<as>_en` and `<as>_ru` beside it, for
 * `localizedOptionalColumn(row, as)`. Apart from the people repository so that any repository may
 * select it without importing that one.
 */
export function currentPostColumns<T extends string, A extends string>(table: T, as: A) {
	return [
		`${table}.position as ${as}`,
		`${table}.position_locale as ${as}_locale`,
		`${table}.position_az as ${as}_az`,
		`${table}.position_en as ${as}_en`,
		`${table}.position_ru as ${as}_ru`
	] as const;
}
