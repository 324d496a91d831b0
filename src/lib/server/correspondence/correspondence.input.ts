/** Reading the correspondence register's filters from a URL: anything unknown is dropped, never an error. */
import { correspondenceKinds } from '../../vocabulary';
import { oneOf, positiveId } from '../query-params';
import type { CorrespondenceFilter } from './correspondence.repository';

export type CorrespondenceListQuery = CorrespondenceFilter;

export function parseCorrespondenceListQuery(params: URLSearchParams): CorrespondenceListQuery {
	return {
		kind: oneOf(correspondenceKinds.values, params.get('kind')),
		organizationId: positiveId(params.get('organization'))
	};
}
