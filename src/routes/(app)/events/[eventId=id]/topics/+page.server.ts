import { error, redirect } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { attempt, invalidInput } from '$lib/server/http/form-failure';
import { TOPIC_FORM, TopicInput, TopicMoveInput } from '$lib/server/topics/topic.input';
import { addTopic, findTopicsPage, moveTopic } from '$lib/server/topics/topic.service';
import { formFields } from '$lib/server/validation';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const page = await findTopicsPage(database().db, Number(params.eventId));
	if (!page) error(404, m.topics_meeting_not_found());
	return page;
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
