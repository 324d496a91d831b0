/**
 * The read API's shapes, written once: the routes parse their query with these schemas and pass every
 * answer through them (an object keeps only the fields named here, so nothing a view holds besides
 * reaches an integration), and the OpenAPI document is generated from them (`api.openapi.ts`).
 */
import { z } from 'zod';
import {
	agendaItemKinds,
	agendaRoles,
	correspondenceDirections,
	correspondenceEventLinks,
	correspondenceKinds,
	eventKinds,
	eventStatuses,
	hostRoles,
	organizationKinds,
	outcomeKinds,
	outcomeStatuses,
	participantRoles,
	projectProgrammes,
	projectStates,
	rsvpStatuses,
	timingCertainties
} from '../../vocabulary';

/** The named shapes, as the document's components.schemas lists them. */
export const apiRegistry = z.registry<{ id: string; description?: string }>();

function named<T extends z.ZodType>(id: string, schema: T, description?: string): T {
	apiRegistry.add(schema, description ? { id, description } : { id });
	return schema;
}

const id = z.number().int().positive();
const text = z.string();
const instant = z.iso.datetime({ offset: false }).describe('An instant in UTC, ISO 8601.');
const calendarDay = z.iso.date().describe('A calendar date, YYYY-MM-DD.');
const enumOf = <T extends string>(values: readonly T[]) => z.enum(values as [T, ...T[]]);

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

// ── Query parameters: what a URL carries, strings in; an unknown parameter is refused by name ──

const idParameter = z
	.string()
	.regex(/^[1-9]\d{0,14}$/, 'Expected a record id (a positive integer).')
	.transform(Number);

/** The paging every list takes: how many rows, and the `next` cursor of the page before. */
const paging = {
	limit: z
		.string()
		.regex(/^\d{1,3}$/, `Expected a whole number from 1 to ${MAX_PAGE_SIZE}.`)
		.transform(Number)
		.pipe(z.number().min(1).max(MAX_PAGE_SIZE, `At most ${MAX_PAGE_SIZE} rows a page.`))
		.optional()
		.describe(`Rows on a page, 1 to ${MAX_PAGE_SIZE}; ${DEFAULT_PAGE_SIZE} when left out.`),
	cursor: z
		.string()
		.max(4096)
		.optional()
		.describe('Opaque: the `next` of the page before. Left out: the first page.')
};

export const EventListQuery = z.strictObject({
	when: z.enum(['upcoming', 'past']).optional().describe('Upcoming (soonest first, the default) or past.'),
	kind: enumOf(eventKinds.values).optional(),
	status: enumOf(eventStatuses.values).optional(),
	organization: idParameter.optional().describe('Hosted, co-hosted or attended by this organisation.'),
	person: idParameter.optional().describe('Events this person takes part in.'),
	series: idParameter.optional(),
	...paging
});

export const PersonListQuery = z.strictObject({
	organization: idParameter.optional().describe('People whose current organisation this is.'),
	...paging
});

export const OrganizationListQuery = z.strictObject({
	kind: enumOf(organizationKinds.values).optional(),
	parent: idParameter.optional().describe('The sub-organisations of this organisation.'),
	...paging
});

export const OutcomeListQuery = z.strictObject({
	status: enumOf(outcomeStatuses.values).optional(),
	kind: enumOf(outcomeKinds.values).optional(),
	organization: idParameter.optional().describe('Outcomes this organisation is a party to or owns.'),
	...paging
});

export const CorrespondenceListQuery = z.strictObject({
	year: z
		.string()
		.regex(/^(19|[2-9]\d)\d\d$/, 'Expected a year, 1900 to 9999.')
		.transform(Number)
		.optional()
		.describe('Dated in this calendar year.'),
	direction: enumOf(correspondenceDirections.values).optional(),
	kind: enumOf(correspondenceKinds.values).optional(),
	organization: idParameter.optional().describe('Sent or received by this organisation.'),
	awaiting: z.literal('1').optional().describe('1: incoming documents awaiting a reply.'),
	...paging
});

export const ProjectListQuery = z.strictObject({
	partner: idParameter.optional(),
	programme: enumOf(projectProgrammes.values).optional(),
	state: enumOf(projectStates.values).optional(),
	...paging
});

/** A record's page takes no parameters. */
export const NoQuery = z.strictObject({});

// ── Answers ──

export const OrganizationRef = named(
	'OrganizationRef',
	z.object({ id, name: text, acronym: text.nullable() })
);
const EventRef = named('EventRef', z.object({ id, title: text, startAt: instant, timeZone: text }));
const UserRef = z.object({ id, name: text });

const EventSummaryFields = {
	id,
	title: text,
	kind: enumOf(eventKinds.values),
	kindLabel: text,
	status: enumOf(eventStatuses.values),
	statusLabel: text,
	startAt: instant,
	endAt: instant,
	timeZone: text.describe('The IANA time zone the event is held in.'),
	timing: enumOf(timingCertainties.values),
	allDay: z.boolean()
};
const Host = named('Host', OrganizationRef.extend({ role: enumOf(hostRoles.values) }));

export const EventListItem = named(
	'EventListItem',
	z.object({ ...EventSummaryFields, place: text.nullable(), online: z.boolean(), hosts: z.array(Host) })
);

const PersonAtEventFields = {
	personId: id,
	name: text,
	nativeName: text.nullable(),
	position: text.nullable(),
	rank: text.nullable(),
	organization: OrganizationRef.nullable()
};
const AgendaItem = named(
	'AgendaItem',
	z.object({
		id,
		position: z.number().int(),
		kind: enumOf(agendaItemKinds.values),
		kindLabel: text,
		title: text,
		startAt: instant.nullable(),
		endAt: instant.nullable(),
		notes: text.nullable(),
		people: z.array(z.object({ ...PersonAtEventFields, role: enumOf(agendaRoles.values), roleLabel: text }))
	})
);
const Participant = named(
	'Participant',
	z.object({
		id,
		...PersonAtEventFields,
		role: enumOf(participantRoles.values),
		roleLabel: text,
		rsvpStatus: enumOf(rsvpStatuses.values),
		rsvpLabel: text
	})
);
const Delegation = named(
	'Delegation',
	z.object({
		id: id.nullable().describe('Null for the participants on no side.'),
		name: text,
		organization: OrganizationRef.nullable(),
		head: Participant.nullable(),
		members: z.array(Participant)
	})
);

const OutcomeSummaryFields = {
	id,
	kind: enumOf(outcomeKinds.values),
	kindLabel: text,
	title: text,
	status: enumOf(outcomeStatuses.values),
	statusLabel: text,
	dueOn: calendarDay.nullable(),
	event: EventRef.nullable().describe('The event it came from.')
};

export const Outcome = named(
	'Outcome',
	z.object({
		...OutcomeSummaryFields,
		text: text.nullable(),
		ownerPerson: UserRef.nullable(),
		ownerOrganization: OrganizationRef.nullable(),
		parties: z.array(OrganizationRef),
		responsibleUser: UserRef.nullable(),
		followUps: z.array(
			z.object({
				eventId: id,
				title: text,
				startAt: instant,
				timeZone: text,
				note: text.nullable(),
				carriedAt: instant.nullable()
			})
		)
	})
);

export const EventDetail = named(
	'Event',
	z.object({
		...EventSummaryFields,
		statusReason: text.nullable(),
		theme: text.nullable(),
		description: text.nullable(),
		venue: z.object({ name: text, address: text.nullable(), city: text, countryCode: text }).nullable(),
		onlineUrl: text.nullable(),
		series: z.object({ id, name: text }).nullable(),
		isPublic: z.boolean(),
		updatedAt: instant,
		hosts: z.array(Host),
		agenda: z.array(AgendaItem),
		delegations: z.array(Delegation).describe('The participants, by side, in order of precedence.'),
		participantCount: z.number().int().nonnegative(),
		outcomes: z.array(Outcome)
	})
);

export const PersonListItem = named(
	'PersonListItem',
	z.object({
		id,
		name: text,
		nativeName: text.nullable(),
		position: text.nullable(),
		rank: text.nullable(),
		organization: OrganizationRef.nullable()
	})
);

export const PersonDetail = named(
	'Person',
	z.object({
		id,
		name: text,
		nativeName: text.nullable(),
		honorific: text.nullable(),
		givenName: text,
		familyName: text,
		position: text.nullable(),
		rank: text.nullable(),
		organization: OrganizationRef.nullable(),
		notes: text.nullable(),
		contact: z
			.object({ email: text.nullable(), phone: text.nullable() })
			.nullable()
			.describe(
				"For an officer's token always; for a viewer's only when the person agreed to show it to every reader."
			),
		participations: z
			.array(
				z.object({
					...EventSummaryFields,
					role: enumOf(participantRoles.values),
					roleLabel: text,
					positionAtEvent: text.nullable(),
					rankAtEvent: text.nullable(),
					organization: OrganizationRef.nullable()
				})
			)
			.describe('The latest events they took part in, at most 50.'),
		moreParticipations: z.boolean()
	})
);

const OrganizationSummaryFields = {
	id,
	name: text,
	acronym: text.nullable(),
	kind: enumOf(organizationKinds.values),
	kindLabel: text,
	countryCode: text.nullable(),
	city: text.nullable()
};

export const OrganizationListItem = named(
	'OrganizationListItem',
	z.object({
		...OrganizationSummaryFields,
		parent: OrganizationRef.nullable(),
		personCount: z.number().int().nonnegative(),
		childCount: z.number().int().nonnegative()
	})
);

const PersonSummary = named(
	'PersonSummary',
	z.object({ id, name: text, nativeName: text.nullable(), position: text.nullable(), rank: text.nullable() })
);

export const OrganizationDetail = named(
	'Organization',
	z.object({
		...OrganizationSummaryFields,
		website: text.nullable(),
		notes: text.nullable(),
		ancestors: z.array(OrganizationRef).describe('From the root down to the direct parent.'),
		children: z.array(z.object(OrganizationSummaryFields)).describe('At most 100.'),
		moreChildren: z.boolean(),
		people: z
			.array(PersonSummary)
			.describe('Those whose current organisation it is, the head first; at most 100.'),
		morePeople: z.boolean(),
		head: PersonSummary.nullable()
	})
);

const ThreadDocumentFields = {
	id,
	kind: enumOf(correspondenceKinds.values),
	kindLabel: text,
	referenceNumber: text.nullable().describe('As printed on the document.'),
	datedOn: calendarDay,
	subject: text
};
const ThreadDocument = named('CorrespondenceSummary', z.object(ThreadDocumentFields));
const CorrespondenceListFields = {
	...ThreadDocumentFields,
	place: text.nullable(),
	sender: OrganizationRef.nullable(),
	recipient: OrganizationRef.nullable(),
	direction: enumOf(correspondenceDirections.values).nullable(),
	directionLabel: text.nullable(),
	awaitingReply: z.boolean()
};

export const CorrespondenceListItem = named(
	'CorrespondenceListItem',
	z.object(CorrespondenceListFields),
	'A document of the correspondence register: its metadata, never its files.'
);

const CorrespondencePersonRef = z.object({ id, name: text, position: text.nullable() });

export const CorrespondenceDetail = named(
	'Correspondence',
	z.object({
		...CorrespondenceListFields,
		summary: text.nullable(),
		signatory: CorrespondencePersonRef.nullable(),
		addressee: CorrespondencePersonRef.nullable(),
		replyExpected: z.boolean(),
		inReplyTo: ThreadDocument.nullable(),
		transmits: ThreadDocument.nullable(),
		replies: z.array(ThreadDocument),
		transmittedBy: z.array(ThreadDocument),
		files: z
			.array(
				z.object({
					id,
					name: text,
					contentType: text,
					size: z.number().int().nonnegative(),
					sha256: text.describe('Hex SHA-256 of the content.'),
					uploadedAt: instant
				})
			)
			.describe('What it encloses: names, types, sizes and hashes only; the API never serves the files.'),
		events: z.array(EventRef.extend({ link: enumOf(correspondenceEventLinks.values), linkLabel: text }))
	}),
	"A document of the correspondence register with its thread and its files' metadata."
);

const ProjectListFields = {
	id,
	title: text,
	state: enumOf(projectStates.values),
	stateLabel: text,
	programmeLabel: text.nullable(),
	period: text.describe('"Since 2014", "2016 – 2018".'),
	partners: z.array(OrganizationRef),
	focalPoint: UserRef.nullable()
};

export const ProjectListItem = named('ProjectListItem', z.object(ProjectListFields));

export const ProjectDetail = named(
	'Project',
	z.object({
		...ProjectListFields,
		programme: enumOf(projectProgrammes.values).nullable(),
		description: text.nullable(),
		events: z.array(z.object(EventSummaryFields)),
		outcomes: z.array(z.object(OutcomeSummaryFields)),
		letters: z.array(CorrespondenceListItem)
	})
);

/** A page of a list: its rows, and the link to the next page (null on the last). */
export function pageOf<T extends z.ZodType>(itemId: string, item: T) {
	return named(
		`${itemId}Page`,
		z.object({
			items: z.array(item),
			next: z.string().nullable().describe('The next page, with the same filters; null on the last page.')
		})
	);
}

export const Problem = named(
	'Problem',
	z.object({
		type: z.string(),
		title: z.string(),
		status: z.number().int(),
		detail: z.string(),
		invalidParams: z
			.array(z.object({ name: z.string(), reason: z.string() }))
			.optional()
			.describe('For 400: each parameter refused, and why.')
	}),
	'An error, as RFC 9457 describes it (application/problem+json).'
);
