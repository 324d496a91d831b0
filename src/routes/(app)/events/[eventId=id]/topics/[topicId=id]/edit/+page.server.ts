import { error, redirect } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { attempt } from '$lib/server/http/form-failure';
import { TOPIC_FORM, TopicUpdateInput } from '$lib/server/topics/topic.input';
import { findTopicForm, removeTopic, reviseTopic } from '$lib/server/topics/topic.service';
import { saveRecordForm } from '../../../../../record-form.server';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const form = await findTopicForm(database().db, Number(params.eventId), Number(params.topicId));
	if (!form) error(404, m.topics_not_found());
	return form;
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
