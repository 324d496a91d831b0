/** Reading the events list's filters from a URL: anything unknown is dropped, never an error. */
import { eventKinds, eventStatuses, type EventKind, type EventStatus } from '../../vocabulary';

export interface EventListQuery {
	when: 'upcoming' | 'past';
	kind?: EventKind;
	status?: EventStatus;
	organizationId?: number;
	personId?: number;
	seriesId?: number;
}

function positiveId(value: string | null): number | undefined {
	return value && /^[1-9]\d{0,9}$/.test(value) && Number(value) <= 2_147_483_647 ? Number(value) : undefined;
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
	return values.find((v) => v === value);
}

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
