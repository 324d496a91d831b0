import { parseAgreementListQuery } from '$lib/server/agreements/agreement.input';
import { getAgreementRegister } from '$lib/server/agreements/agreement.service';
import { resolveChosen } from '$lib/server/choosers/chooser.service';
import { database } from '$lib/server/db';
import { pageRequest } from '$lib/server/pagination';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const db = database().db;
	const submitted = new URLSearchParams(url.searchParams);
	const chosen = await resolveChosen(db, submitted, { partner: { kind: 'organization' } });
	const query = parseAgreementListQuery(submitted);
	const register = await getAgreementRegister(db, {
		...query,
		page: pageRequest(url, 25, ['date', 'id'])
	});
	return { query, chosen, ...register };
};
