import { resolveChosen } from '$lib/server/choosers/chooser.service';
import { database } from '$lib/server/db';
import { parseGiftReportQuery } from '$lib/server/gifts/gift.input';
import { getGiftReport } from '$lib/server/gifts/gift.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const db = database().db;
	const submitted = new URLSearchParams(url.searchParams);
	const chosen = await resolveChosen(db, submitted, {
		person: { kind: 'person' },
		organization: { kind: 'organization' }
	});
	const query = parseGiftReportQuery(submitted);
	return { query, chosen, report: await getGiftReport(db, query) };
};
