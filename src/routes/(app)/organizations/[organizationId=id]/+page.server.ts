import { formatCalendarDate } from '$lib/format/datetime';
import { m } from '$lib/paraglide/messages';
import { error } from '@sveltejs/kit';
import { hasRole } from '$lib/server/auth/access';
import { database } from '$lib/server/db';
import { parseDossierQuery } from '$lib/server/dossier/dossier.input';
import { findDossier } from '$lib/server/dossier/dossier.service';
import { listFeedsOf } from '$lib/server/feeds/feed.service';
import { createFeedAction, revokeFeedAction } from '../../feed-actions.server';
import type { Actions, PageServerLoad } from './$types';
import { feedPanelWords } from '$lib/server/feeds/feed.words';
import { defineWords } from '$lib/server/i18n/words';
import { listWords } from '$lib/server/i18n/list.words';

/** The page's own words, for its load to send. */
const pageWords = defineWords({
	organizations_dossier_actions: m.organizations_dossier_actions,
	organizations_dossier_actions_none: m.organizations_dossier_actions_none,
	organizations_dossier_agreements: m.organizations_dossier_agreements,
	organizations_dossier_agreements_link: m.organizations_dossier_agreements_link,
	organizations_dossier_agreements_none: m.organizations_dossier_agreements_none,
	organizations_dossier_all_actions: m.organizations_dossier_all_actions,
	organizations_dossier_all_children: m.organizations_dossier_all_children,
	organizations_dossier_all_people: m.organizations_dossier_all_people,
	organizations_dossier_any_year: m.organizations_dossier_any_year,
	organizations_dossier_breadcrumb: m.organizations_dossier_breadcrumb,
	organizations_dossier_by_kind: m.organizations_dossier_by_kind,
	organizations_dossier_children: m.organizations_dossier_children,
	organizations_dossier_children_none: m.organizations_dossier_children_none,
	organizations_dossier_city: m.organizations_dossier_city,
	organizations_dossier_country: m.organizations_dossier_country,
	organizations_dossier_date_assumed: m.organizations_dossier_date_assumed,
	organizations_dossier_details: m.organizations_dossier_details,
	organizations_dossier_due: m.organizations_dossier_due,
	organizations_dossier_edit: m.organizations_dossier_edit,
	organizations_dossier_empty: m.organizations_dossier_empty,
	organizations_dossier_everything: m.organizations_dossier_everything,
	organizations_dossier_eyebrow: m.organizations_dossier_eyebrow,
	organizations_dossier_feed: m.organizations_dossier_feed,
	organizations_dossier_filter: m.organizations_dossier_filter,
	organizations_dossier_from: m.organizations_dossier_from,
	organizations_dossier_in_year: m.organizations_dossier_in_year,
	organizations_dossier_kind: m.organizations_dossier_kind,
	organizations_dossier_more_than: m.organizations_dossier_more_than,
	organizations_dossier_no_head: m.organizations_dossier_no_head,
	organizations_dossier_no_match: m.organizations_dossier_no_match,
	organizations_dossier_no_people: m.organizations_dossier_no_people,
	organizations_dossier_overdue: m.organizations_dossier_overdue,
	organizations_dossier_overdue_one: m.organizations_dossier_overdue_one,
	organizations_dossier_own_only: m.organizations_dossier_own_only,
	organizations_dossier_part_of: m.organizations_dossier_part_of,
	organizations_dossier_people: m.organizations_dossier_people,
	organizations_dossier_projects: m.organizations_dossier_projects,
	organizations_dossier_projects_link: m.organizations_dossier_projects_link,
	organizations_dossier_projects_none: m.organizations_dossier_projects_none,
	organizations_dossier_record_all: m.organizations_dossier_record_all,
	organizations_dossier_record_own: m.organizations_dossier_record_own,
	organizations_dossier_records_all: m.organizations_dossier_records_all,
	organizations_dossier_records_own: m.organizations_dossier_records_own,
	organizations_dossier_through: m.organizations_dossier_through,
	organizations_dossier_timeline: m.organizations_dossier_timeline,
	organizations_dossier_website: m.organizations_dossier_website,
	organizations_dossier_year: m.organizations_dossier_year,
	organizations_list_title: m.organizations_list_title
});

/** The open action points' due dates written out here, so that the page formats no dates. */
function withDueDates(dossier: NonNullable<Awaited<ReturnType<typeof findDossier>>>) {
	const points = dossier.openActionPoints;
	const items = points.items.map((point) => ({
		...point,
		due: point.dueOn && formatCalendarDate(point.dueOn)
	}));
	return { ...dossier, openActionPoints: { ...points, items } };
}

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const db = database().db;
	const organizationId = Number(params.organizationId);
	const { filter, page } = parseDossierQuery(url);
	const [dossier, feeds] = await Promise.all([
		findDossier(db, organizationId, filter, page),
		hasRole(locals.user, 'officer') ? listFeedsOf(db, { organizationId }) : null
	]);
	if (!dossier) error(404, m.organizations_not_found());
	return {
		dossier: withDueDates(dossier),
		feeds,
		words: { ...listWords(), ...pageWords(), ...feedPanelWords() }
	};
};

export const actions: Actions = {
	createFeed: (event) =>
		createFeedAction(event, () => ({ organizationId: Number(event.params.organizationId) })),
	revokeFeed: revokeFeedAction
};
