/**
 * The words of a meeting's topics as its pages show them (TopicBody.svelte, the list and a topic's page)
 * and of the topic form (TopicFields.svelte, on the list and the edit page), for their loads to send.
 */
import { m } from '$lib/paraglide/messages';
import { defineWords } from '$lib/server/i18n/words';
import { topicSides } from '$lib/vocabulary';

export const topicBodyWords = defineWords({
	topics_became: m.topics_became,
	topics_continues: m.topics_continues,
	topics_due_on: m.topics_due_on,
	topics_our_position: m.topics_our_position,
	topics_raised_by: m.topics_raised_by,
	topics_talking_points: m.topics_talking_points,
	topics_they_may_ask: m.topics_they_may_ask,
	topics_what_was_said: m.topics_what_was_said
});

export type TopicBodyWords = ReturnType<typeof topicBodyWords>;

export const topicFormWords = defineWords({
	topicSides,
	topics_field_points_hint: m.topics_field_points_hint,
	topics_field_questions: m.topics_field_questions,
	topics_field_title: m.topics_field_title,
	topics_our_position: m.topics_our_position,
	topics_raised_by: m.topics_raised_by,
	topics_talking_points: m.topics_talking_points
});

export type TopicFormWords = ReturnType<typeof topicFormWords>;
