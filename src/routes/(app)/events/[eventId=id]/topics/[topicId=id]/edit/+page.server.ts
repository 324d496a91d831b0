import { error, redirect } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { attempt } from '$lib/server/http/form-failure';
import { TOPIC_FORM, TopicUpdateInput } from '$lib/server/topics/topic.input';
import { findTopicForm, removeTopic, reviseTopic } from '$lib/server/topics/topic.service';
import { saveRecordForm } from '../../../../../record-form.server';
import { m } from '$lib/paraglide/messages';
import { defineWords } from '$lib/server/i18n/words';
import { recordFormWords } from '$lib/server/i18n/record-form.words';
import type { Actions, PageServerLoad } from './$types';
import { topicFormWords } from '../../words.server';

/** The edit page's words, with the form's, for its load to send. */
const pageWords = defineWords({
	topics_edit_back: m.topics_edit_back,
	topics_edit_heading: m.topics_edit_heading,
	topics_edit_title_tag: m.topics_edit_title_tag,
	topics_remove_question: m.topics_remove_question,
	topics_remove_summary: m.topics_remove_summary,
	topics_remove_yes: m.topics_remove_yes,
	topics_save_changes: m.topics_save_changes
});

export const load: PageServerLoad = async ({ params }) => {
	const form = await findTopicForm(database().db, Number(params.eventId), Number(params.topicId));
	if (!form) error(404, m.topics_not_found());
	return { ...form, words: { ...recordFormWords(), ...pageWords(), ...topicFormWords() } };
};

export const actions: Actions = {
	save: async (event) => {
		const eventId = Number(event.params.eventId);
		const topicId = Number(event.params.topicId);
		return saveRecordForm(event.request, {
			read: TOPIC_FORM.read,
			schema: TopicUpdateInput,
			save: async (input) => {
				await reviseTopic(database().db, actorOf(event), topicId, input, eventId);
				return `/events/${eventId}/topics#topic-${topicId}`;
			}
		});
	},
	/** Takes the topic off the meeting's list; what it became stays a record of its own. */
	remove: async (event) => {
		const eventId = Number(event.params.eventId);
		const topicId = Number(event.params.topicId);
		return attempt({ form: 'remove' as const, values: {} }, async () => {
			await removeTopic(database().db, actorOf(event), topicId, eventId);
			redirect(303, `/events/${eventId}/topics`);
		});
	}
};
