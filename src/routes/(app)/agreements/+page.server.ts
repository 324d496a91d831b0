import { parseAgreementListQuery } from '$lib/server/agreements/agreement.input';
import { getAgreementRegister } from '$lib/server/agreements/agreement.service';
import { database } from '$lib/server/db';
import { pageRequest } from '$lib/server/pagination';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const query = parseAgreementListQuery(url.searchParams);
	const register = await getAgreementRegister(database().db, {
		...query,
		page: pageRequest(url, 25, ['date', 'id'])
	});
	return { query, ...register };
};
