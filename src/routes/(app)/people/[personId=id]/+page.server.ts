import { error, fail } from '@sveltejs/kit';
import { hasRole, requireRole } from '$lib/server/auth/access';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { Forbidden, NotFound, RuleViolation } from '$lib/server/errors';
import { PersonalLinkIssueInput } from '$lib/server/links/personal-link.input';
import {
	findPersonalLinkStatus,
	issuePersonalLink,
	revokePersonalLinks
} from '$lib/server/links/personal-link.service';
import { listFeedsOf } from '$lib/server/feeds/feed.service';
import { findPersonPage } from '$lib/server/people/person.service';
import { createFeedAction, revokeFeedAction } from '../../feed-actions.server';
import { fieldErrors, formFields } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const officer = hasRole(locals.user, 'officer');
	const db = database().db;
	const personId = Number(params.personId);
	const [person, personalLink, feeds] = await Promise.all([
		findPersonPage(db, personId, { privateContacts: officer }),
		// Viewers get no word of personal links or feeds, not even whether one exists.
		officer ? findPersonalLinkStatus(db, personId) : undefined,
		officer ? listFeedsOf(db, { personId }) : undefined
	]);
	if (!person) error(404, 'No such person');
	return { person, linkPanel: officer ? { link: personalLink ?? null } : null, feeds: feeds ?? null };
};

type ActionEvent = Parameters<Actions[string]>[0];

/**
 * The beats every personal-link action shares: the role checked here as well as in the hooks, and the
 * domain's refusals turned into answers the panel shows.
 */
async function asOfficer<T>(event: ActionEvent, run: (personId: number) => Promise<T>) {
	try {
		requireRole(event.locals.user, 'officer');
		return await run(Number(event.params.personId));
	} catch (e) {
		if (e instanceof Forbidden) return fail(403, { linkErrors: { form: e.message }, validDays: '' });
		if (e instanceof NotFound) return fail(404, { linkErrors: { form: e.message }, validDays: '' });
		throw e;
	}
}

export const actions: Actions = {
	/** Shows the new link once, in this answer only: it is stored nowhere but as a hash. */
	issueLink: (event) =>
		asOfficer(event, async (personId) => {
			const fields = formFields(await event.request.formData(), ['validDays']);
			const validDays = fields.validDays ?? '';
			const parsed = PersonalLinkIssueInput.safeParse(fields);
			if (!parsed.success) return fail(400, { linkErrors: fieldErrors(parsed.error), validDays });
			try {
				const { token, expiresAt } = await issuePersonalLink(
					database().db,
					actorOf(event),
					personId,
					parsed.data
				);
				return { issuedLink: { url: `${event.url.origin}/p/${token}`, expiresAt } };
			} catch (e) {
				if (e instanceof RuleViolation) return fail(400, { linkErrors: e.fields, validDays });
				throw e;
			}
		}),
	createFeed: (event) => createFeedAction(event, () => ({ personId: Number(event.params.personId) })),
	revokeFeed: revokeFeedAction,
	revokeLink: (event) =>
		asOfficer(event, async (personId) => ({
			linksRevoked: await revokePersonalLinks(database().db, actorOf(event), personId)
		}))
};
