/** Queries over cooperation projects: the list, one project with its partners, and what it links to. */
import type { Insertable, Kysely } from 'kysely';
import type { ProjectProgramme, ProjectState } from '../../vocabulary';
import { pageByKeyset } from '../db/keyset';
import { prepared, type Placeholders } from '../db/prepared';
import { hasLink, listLinkedOrganizations, type LinkTable } from '../db/links';
import type { Database, ProjectTable } from '../db/schema';
import { eventSummaryColumns } from '../events/event.repository';
import { outcomesOfLatestEventsFirst } from '../outcomes/outcome.repository';
import type { PageRequest } from '../pagination';
import { projectRefColumns } from './project.ref';

export const PROJECT_PARTNERS: LinkTable = {
	table: 'project_partner',
	owner: 'project_id',
	target: 'organization_id'
};

/** The kinds of record a project links to from its page, and the table of each. */
export const PROJECT_LINKS = {
	event: { table: 'project_event', owner: 'project_id', target: 'event_id' },
	outcome: { table: 'project_outcome', owner: 'project_id', target: 'outcome_id' },
	correspondence: { table: 'project_correspondence', owner: 'project_id', target: 'correspondence_id' },
	agreement: { table: 'project_agreement', owner: 'project_id', target: 'agreement_id' }
} as const satisfies Record<string, LinkTable>;

export type ProjectLinkKind = keyof typeof PROJECT_LINKS;

export interface ProjectFilter {
	/** A partner in it. */
	organizationId?: number;
	programme?: ProjectProgramme;
	state?: ProjectState;
}

/** Our focal point for the project, joined as `person`. */
const focalPointColumns = [
	'person.id as focal_id',
	'person.honorific as focal_honorific',
	'person.given_name as focal_given_name',
	'person.family_name as focal_family_name'
] as const;

/** One page of projects, alphabetically (keyset on title and id). Fetches limit + 1 rows. */
export async function listProjects(db: Kysely<Database>, filter: ProjectFilter, page: PageRequest) {
	let query = db
		.selectFrom('project')
		.leftJoin('person', 'person.id', 'project.focal_person_id')
		.select([...projectRefColumns, ...focalPointColumns]);
	if (filter.organizationId)
		query = query.where(hasLink(PROJECT_PARTNERS, 'project.id', filter.organizationId));
	if (filter.programme) query = query.where('project.programme', '=', filter.programme);
	if (filter.state) query = query.where('project.state', '=', filter.state);
	return pageByKeyset(query, page, { key: ['project.title', 'project.id'], order: 'asc' }).execute();
}

export type ProjectListRow = Awaited<ReturnType<typeof listProjects>>[number];

/** The project with its focal point. */
export async function findProject(db: Kysely<Database>, projectId: number) {
	const row = await db
		.selectFrom('project')
		.leftJoin('person', 'person.id', 'project.focal_person_id')
		.selectAll('project')
		.select(focalPointColumns)
		.where('project.id', '=', projectId)
		.executeTakeFirst();
	return row ?? null;
}

export type ProjectRow = NonNullable<Awaited<ReturnType<typeof findProject>>>;

/** The partners of several projects at once, alphabetically. */
export async function listPartnersOfProjects(db: Kysely<Database>, projectIds: number[]) {
	return listLinkedOrganizations(db, PROJECT_PARTNERS, projectIds);
}

/** The projects that link to this event, outcome, letter or agreement, alphabetically. */
export async function listProjectsLinkedTo(db: Kysely<Database>, kind: ProjectLinkKind, targetId: number) {
	return projectsLinkedTo[kind](db, { targetId });
}

/** The projects linking to one record through `link`: one query, compiled once. */
function projectsLinkedThrough(link: LinkTable) {
	return prepared((db, p: Placeholders<{ targetId: number }>) =>
		db
			.selectFrom('project')
			.select(projectRefColumns)
			.where(hasLink(link, 'project.id', p.targetId))
			.orderBy('project.title')
			.orderBy('project.id')
	);
}

const projectsLinkedTo = {
	event: projectsLinkedThrough(PROJECT_LINKS.event),
	outcome: projectsLinkedThrough(PROJECT_LINKS.outcome),
	correspondence: projectsLinkedThrough(PROJECT_LINKS.correspondence),
	agreement: projectsLinkedThrough(PROJECT_LINKS.agreement)
} satisfies Record<ProjectLinkKind, unknown>;

/** The events a project links to, latest first. */
export async function listEventsOfProject(db: Kysely<Database>, projectId: number) {
	return db
		.selectFrom('event')
		.innerJoin('project_event as pe', 'pe.event_id', 'event.id')
		.select(eventSummaryColumns)
		.where('pe.project_id', '=', projectId)
		.orderBy('event.start_at', 'desc')
		.orderBy('event.id', 'desc')
		.execute();
}

/** The outcomes a project links to, those of the latest events first. */
export async function listOutcomesOfProject(db: Kysely<Database>, projectId: number) {
	return outcomesOfLatestEventsFirst(db)
		.innerJoin('project_outcome as po', 'po.outcome_id', 'outcome.id')
		.where('po.project_id', '=', projectId)
		.execute();
}

/** Every column of one project, as the edit form and a save need them. */
export async function findProjectRow(db: Kysely<Database>, projectId: number) {
	const row = await db.selectFrom('project').selectAll().where('id', '=', projectId).executeTakeFirst();
	return row ?? null;
}

export async function insertProject(db: Kysely<Database>, values: Insertable<ProjectTable>) {
	return db.insertInto('project').values(values).returning('id').executeTakeFirstOrThrow();
}

/** Whether a record of this kind exists, before a project links to it. */
export async function findLinkTarget(db: Kysely<Database>, kind: ProjectLinkKind, targetId: number) {
	const row = await db.selectFrom(kind).select('id').where('id', '=', targetId).executeTakeFirst();
	return row ?? null;
}
