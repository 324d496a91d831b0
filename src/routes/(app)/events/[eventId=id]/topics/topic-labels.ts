import { m } from '$lib/paraglide/messages';

/** The topic form's labels, by field, in the reader's language: the form and its stale notice share them. */
export const topicLabels = () => ({
	title: m.topics_field_title(),
	raisedBy: m.topics_raised_by(),
	ourPosition: m.topics_our_position(),
	talkingPoints: m.topics_talking_points(),
	expectedQuestions: m.topics_field_questions()
});
