/** Reading organisations: the list and the organisation page. Each costs a fixed number of queries. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { toPage, type PageRequest } from '../pagination';
import {
	findOrganization,
	findOrganizationRef,
	listAncestors,
	listChildOrganizations,
	listCorrespondenceOfOrganization,
	listEventsOfOrganization,
	listOrganizations,
	listOutcomesOfOrganization,
	listPeopleOfOrganization,
	type OrganizationFilter
} from './organization.repository';
import {
	toOrganizationListItem,
	toOrganizationPageView,
	type OrganizationListView,
	type OrganizationPageView
} from './organization.view';

const ORGANIZATION_PAGE_LIMITS = {
	children: 100,
	people: 100,
	events: 50,
	outcomes: 50,
	correspondence: 50
} as const;

/**
 * One query for a page of organisations (with parent, people and sub-organisation counts); one more for
 * the parent's name when the list is narrowed to one organisation's children.
 */
export async function listOrganizationsPage(
	db: Kysely<Database>,
	{ page, ...filter }: OrganizationFilter & { page: PageRequest }
): Promise<OrganizationListView> {
	const [rows, parent] = await Promise.all([
		listOrganizations(db, filter, page),
		filter.parentId ? findOrganizationRef(db, filter.parentId) : undefined
	]);
	const result = toPage(rows, page, (row) => [row.name, row.id]);
	return {
		organizations: { ...result, items: result.items.map(toOrganizationListItem) },
		parent: parent ?? null
	};
}

/**
 * Everything the organisation page shows, or null when there is no such organisation. Seven queries:
 * the organisation, then its parents (one recursive query), children, people, events, outcomes and
 * correspondence.
 */
export async function getOrganizationPage(
	db: Kysely<Database>,
	organizationId: number
): Promise<OrganizationPageView | null> {
	const organization = await findOrganization(db, organizationId);
	if (!organization) return null;
	const limits = ORGANIZATION_PAGE_LIMITS;
	const [ancestors, children, people, events, outcomes, correspondence] = await Promise.all([
		organization.parent_id === null ? [] : listAncestors(db, organizationId),
		listChildOrganizations(db, organizationId, limits.children),
		listPeopleOfOrganization(db, organizationId, limits.people),
		listEventsOfOrganization(db, organizationId, limits.events),
		listOutcomesOfOrganization(db, organizationId, limits.outcomes),
		listCorrespondenceOfOrganization(db, organizationId, limits.correspondence)
	]);
	return toOrganizationPageView(
		organization,
		{ ancestors, children, people, events, outcomes, correspondence },
		limits
	);
}
