import { database } from '$lib/server/db';
import { getHomePage } from '$lib/server/home/home.service';
import type { PageServerLoad } from './$types';

/** The officer's home page: today and the coming week, and what waits for an answer or a follow-up. */
export const load: PageServerLoad = async ({ locals }) => {
	// The hooks let only a signed-in user reach this group.
	return { home: await getHomePage(database().db, locals.user!) };
};
