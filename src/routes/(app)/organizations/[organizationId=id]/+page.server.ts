import { error } from '@sveltejs/kit';
import { hasRole } from '$lib/server/auth/access';
import { database } from '$lib/server/db';
import { listFeedsOf } from '$lib/server/feeds/feed.service';
import { findOrganizationPage } from '$lib/server/organizations/organization.service';
import { createFeedAction, revokeFeedAction } from '../../feed-actions.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const db = database().db;
	const organizationId = Number(params.organizationId);
	const [organization, feeds] = await Promise.all([
		findOrganizationPage(db, organizationId),
		hasRole(locals.user, 'officer') ? listFeedsOf(db, { organizationId }) : null
	]);
	if (!organization) error(404, 'No such organisation');
	return { organization, feeds };
};

export const actions: Actions = {
	createFeed: (event) =>
		createFeedAction(event, () => ({ organizationId: Number(event.params.organizationId) })),
	revokeFeed: revokeFeedAction
};
