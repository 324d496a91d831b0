import { resolveChosen } from '$lib/server/choosers/chooser.service';
import { database } from '$lib/server/db';
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

export const load: PageServerLoad = async ({ url }) => {
	const db = database().db;
	const submitted = new URLSearchParams(url.searchParams);
	const chosen = await resolveChosen(db, submitted, { organization: { kind: 'organization' } });
	const query = parseCorrespondenceListQuery(submitted);
	const [correspondence, choices] = await Promise.all([
		listCorrespondencePage(db, { ...query, page: pageRequest(url, 25, ['date', 'id']) }),
		getCorrespondenceRegisterChoices(db)
	]);
	const params = correspondenceListParams(query).toString();
	return {
		query,
		correspondence,
		choices,
		chosen,
		exportHref: `/correspondence/export.csv${params ? `?${params}` : ''}`
	};
};
