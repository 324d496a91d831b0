/** Reading the outcomes register's filters from a URL: anything unknown is dropped, never an error. */
import { outcomeKinds, outcomeStatuses } from '../../vocabulary';
import { oneOf, positiveId } from '../query-params';
import type { OutcomeFilter } from './outcome.repository';

export type OutcomeListQuery = OutcomeFilter;

export function parseOutcomeListQuery(params: URLSearchParams): OutcomeListQuery {
	return {
		status: oneOf(outcomeStatuses.values, params.get('status')),
		kind: oneOf(outcomeKinds.values, params.get('kind')),
		organizationId: positiveId(params.get('organization'))
	};
}
