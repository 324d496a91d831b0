import { m } from '$lib/paraglide/messages';
import { error, redirect } from '@sveltejs/kit';
import { hasRole } from '$lib/server/auth/access';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { attempt, invalidInput } from '$lib/server/http/form-failure';
import { PersonalLinkIssueInput } from '$lib/server/links/personal-link.input';
import {
	findPersonalLinkStatus,
	issuePersonalLink,
	revokePersonalLinks
} from '$lib/server/links/personal-link.service';
import { listFeedsOf } from '$lib/server/feeds/feed.service';
import { findMergedInto } from '$lib/server/people/person-merge.service';
import { findPersonPage } from '$lib/server/people/person.service';
import { createFeedAction, revokeFeedAction } from '../../feed-actions.server';
import { formFields } from '$lib/server/validation';
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
	if (!person) {
		// Merged into someone else: their page is the one kept.
		const keptId = await findMergedInto(db, personId);
		if (keptId !== null) redirect(301, `/people/${keptId}`);
		error(404, m.people_not_found());
	}
	return { person, linkPanel: officer ? { link: personalLink ?? null } : null, feeds: feeds ?? null };
};

const LINK_FORM = 'link' as const;

export const actions: Actions = {
	/** Shows the new link once, in this answer only: it is stored nowhere but as a hash. */
	issueLink: async (event) => {
		const fields = formFields(await event.request.formData(), ['validDays']);
		const context = { form: LINK_FORM, values: { validDays: fields.validDays ?? '' } };
		const parsed = PersonalLinkIssueInput.safeParse(fields);
		if (!parsed.success) return invalidInput(parsed.error, context);
		return attempt(context, async () => {
			const personId = Number(event.params.personId);
			const { token, expiresAt } = await issuePersonalLink(
				database().db,
				actorOf(event),
				personId,
				parsed.data
			);
			return { issuedLink: { url: `${event.url.origin}/p/${token}`, expiresAt } };
		});
	},
	createFeed: (event) => createFeedAction(event, () => ({ personId: Number(event.params.personId) })),
	revokeFeed: revokeFeedAction,
	revokeLink: (event) =>
		attempt({ form: LINK_FORM, values: { validDays: '' } }, async () => {
			const personId = Number(event.params.personId);
			return { linksRevoked: await revokePersonalLinks(database().db, actorOf(event), personId) };
		})
};
