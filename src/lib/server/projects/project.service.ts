/**
 * Cooperation projects: the list and the project page (each a fixed number of queries whatever the size
 * of the data), recording and editing a project with its partners (optimistic concurrency through its
 * version), and the events, outcomes, letters and agreements it links to from its page.
 */
import { m } from '../../paraglide/messages.js';
import type { Kysely } from 'kysely';
import { listAgreementSummaries } from '../agreements/agreement.service';
import { findAgreementRow } from '../agreements/agreement.repository';
import type { Actor } from '../audit/audit';
import { authorize } from '../auth/authorize';
import { listLettersLinkedFrom } from '../correspondence/correspondence.repository';
import { toCorrespondenceListItem } from '../correspondence/correspondence.view';
import { listLinks } from '../db/links';
import { countExisting } from '../db/references';
import type { Database, Project } from '../db/schema';
import { RuleViolation } from '../errors';
import { toEventSummary } from '../events/event.view';
import { organizationRefsBy } from '../organizations/organization.ref';
import { toOutcomeSummary } from '../outcomes/outcome.view';
import { toPage, type Page, type PageRequest } from '../pagination';
import { getNamedChoices, type ChooserField, type NamedChoices } from '../choosers/chooser.service';
import {
	changeLink,
	insertVersionedRecord,
	reviseVersionedRecord,
	setRecordLink,
	type VersionedRecord
} from '../records/versioned-record';
import { searchForLinks } from '../search/search.service';
import type { SearchGroup } from '../search/search.view';
import { formText } from '../validation';
import {
	approximateDateText,
	type ProjectCreateInput,
	type ProjectFormValues,
	type ProjectInput
} from './project.input';
import { toProjectRef, type ProjectRef } from './project.ref';
import {
	PROJECT_LINKS,
	PROJECT_PARTNERS,
	findLinkTarget,
	findProject,
	findProjectRow,
	insertProject,
	listEventsOfProject,
	listOutcomesOfProject,
	listPartnersOfProjects,
	listProjects,
	listProjectsLinkedTo,
	type ProjectFilter,
	type ProjectLinkKind
} from './project.repository';
import { toProjectListItem, toProjectView, type ProjectListItem, type ProjectView } from './project.view';

/** One page of projects, alphabetically. Two queries: the projects, then the partners of all of them. */
export async function listProjectsPage(
	db: Kysely<Database>,
	{ page: request, ...filter }: ProjectFilter & { page: PageRequest }
): Promise<Page<ProjectListItem>> {
	const rows = await listProjects(db, filter, request);
	const page = toPage(rows, request, (row) => [row.title, row.id]);
	const ids = page.items.map((row) => row.id);
	const partners = organizationRefsBy(await listPartnersOfProjects(db, ids), (row) => row.ownerId);
	return { ...page, items: page.items.map((row) => toProjectListItem(row, partners.get(row.id) ?? [])) };
}

export interface ProjectRegister {
	projects: Page<ProjectListItem>;
}

/** The projects page: a page of projects (its partner filter is chosen by name). */
export async function getProjectRegister(
	db: Kysely<Database>,
	query: ProjectFilter & { page: PageRequest }
): Promise<ProjectRegister> {
	return { projects: await listProjectsPage(db, query) };
}

/** The projects that link to an event, for its page. One query. */
export async function listProjectsOfEvent(db: Kysely<Database>, eventId: number): Promise<ProjectRef[]> {
	return (await listProjectsLinkedTo(db, 'event', eventId)).map(toProjectRef);
}

/** The kinds of record a project's page finds by name and links to. */
const LINKABLE = ['event', 'outcome', 'correspondence', 'agreement'] as const;

export interface ProjectPage {
	project: ProjectView;
	/** What a search on the page found to link to it; null when nothing was searched for. */
	found: SearchGroup[] | null;
}

/**
 * Everything the project page shows, or null when there is no such project: the project, its partners,
 * events, outcomes, letters and agreements (eight queries), and what `find` finds to link (the search's).
 */
export async function findProjectPage(
	db: Kysely<Database>,
	projectId: number,
	{ find = '' }: { find?: string } = {},
	now = new Date()
): Promise<ProjectPage | null> {
	const row = await findProject(db, projectId);
	if (!row) return null;
	const [partners, events, outcomes, letters, agreementLinks, found] = await Promise.all([
		listPartnersOfProjects(db, [projectId]),
		listEventsOfProject(db, projectId),
		listOutcomesOfProject(db, projectId),
		listLettersLinkedFrom(db, PROJECT_LINKS.correspondence, projectId, 'desc'),
		listLinks(db, PROJECT_LINKS.agreement, [projectId]),
		find.trim() ? searchForLinks(db, find, LINKABLE) : null
	]);
	const agreementIds = agreementLinks.map((link) => link.targetId);
	const project = toProjectView(row, {
		partners: partners.map((p) => ({ id: p.id, name: p.name, acronym: p.acronym })),
		events: events.map(toEventSummary),
		outcomes: outcomes.map(toOutcomeSummary),
		letters: letters.map(toCorrespondenceListItem),
		agreements: await listAgreementSummaries(db, agreementIds, now)
	});
	return { project, found };
}

export function toProjectFormValues(row: Project, partnerIds: number[]): ProjectFormValues {
	return {
		title: row.title,
		programme: formText(row.programme),
		state: row.state,
		startOn: approximateDateText(row.start_on, row.start_precision),
		endOn: approximateDateText(row.end_on, row.end_precision),
		focalPersonId: formText(row.focal_person_id),
		partners: partnerIds.join(','),
		description: formText(row.description),
		agreementId: '',
		version: String(row.version)
	};
}

function projectColumns(input: ProjectInput) {
	return {
		title: input.title,
		programme: input.programme,
		state: input.state,
		start_on: input.startOn?.on ?? null,
		start_precision: input.startOn?.precision ?? null,
		end_on: input.endOn?.on ?? null,
		end_precision: input.endOn?.precision ?? null,
		focal_person_id: input.focalPersonId,
		description: input.description
	};
}

export interface ProjectFormChoices {
	/** The people and organisations the form's values name (the choosers find any other). */
	named: NamedChoices;
	/** The agreement a new project is made under, when it was opened from one. */
	agreement: { id: number; title: string } | null;
}

/** The project form's fields chosen by name. */
export const PROJECT_CHOOSERS: Record<string, ChooserField> = {
	partners: { kind: 'organization', multiple: true },
	focalPersonId: { kind: 'person' }
};

/** What the project form offers. Three queries at most. */
export async function getProjectFormChoices(
	db: Kysely<Database>,
	agreementId: number | null = null,
	values: { partners?: string; focalPersonId?: string } = {}
): Promise<ProjectFormChoices> {
	const [named, agreement] = await Promise.all([
		getNamedChoices(db, { organization: [values.partners], person: [values.focalPersonId] }),
		agreementId === null ? null : findAgreementRow(db, agreementId)
	]);
	return { named, agreement: agreement ? { id: agreement.id, title: agreement.title } : null };
}

export async function findProjectForm(db: Kysely<Database>, projectId: number) {
	const [row, partners] = await Promise.all([
		findProjectRow(db, projectId),
		listLinks(db, PROJECT_PARTNERS, [projectId])
	]);
	if (!row) return null;
	const values = toProjectFormValues(
		row,
		partners.map((p) => p.targetId)
	);
	return { title: row.title, values, choices: await getProjectFormChoices(db, null, values) };
}

/** The partners and the focal point the form names must exist: refused beside the field otherwise. */
async function checkProjectReferences(tx: Kysely<Database>, input: ProjectInput) {
	const people = input.focalPersonId === null ? [] : [input.focalPersonId];
	const found = await countExisting(tx, { person: people, organization: input.partners, event: [] });
	if (found.person !== people.length) {
		throw new RuleViolation(m.projects_error_no_person(), {
			focalPersonId: m.projects_error_choose_person()
		});
	}
	if (found.organization !== input.partners.length) {
		throw new RuleViolation(m.projects_error_no_organization(), {
			partners: m.projects_error_choose_partners()
		});
	}
}

const PROJECTS: VersionedRecord<
	ProjectInput,
	ReturnType<typeof projectColumns>,
	Project,
	ProjectFormValues
> = {
	entity: 'project',
	get staleMessage() {
		return m.projects_error_stale();
	},
	get missingMessage() {
		return m.projects_not_found();
	},
	links: PROJECT_PARTNERS,
	linksName: 'partners',
	columns: projectColumns,
	linkIds: (input) => input.partners,
	checkReferences: checkProjectReferences,
	insert: insertProject,
	findRow: findProjectRow,
	formValues: toProjectFormValues,
	eventIdOf: () => null
};

/** Records a project with its partners, under an agreement when it names one; audited. */
export async function createProject(
	db: Kysely<Database>,
	actor: Actor,
	input: ProjectCreateInput,
	now = new Date()
): Promise<number> {
	authorize(actor, 'officer');
	return db.transaction().execute(async (tx) => {
		const { agreementId } = input;
		if (agreementId !== null && !(await findAgreementRow(tx, agreementId))) {
			throw new RuleViolation(m.projects_error_no_agreement(), {
				agreementId: m.projects_error_agreement_gone()
			});
		}
		const projectId = await insertVersionedRecord(tx, actor, PROJECTS, input, now);
		if (agreementId !== null) {
			const link = { entity: 'project', ownerId: projectId, link: PROJECT_LINKS.agreement } as const;
			await changeLink(tx, actor, { ...link, kind: 'agreement', targetId: agreementId }, true);
		}
		return projectId;
	});
}

/**
 * Saves every field of the project and its partners if nobody saved it since `version` was read;
 * otherwise StaleRecord with their version, and nothing written. Audited, before and after.
 */
export async function reviseProject(
	db: Kysely<Database>,
	actor: Actor,
	projectId: number,
	version: number,
	input: ProjectInput,
	now = new Date()
): Promise<void> {
	authorize(actor, 'officer');
	await db
		.transaction()
		.execute((tx) => reviseVersionedRecord(tx, actor, PROJECTS, projectId, version, input, now));
}

/**
 * Links an event, outcome, letter or agreement to the project, or (`linked` false) takes it off;
 * audited when it changed anything.
 */
export async function setProjectLink(
	db: Kysely<Database>,
	actor: Actor,
	projectId: number,
	{ kind, targetId, linked }: { kind: ProjectLinkKind; targetId: number; linked: boolean }
): Promise<void> {
	authorize(actor, 'officer');
	const target = {
		link: PROJECT_LINKS[kind],
		kind,
		targetId,
		find: (tx: Kysely<Database>) => findLinkTarget(tx, kind, targetId),
		missing: m.projects_error_link_gone()
	};
	await db.transaction().execute((tx) => setRecordLink(tx, actor, PROJECTS, projectId, target, linked));
}
