/** Reading the people list's filter from a URL: anything unknown is dropped, never an error. */
import { positiveId } from '../query-params';
import type { PersonFilter } from './person.repository';

export type PersonListQuery = PersonFilter;

export function parsePersonListQuery(params: URLSearchParams): PersonListQuery {
	return { organizationId: positiveId(params.get('organization')) };
}
