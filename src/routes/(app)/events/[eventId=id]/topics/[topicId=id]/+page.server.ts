import { datedMeeting, datedTopic } from '../dates.server';
import { error, redirect } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { hasRole } from '$lib/server/auth/access';
import { recordFormWords } from '$lib/server/i18n/record-form.words';
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
import { defineWords } from '$lib/server/i18n/words';
import { topicBodyWords } from '../words.server';

/** The page's own words, for its load to send. */
const pageWords = defineWords({
	topics_all: m.topics_all,
	topics_edit_topic: m.topics_edit_topic,
	topics_heading: m.topics_heading,
	topics_kind_action_point: m.topics_kind_action_point,
	topics_kind_agreement: m.topics_kind_agreement,
	topics_kind_decision: m.topics_kind_decision,
	topics_link_heading: m.topics_link_heading,
	topics_link_label: m.topics_link_label,
	topics_none: m.topics_none,
	topics_said_done: m.topics_said_done,
	topics_said_hint: m.topics_said_hint,
	topics_said_label: m.topics_said_label,
	topics_said_save: m.topics_said_save,
	topics_the_topic: m.topics_the_topic,
	topics_topic_actions: m.topics_topic_actions,
	topics_topic_title_tag: m.topics_topic_title_tag,
	topics_turn_button: m.topics_turn_button,
	topics_turn_due: m.topics_turn_due,
	topics_turn_due_hint: m.topics_turn_due_hint,
	topics_turn_heading: m.topics_turn_heading,
	topics_turn_intro: m.topics_turn_intro,
	topics_turn_kind: m.topics_turn_kind,
	topics_turn_owner: m.topics_turn_owner,
	topics_turn_owner_hint: m.topics_turn_owner_hint,
	topics_turn_owner_org: m.topics_turn_owner_org,
	topics_turn_owner_org_hint: m.topics_turn_owner_org_hint,
	topics_turn_parties: m.topics_turn_parties,
	topics_turn_parties_hint: m.topics_turn_parties_hint,
	topics_turn_title: m.topics_turn_title,
	topics_turned: m.topics_turned,
	topics_what_was_said: m.topics_what_was_said
});

/** `?find=`: earlier outcomes and letters to link, found by words of their title or reference number. */
export const load: PageServerLoad = async ({ params, url, locals }) => {
	const find = (url.searchParams.get('find') ?? '').slice(0, 200);
	const page = await findTopicPage(database().db, Number(params.eventId), Number(params.topicId), { find });
	if (!page) error(404, m.topics_not_found());
	return {
		...page,
		meeting: datedMeeting(page.meeting),
		topic: datedTopic(page.topic),
		find,
		words: { ...pageWords(), ...topicBodyWords() },
		// The other officer's changes are shown only in the officers' discussion form.
		staleWords: hasRole(locals.user, 'officer') ? recordFormWords() : null
	};
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
