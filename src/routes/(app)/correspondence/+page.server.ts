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
	const query = parseCorrespondenceListQuery(url.searchParams);
	const db = database().db;
	const [correspondence, choices] = await Promise.all([
		listCorrespondencePage(db, { ...query, page: pageRequest(url, 25, ['date', 'id']) }),
		getCorrespondenceRegisterChoices(db)
	]);
	const params = correspondenceListParams(query).toString();
	return {
		query,
		correspondence,
		choices,
		exportHref: `/correspondence/export.csv${params ? `?${params}` : ''}`
	};
};
