import type { TopicFormWords } from './words.server';

/** The topic form's labels, by field, from its words: the form and its stale notice share them. */
export const topicLabels = (words: TopicFormWords) => ({
	title: words.topics_field_title,
	raisedBy: words.topics_raised_by,
	ourPosition: words.topics_our_position,
	talkingPoints: words.topics_talking_points,
	expectedQuestions: words.topics_field_questions
});
