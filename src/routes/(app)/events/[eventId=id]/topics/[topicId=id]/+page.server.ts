import { error, redirect } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { attempt, invalidInput } from '$lib/server/http/form-failure';
import {
	TOPIC_DISCUSSION_FORM,
	TOPIC_RESULT_FORM,
	TopicDiscussionInput,
	TopicFollowInput,
	TopicResultInput
} from '$lib/server/topics/topic.input';
import {
	findTopicPage,
	recordTopicDiscussion,
	setTopicFollow,
	turnTopicInto
} from '$lib/server/topics/topic.service';
import { changeLinkAction } from '../../../../link-actions.server';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** `?find=`: earlier outcomes and letters to link, found by words of their title or reference number. */
export const load: PageServerLoad = async ({ params, url }) => {
	const find = (url.searchParams.get('find') ?? '').slice(0, 200);
	const page = await findTopicPage(database().db, Number(params.eventId), Number(params.topicId), { find });
	if (!page) error(404, m.topics_not_found());
	return { ...page, find };
};

type ActionEvent = Parameters<Actions[string]>[0];

const ids = (event: ActionEvent) => ({
	eventId: Number(event.params.eventId),
	topicId: Number(event.params.topicId)
});

/** The Link buttons of the finder (`linked`) and the Unlink buttons beside each earlier record. */
const setFollow = (event: ActionEvent, linked: boolean) => {
	const { eventId, topicId } = ids(event);
	return changeLinkAction(event.request, {
		schema: TopicFollowInput,
		write: (target) => setTopicFollow(database().db, actorOf(event), topicId, { ...target, linked }, eventId),
		back: { path: `/events/${eventId}/topics/${topicId}`, anchor: linked ? 'link' : 'topic' }
	});
};

export const actions: Actions = {
	/** What was said on the topic, after the meeting. */
	discussion: async (event) => {
		const { eventId, topicId } = ids(event);
		const values = TOPIC_DISCUSSION_FORM.read(await event.request.formData());
		const context = { form: 'discussion' as const, values };
		const parsed = TopicDiscussionInput.safeParse(values);
		if (!parsed.success) return invalidInput(parsed.error, context);
		return attempt(context, async () => {
			await recordTopicDiscussion(database().db, actorOf(event), topicId, parsed.data, eventId);
			redirect(303, `/events/${eventId}/topics/${topicId}?said=1#topic`);
		});
	},
	/** The topic becomes a decision, an action point or a draft agreement, in one step. */
	turn: async (event) => {
		const { eventId, topicId } = ids(event);
		const values = TOPIC_RESULT_FORM.read(await event.request.formData());
		const context = { form: 'turn' as const, values };
		const parsed = TopicResultInput.safeParse(values);
		if (!parsed.success) return invalidInput(parsed.error, context);
		return attempt(context, async () => {
			await turnTopicInto(database().db, actorOf(event), topicId, parsed.data, eventId);
			redirect(303, `/events/${eventId}/topics/${topicId}?turned=1#topic`);
		});
	},
	link: (event) => setFollow(event, true),
	unlink: (event) => setFollow(event, false)
};
