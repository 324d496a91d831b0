/** Reading the events list's filters from a URL: anything unknown is dropped, never an error. */
import { eventKinds, eventStatuses } from '../../vocabulary';
import { oneOf, positiveId } from '../query-params';
import type { EventFilter } from './event.repository';

/** The filters a URL can set: everything but the moment that divides upcoming from past. */
export type EventListQuery = Omit<EventFilter, 'now'>;

export function parseEventListQuery(params: URLSearchParams): EventListQuery {
	return {
		when: params.get('when') === 'past' ? 'past' : 'upcoming',
		kind: oneOf(eventKinds.values, params.get('kind')),
		status: oneOf(eventStatuses.values, params.get('status')),
		organizationId: positiveId(params.get('organization')),
		personId: positiveId(params.get('person')),
		seriesId: positiveId(params.get('series'))
	};
}
