/**
 * The two forms of a "Subscribe" panel (person, organisation, office calendar): create a feed — its
 * URL shown once, in this answer only — and revoke one. Officers only: the feed service checks the role.
 */
import { m } from '$lib/paraglide/messages';
import type { RequestEvent } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { createFeed, revokeFeed, type FeedRequest } from '$lib/server/feeds/feed.service';
import { attempt, refuseForm } from '$lib/server/http/form-failure';

const FEED_FORM = 'feed' as const;

export async function createFeedAction(event: RequestEvent, scopeOf: (form: FormData) => FeedRequest) {
	const form = await event.request.formData();
	const name = String(form.get('feedName') ?? '');
	return attempt({ form: FEED_FORM, values: { feedName: name } }, async () => {
		const { token, name: saved } = await createFeed(database().db, actorOf(event), {
			...scopeOf(form),
			name
		});
		const https = `${event.url.origin}/feeds/${token}.ics`;
		return { createdFeed: { name: saved, https, webcal: https.replace(/^https?:/, 'webcal:') } };
	});
}

export async function revokeFeedAction(event: RequestEvent) {
	const feedId = String((await event.request.formData()).get('feedId') ?? '');
	const context = { form: FEED_FORM, values: { feedName: '' } };
	if (!/^[a-z2-7]{32}$/.test(feedId)) return refuseForm(400, m.calendar_feed_error_no_feed(), context);
	return attempt(context, async () => {
		await revokeFeed(database().db, actorOf(event), feedId);
		return { feedRevoked: true };
	});
}
