import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { database } from '$lib/server/db';
import { findVisitPage } from '$lib/server/visits/visit.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const page = await findVisitPage(database().db, Number(params.visitId));
	if (!page) error(404, m.visits_not_found());
	return page;
};
