/**
 * The two forms of a "Subscribe" panel (person, organisation, office calendar): create a feed — its
 * URL shown once, in this answer only — and revoke one. Officers only, checked here as in the hooks.
 */
import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/access';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { NotFound, RuleViolation } from '$lib/server/errors';
import { createFeed, revokeFeed, type FeedRequest } from '$lib/server/feeds/feed.service';

export async function createFeedAction(event: RequestEvent, scopeOf: (form: FormData) => FeedRequest) {
	requireRole(event.locals.user, 'officer');
	const form = await event.request.formData();
	const name = String(form.get('feedName') ?? '');
	try {
		const { token, name: saved } = await createFeed(database().db, actorOf(event), {
			...scopeOf(form),
			name
		});
		const https = `${event.url.origin}/feeds/${token}.ics`;
		return { createdFeed: { name: saved, https, webcal: https.replace(/^https?:/, 'webcal:') } };
	} catch (e) {
		if (e instanceof NotFound) error(404, e.message);
		if (e instanceof RuleViolation)
			return fail(400, { feedErrors: { form: e.message, ...e.fields }, feedName: name });
		throw e;
	}
}

export async function revokeFeedAction(event: RequestEvent) {
	requireRole(event.locals.user, 'officer');
	const feedId = String((await event.request.formData()).get('feedId') ?? '');
	if (!/^[a-z2-7]{32}$/.test(feedId)) return fail(400, { feedErrors: { form: 'Choose a feed to revoke.' } });
	try {
		await revokeFeed(database().db, actorOf(event), feedId);
	} catch (e) {
		if (e instanceof NotFound) error(404, e.message);
		throw e;
	}
	return { feedRevoked: true };
}
