/** Reading the organisations list's filters from a URL: anything unknown is dropped, never an error. */
import { organizationKinds } from '../../vocabulary';
import { oneOf, positiveId } from '../query-params';
import type { OrganizationFilter } from './organization.repository';

export type OrganizationListQuery = OrganizationFilter;

export function parseOrganizationListQuery(params: URLSearchParams): OrganizationListQuery {
	return {
		kind: oneOf(organizationKinds.values, params.get('kind')),
		parentId: positiveId(params.get('parent'))
	};
}
