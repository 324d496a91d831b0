import { datedMeeting, datedTopic } from './dates.server';
import { error, redirect } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { attempt, invalidInput } from '$lib/server/http/form-failure';
import { TOPIC_FORM, TopicInput, TopicMoveInput } from '$lib/server/topics/topic.input';
import { addTopic, findTopicsPage, moveTopic } from '$lib/server/topics/topic.service';
import { formFields } from '$lib/server/validation';
import { m } from '$lib/paraglide/messages';
import { defineWords } from '$lib/server/i18n/words';
import type { Actions, PageServerLoad } from './$types';
import { topicBodyWords, topicFormWords } from './words.server';

/** The list's words, for its load to send. */
const pageWords = defineWords({
	topics_actions_label: m.topics_actions_label,
	topics_back: m.topics_back,
	topics_date_at_time: m.topics_date_at_time,
	topics_empty: m.topics_empty,
	topics_heading: m.topics_heading,
	topics_open: m.topics_open,
	topics_open_label: m.topics_open_label,
	topics_status_added: m.topics_status_added,
	topics_status_moved: m.topics_status_moved,
	topics_title_tag: m.topics_title_tag
});

/** The words of an officer's tools: the edit links and the form that adds a topic. */
const officerWords = defineWords({
	topics_add_button: m.topics_add_button,
	topics_add_heading: m.topics_add_heading,
	topics_add_hint: m.topics_add_hint,
	topics_edit: m.topics_edit,
	topics_edit_label: m.topics_edit_label,
	topics_empty_officer: m.topics_empty_officer
});

export const load: PageServerLoad = async ({ params, locals }) => {
	const page = await findTopicsPage(database().db, Number(params.eventId));
	if (!page) error(404, m.topics_meeting_not_found());
	const officer = locals.user !== null && locals.user.role !== 'viewer';
	return {
		meeting: datedMeeting(page.meeting),
		topics: page.topics.map(datedTopic),
		words: { ...pageWords(), ...topicBodyWords() },
		officerWords: officer ? { ...officerWords(), ...topicFormWords() } : null
	};
};

export const actions: Actions = {
	/** A new topic at the end of the list. */
	add: async (event) => {
		const eventId = Number(event.params.eventId);
		const values = TOPIC_FORM.read(await event.request.formData());
		const context = { form: 'add' as const, values };
		const parsed = TopicInput.safeParse(values);
		if (!parsed.success) return invalidInput(parsed.error, context);
		return attempt(context, async () => {
			const id = await addTopic(database().db, actorOf(event), eventId, parsed.data);
			redirect(303, `/events/${eventId}/topics?added=${id}#topic-${id}`);
		});
	},
	/** Up or Down: a plain form, by keyboard and without JavaScript. */
	move: async (event) => {
		const eventId = Number(event.params.eventId);
		const context = { form: 'order' as const, values: {} };
		const parsed = TopicMoveInput.safeParse(
			formFields(await event.request.formData(), ['topicId', 'direction'])
		);
		if (!parsed.success) return invalidInput(parsed.error, context);
		const { topicId, direction } = parsed.data;
		return attempt(context, async () => {
			await moveTopic(database().db, actorOf(event), topicId, direction, eventId);
			redirect(303, `/events/${eventId}/topics?moved=${topicId}#topic-${topicId}`);
		});
	}
};
