/**
 * Every endpoint of the read API, described once: its path, its query and its answer. The routes answer
 * through these (`api.http.ts`) and the OpenAPI document lists them (`api.openapi.ts`), so the two
 * cannot tell different stories.
 */
import type { z } from 'zod';
import type { CursorPart } from '../pagination';
import {
	CorrespondenceDetail,
	CorrespondenceListItem,
	CorrespondenceListQuery,
	EventDetail,
	EventListItem,
	EventListQuery,
	NoQuery,
	OrganizationDetail,
	OrganizationListItem,
	OrganizationListQuery,
	Outcome,
	OutcomeListQuery,
	pageOf,
	PersonDetail,
	PersonListItem,
	PersonListQuery,
	ProjectDetail,
	ProjectListItem,
	ProjectListQuery
} from './api.schemas';

interface EndpointBase<Q extends z.ZodType> {
	/** As the OpenAPI document names it, under /api/v1, with {name} for a path parameter. */
	path: string;
	operationId: string;
	summary: string;
	query: Q;
}

export interface ListEndpoint<Q extends z.ZodType, I extends z.ZodType> extends EndpointBase<Q> {
	kind: 'list';
	item: I;
	response: z.ZodType;
	/** The parts of the list's sort key, which its cursor holds. */
	cursor: readonly CursorPart[];
}

export interface RecordEndpoint<Q extends z.ZodType, R extends z.ZodType> extends EndpointBase<Q> {
	kind: 'record';
	response: R;
	/** The path parameter naming the record. */
	idParameter: string;
}

export type Endpoint = ListEndpoint<z.ZodType, z.ZodType> | RecordEndpoint<z.ZodType, z.ZodType>;

function list<Q extends z.ZodType, I extends z.ZodType>(
	itemId: string,
	definition: Omit<ListEndpoint<Q, I>, 'kind' | 'response'>
): ListEndpoint<Q, I> {
	return { kind: 'list', response: pageOf(itemId, definition.item), ...definition };
}

export const eventsEndpoint = list('EventListItem', {
	path: '/events',
	operationId: 'listEvents',
	summary:
		'Events, upcoming (soonest first) or past (latest first), filtered as the events page filters them.',
	query: EventListQuery,
	item: EventListItem,
	cursor: ['instant', 'id']
});

export const eventEndpoint: RecordEndpoint<typeof NoQuery, typeof EventDetail> = {
	kind: 'record',
	path: '/events/{eventId}',
	operationId: 'getEvent',
	summary: 'One event with its hosts, agenda, participants by side and outcomes.',
	query: NoQuery,
	response: EventDetail,
	idParameter: 'eventId'
};

export const peopleEndpoint = list('PersonListItem', {
	path: '/people',
	operationId: 'listPeople',
	summary: 'The directory of people, alphabetically by family name.',
	query: PersonListQuery,
	item: PersonListItem,
	cursor: ['text', 'id']
});

export const personEndpoint: RecordEndpoint<typeof NoQuery, typeof PersonDetail> = {
	kind: 'record',
	path: '/people/{personId}',
	operationId: 'getPerson',
	summary:
		"One person with their latest events; private contact details only for an officer's token, as on the person page.",
	query: NoQuery,
	response: PersonDetail,
	idParameter: 'personId'
};

export const organizationsEndpoint = list('OrganizationListItem', {
	path: '/organizations',
	operationId: 'listOrganizations',
	summary: 'Organisations, alphabetically.',
	query: OrganizationListQuery,
	item: OrganizationListItem,
	cursor: ['text', 'id']
});

export const organizationEndpoint: RecordEndpoint<typeof NoQuery, typeof OrganizationDetail> = {
	kind: 'record',
	path: '/organizations/{organizationId}',
	operationId: 'getOrganization',
	summary: 'One organisation with its parents, sub-organisations and people.',
	query: NoQuery,
	response: OrganizationDetail,
	idParameter: 'organizationId'
};

export const outcomesEndpoint = list('Outcome', {
	path: '/outcomes',
	operationId: 'listOutcomes',
	summary: 'Decisions, agreements recorded as outcomes and action points, the latest recorded first.',
	query: OutcomeListQuery,
	item: Outcome,
	cursor: ['id']
});

export const outcomeEndpoint: RecordEndpoint<typeof NoQuery, typeof Outcome> = {
	kind: 'record',
	path: '/outcomes/{outcomeId}',
	operationId: 'getOutcome',
	summary: 'One outcome with its parties and follow-ups.',
	query: NoQuery,
	response: Outcome,
	idParameter: 'outcomeId'
};

export const correspondenceEndpoint = list('CorrespondenceListItem', {
	path: '/correspondence',
	operationId: 'listCorrespondence',
	summary: "The correspondence register's metadata, the latest dated first (never the files).",
	query: CorrespondenceListQuery,
	item: CorrespondenceListItem,
	cursor: ['date', 'id']
});

export const correspondenceItemEndpoint: RecordEndpoint<typeof NoQuery, typeof CorrespondenceDetail> = {
	kind: 'record',
	path: '/correspondence/{correspondenceId}',
	operationId: 'getCorrespondence',
	summary:
		"One document's metadata, its thread and its files' names, types, sizes and hashes (never their content).",
	query: NoQuery,
	response: CorrespondenceDetail,
	idParameter: 'correspondenceId'
};

export const projectsEndpoint = list('ProjectListItem', {
	path: '/projects',
	operationId: 'listProjects',
	summary: 'Projects, alphabetically.',
	query: ProjectListQuery,
	item: ProjectListItem,
	cursor: ['text', 'id']
});

export const projectEndpoint: RecordEndpoint<typeof NoQuery, typeof ProjectDetail> = {
	kind: 'record',
	path: '/projects/{projectId}',
	operationId: 'getProject',
	summary: 'One project with its partners, events, outcomes and letters.',
	query: NoQuery,
	response: ProjectDetail,
	idParameter: 'projectId'
};

export const API_ENDPOINTS: readonly Endpoint[] = [
	eventsEndpoint,
	eventEndpoint,
	peopleEndpoint,
	personEndpoint,
	organizationsEndpoint,
	organizationEndpoint,
	outcomesEndpoint,
	outcomeEndpoint,
	correspondenceEndpoint,
	correspondenceItemEndpoint,
	projectsEndpoint,
	projectEndpoint
];
