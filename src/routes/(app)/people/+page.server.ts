import { resolveChosen } from '$lib/server/choosers/chooser.service';
import { database } from '$lib/server/db';
import { pageRequest } from '$lib/server/pagination';
import { parsePersonListQuery } from '$lib/server/people/person.input';
import { listPeoplePage } from '$lib/server/people/person.service';
import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { defineWords } from '$lib/server/i18n/words';
import { listWords } from '$lib/server/i18n/list.words';

/** The page's words, for its load to send. */
const pageWords = defineWords({
	records_column_name: m.records_column_name,
	records_column_position: m.records_column_position,
	records_column_rank: m.records_column_rank,
	people_list_any_organization: m.people_list_any_organization,
	people_list_clear: m.people_list_clear,
	people_list_deleted: m.people_list_deleted,
	people_list_empty: m.people_list_empty,
	people_list_eyebrow: m.people_list_eyebrow,
	people_list_filter: m.people_list_filter,
	people_list_new: m.people_list_new,
	people_list_none_in: m.people_list_none_in,
	people_list_none_in_this: m.people_list_none_in_this,
	people_list_organization: m.people_list_organization,
	people_list_title: m.people_list_title
});

export const load: PageServerLoad = async ({ url }) => {
	const { db } = database();
	const params = new URLSearchParams(url.searchParams);
	const chosen = await resolveChosen(db, params, { organization: { kind: 'organization' } });
	const { organizationId } = parsePersonListQuery(params);
	const people = await listPeoplePage(db, {
		organizationId,
		page: pageRequest(url, 50, ['text', 'id'])
	});
	return {
		organizationId: organizationId ?? null,
		people,
		chosen,
		words: { ...listWords(), ...pageWords() }
	};
};
