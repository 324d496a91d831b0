import { m } from '$lib/paraglide/messages';
import { error } from '@sveltejs/kit';
import { hasRole } from '$lib/server/auth/access';
import { database } from '$lib/server/db';
import { parseDossierQuery } from '$lib/server/dossier/dossier.input';
import { findDossier } from '$lib/server/dossier/dossier.service';
import { listFeedsOf } from '$lib/server/feeds/feed.service';
import { createFeedAction, revokeFeedAction } from '../../feed-actions.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const db = database().db;
	const organizationId = Number(params.organizationId);
	const { filter, page } = parseDossierQuery(url);
	const [dossier, feeds] = await Promise.all([
		findDossier(db, organizationId, filter, page),
		hasRole(locals.user, 'officer') ? listFeedsOf(db, { organizationId }) : null
	]);
	if (!dossier) error(404, m.organizations_not_found());
	return { dossier, feeds };
};

export const actions: Actions = {
	createFeed: (event) =>
		createFeedAction(event, () => ({ organizationId: Number(event.params.organizationId) })),
	revokeFeed: revokeFeedAction
};
