/** What organisation pages receive: chosen fields in the words pages use, never raw rows. */
import { organizationKinds, type OrganizationKind } from '../../vocabulary';
import { localizedColumn, type ContentLocale } from '../../i18n/localized-text';
import { upTo, type Page } from '../pagination';
import { toPersonSummary, type PersonSummary } from '../people/person.view';
import type {
	listAncestors,
	listChildOrganizations,
	listPeopleOfOrganization,
	OrganizationDetailRow,
	OrganizationListRow
} from './organization.repository';
import { organizationRef, type OrganizationRef } from './organization.ref';

type Row<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>[number];

/** An organisation in brief, as every list of organisations shows it. */
export interface OrganizationSummary extends OrganizationRef {
	/** Set when `name` is not in the reader's language: the language it is in, for its tag. */
	nameLocale: ContentLocale | null;
	kind: OrganizationKind;
	kindLabel: string;
	countryCode: string | null;
	city: string | null;
}

/** The columns an organisation summary is made from. */
export interface OrganizationSummaryRow {
	id: number;
	name: string;
	/** The name's language and versions (issue 18 §2), where the query reads them. */
	name_locale?: string | null;
	name_az?: string | null;
	name_en?: string | null;
	name_ru?: string | null;
	acronym: string | null;
	kind: OrganizationKind;
	country_code: string | null;
	city: string | null;
}

export interface OrganizationListItem extends OrganizationSummary {
	parent: OrganizationRef | null;
	personCount: number;
	childCount: number;
}

export interface OrganizationListView {
	organizations: Page<OrganizationListItem>;
	/** The organisation whose sub-organisations are listed, when the list is narrowed to them. */
	parent: OrganizationRef | null;
}

export type SubOrganizationView = OrganizationSummary;

/** Someone whose current organisation this is. */
export type MemberView = PersonSummary;

export interface OrganizationPageView extends OrganizationSummary {
	website: string | null;
	/** The website as a link target, only when it is an http(s) address. */
	websiteHref: string | null;
	notes: string | null;
	/** Parents from the root down to the direct parent; empty for a root. */
	ancestors: OrganizationRef[];
	children: SubOrganizationView[];
	moreChildren: boolean;
	/** Its people, the head of the organisation first. */
	people: MemberView[];
	morePeople: boolean;
	/** Who heads it, when the directory says so. */
	head: MemberView | null;
}

export function toOrganizationSummary(row: OrganizationSummaryRow): OrganizationSummary {
	const name = localizedColumn(row, 'name');
	return {
		id: row.id,
		name: name.text,
		nameLocale: name.fallbackLocale,
		acronym: row.acronym,
		kind: row.kind,
		kindLabel: organizationKinds.labels[row.kind],
		countryCode: row.country_code,
		city: row.city
	};
}

export function toOrganizationListItem(row: OrganizationListRow): OrganizationListItem {
	return {
		...toOrganizationSummary(row),
		parent: organizationRef(row.parent_id, row.parent_name, row.parent_acronym),
		personCount: Number(row.person_count ?? 0),
		childCount: Number(row.child_count ?? 0)
	};
}

/** Parents root first, as far as they go without coming back round: a loop shows each one once. */
function toAncestry(organizationId: number, rootFirst: Row<typeof listAncestors>[]): OrganizationRef[] {
	const seen = new Set([organizationId]);
	const nearestFirst: OrganizationRef[] = [];
	for (const a of [...rootFirst].reverse()) {
		if (seen.has(a.id)) break;
		seen.add(a.id);
		nearestFirst.push({ id: a.id, name: a.name, acronym: a.acronym });
	}
	return nearestFirst.reverse();
}

export function toOrganizationPageView(
	organization: OrganizationDetailRow,
	parts: {
		ancestors: Row<typeof listAncestors>[];
		children: Row<typeof listChildOrganizations>[];
		people: Row<typeof listPeopleOfOrganization>[];
	},
	limits: { children: number; people: number }
): OrganizationPageView {
	const children = upTo(parts.children, limits.children);
	const people = upTo(parts.people, limits.people);
	const head = people.items.find((person) => person.heads_organization === 1);
	const website = organization.website?.trim() || null;
	return {
		...toOrganizationSummary(organization),
		website,
		websiteHref: website && /^https?:\/\/\S+$/i.test(website) ? website : null,
		notes: organization.notes,
		ancestors: toAncestry(organization.id, parts.ancestors),
		children: children.items.map(toOrganizationSummary),
		moreChildren: children.more,
		people: people.items.map(toPersonSummary),
		morePeople: people.more,
		head: head ? toPersonSummary(head) : null
	};
}
