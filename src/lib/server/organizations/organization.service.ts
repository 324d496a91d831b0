/**
 * Organisations: the list and the organisation page (each a fixed number of queries), adding one and
 * editing one (optimistic concurrency through its version).
 */
import { m } from '../../paraglide/messages.js';
import { versionColumns } from '../content/content-versions.input';
import { getNamedChoices, type ChooserField, type NamedChoices } from '../choosers/chooser.service';
import type { Kysely } from 'kysely';
import { recordAction, type Actor } from '../audit/audit';
import { diffColumns } from '../audit/changes';
import type { Database, Organization } from '../db/schema';
import { NotFound, RuleViolation, StaleRecord } from '../errors';
import type { OrganizationFormValues, OrganizationInput } from './organization.input';
import { toPage, type PageRequest } from '../pagination';
import {
	findOrganization,
	findOrganizationRef,
	findOrganizationRow,
	insertOrganization,
	updateOrganizationRow,
	listAncestors,
	listChildOrganizations,
	listOrganizations,
	listPeopleOfOrganization,
	type OrganizationFilter
} from './organization.repository';
import {
	toOrganizationListItem,
	toOrganizationPageView,
	type OrganizationListView,
	type OrganizationPageView
} from './organization.view';
import { authorize } from '../auth/authorize';

const ORGANIZATION_PAGE_LIMITS = { children: 100, people: 100 } as const;

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
	const result = toPage(rows, page, (row) => [row.sort_key ?? '', row.id]);
	return {
		organizations: { ...result, items: result.items.map(toOrganizationListItem) },
		parent: parent ?? null
	};
}

/**
 * The organisation as its dossier's head shows it (dossier/dossier.service.ts adds the timeline), or
 * null when there is no such organisation. Four queries: the organisation, then its parents (one
 * recursive query), its sub-organisations and its people, the head first.
 */
export async function findOrganizationPage(
	db: Kysely<Database>,
	organizationId: number
): Promise<OrganizationPageView | null> {
	const organization = await findOrganization(db, organizationId);
	if (!organization) return null;
	const limits = ORGANIZATION_PAGE_LIMITS;
	const [ancestors, children, people] = await Promise.all([
		organization.parent_id === null ? [] : listAncestors(db, organizationId),
		listChildOrganizations(db, organizationId, limits.children),
		listPeopleOfOrganization(db, organizationId, limits.people)
	]);
	return toOrganizationPageView(organization, { ancestors, children, people }, limits);
}

const text = (value: string | null) => value ?? '';

export function toOrganizationFormValues(row: Organization): OrganizationFormValues {
	return {
		name: row.name,
		nameLocale: text(row.name_locale),
		nameAz: text(row.name_az),
		nameEn: text(row.name_en),
		nameRu: text(row.name_ru),
		acronym: text(row.acronym),
		kind: row.kind,
		countryCode: text(row.country_code),
		parentId: row.parent_id === null ? '' : String(row.parent_id),
		city: text(row.city),
		website: text(row.website),
		notes: text(row.notes),
		version: String(row.version)
	};
}

function organizationColumns(input: OrganizationInput) {
	return {
		name: input.name,
		...versionColumns('name', {
			locale: input.nameLocale,
			az: input.nameAz,
			en: input.nameEn,
			ru: input.nameRu
		}),
		acronym: input.acronym,
		kind: input.kind,
		country_code: input.countryCode,
		parent_id: input.parentId,
		city: input.city,
		website: input.website,
		notes: input.notes
	};
}

/** The organisation form's fields chosen by name. */
export const ORGANIZATION_CHOOSERS: Record<string, ChooserField> = { parentId: { kind: 'organization' } };

/** The parent the organisation form's values name (its chooser finds any other). One query at most. */
export async function getOrganizationChoices(
	db: Kysely<Database>,
	values: { parentId?: string } = {}
): Promise<NamedChoices> {
	return getNamedChoices(db, { organization: [values.parentId] });
}

/** The organisation's edit form with its parent named; null when there is no such organisation. */
export async function findOrganizationForm(db: Kysely<Database>, organizationId: number) {
	const row = await findOrganizationRow(db, organizationId);
	if (!row) return null;
	const values = toOrganizationFormValues(row);
	return { name: row.name, values, named: await getOrganizationChoices(db, values) };
}

/**
 * The parent must exist and must not be the organisation itself or one below it: the tree stays a
 * tree. Refused beside the field.
 */
async function checkParent(tx: Kysely<Database>, parentId: number | null, organizationId: number | null) {
	if (parentId === null) return;
	const wrong = (message: string) => new RuleViolation(message, { parentId: message });
	if (!(await findOrganizationRef(tx, parentId))) throw wrong(m.organizations_error_choose_organization());
	if (organizationId === null) return;
	if (parentId === organizationId) throw wrong(m.organizations_error_under_itself());
	const above = await listAncestors(tx, parentId);
	if (above.some((a) => a.id === organizationId)) {
		throw wrong(m.organizations_error_under_child());
	}
}

/** Adds an organisation to the directory, audited. */
export async function createOrganization(
	db: Kysely<Database>,
	actor: Actor,
	input: OrganizationInput,
	now = new Date()
): Promise<number> {
	authorize(actor, 'officer');
	return db.transaction().execute(async (tx) => {
		await checkParent(tx, input.parentId, null);
		const at = now.toISOString();
		const { id } = await insertOrganization(tx, {
			...organizationColumns(input),
			created_at: at,
			updated_at: at
		});
		await recordAction(tx, actor, {
			action: 'organization.create',
			entityType: 'organization',
			entityId: id,
			after: organizationColumns(input)
		});
		return id;
	});
}

/**
 * Saves the organisation's fields if nobody saved them since `version` was read; otherwise StaleRecord
 * with their version, and nothing written. What changed is audited, before and after.
 */
export async function reviseOrganization(
	db: Kysely<Database>,
	actor: Actor,
	organizationId: number,
	version: number,
	input: OrganizationInput,
	now = new Date()
): Promise<void> {
	authorize(actor, 'officer');
	await db.transaction().execute(async (tx) => {
		const current = await findOrganizationRow(tx, organizationId);
		if (!current) throw new NotFound(m.organizations_not_found());
		const stale = () => new StaleRecord(toOrganizationFormValues(current), m.organizations_error_stale());
		if (current.version !== version) throw stale();
		await checkParent(tx, input.parentId, organizationId);
		const next = organizationColumns(input);
		const diff = diffColumns(current, next);
		if (!diff.changed) return;
		const written = await updateOrganizationRow(tx, organizationId, version, {
			...next,
			updated_at: now.toISOString()
		});
		if (!written) throw stale();
		await recordAction(tx, actor, {
			action: 'organization.update',
			entityType: 'organization',
			entityId: organizationId,
			before: diff.before,
			after: diff.after
		});
	});
}
