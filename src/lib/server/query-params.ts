/**
 * Reading list filters from a URL's query. Anyone can edit a URL: a value that does not fit is dropped
 * (undefined), never an error. Each domain's `<entity>.input.ts` builds its list query from these.
 */
import { match as isId } from '../../params/id';

/** The value when it is one of `values` (a closed vocabulary), otherwise undefined. */
export function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
	return values.find((v) => v === value);
}

/** A positive integer id that fits the database's integer columns, otherwise undefined. */
export function positiveId(value: string | null): number | undefined {
	return value !== null && isId(value) ? Number(value) : undefined;
}
