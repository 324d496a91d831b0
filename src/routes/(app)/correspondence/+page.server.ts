import { resolveChosen } from '$lib/server/choosers/chooser.service';
import { database } from '$lib/server/db';
import { datedDocument } from '$lib/server/correspondence/correspondence.view';
import {
	correspondenceListParams,
	parseCorrespondenceListQuery
} from '$lib/server/correspondence/correspondence.input';
import {
	getCorrespondenceRegisterChoices,
	listCorrespondencePage
} from '$lib/server/correspondence/correspondence.service';
import { pageRequest } from '$lib/server/pagination';
import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { defineWords } from '$lib/server/i18n/words';
import { listWords } from '$lib/server/i18n/list.words';
import { correspondenceDirections, correspondenceKinds } from '$lib/vocabulary';

/** The page's words, for its load to send. */
const pageWords = defineWords({
	correspondenceDirections,
	correspondenceKinds,
	correspondence_list_add: m.correspondence_list_add,
	correspondence_list_any_kind: m.correspondence_list_any_kind,
	correspondence_list_any_organization: m.correspondence_list_any_organization,
	correspondence_list_any_year: m.correspondence_list_any_year,
	correspondence_list_awaiting: m.correspondence_list_awaiting,
	correspondence_list_date: m.correspondence_list_date,
	correspondence_list_direction: m.correspondence_list_direction,
	correspondence_list_draft: m.correspondence_list_draft,
	correspondence_list_either_way: m.correspondence_list_either_way,
	correspondence_list_export: m.correspondence_list_export,
	correspondence_list_eyebrow: m.correspondence_list_eyebrow,
	correspondence_list_filter: m.correspondence_list_filter,
	correspondence_list_from_to: m.correspondence_list_from_to,
	correspondence_list_kind: m.correspondence_list_kind,
	correspondence_list_no_match: m.correspondence_list_no_match,
	correspondence_list_none_yet: m.correspondence_list_none_yet,
	correspondence_list_organization: m.correspondence_list_organization,
	correspondence_list_reference: m.correspondence_list_reference,
	correspondence_list_subject: m.correspondence_list_subject,
	correspondence_list_title: m.correspondence_list_title,
	correspondence_list_year: m.correspondence_list_year
});

export const load: PageServerLoad = async ({ url }) => {
	const db = database().db;
	const submitted = new URLSearchParams(url.searchParams);
	const chosen = await resolveChosen(db, submitted, { organization: { kind: 'organization' } });
	const query = parseCorrespondenceListQuery(submitted);
	const [page, choices] = await Promise.all([
		listCorrespondencePage(db, { ...query, page: pageRequest(url, 25, ['date', 'id']) }),
		getCorrespondenceRegisterChoices(db)
	]);
	const params = correspondenceListParams(query).toString();
	const correspondence = { ...page, items: page.items.map(datedDocument) };
	return {
		query,
		correspondence,
		choices,
		chosen,
		exportHref: `/correspondence/export.csv${params ? `?${params}` : ''}`,
		words: { ...listWords(), ...pageWords() }
	};
};
