/** What the topics pages' forms may send, checked before any service sees it. */
import { z } from 'zod';
import { topicSides } from '../../vocabulary';
import {
	calendarDate,
	optional,
	plainText,
	recordFormOf,
	recordId,
	recordIds,
	type RecordFormValues
} from '../validation';

/** A long text an officer writes on a topic, or null when left empty. */
const notes = (label: string) => optional(plainText(label, 10_000, { multiline: true }));

const version = z
	.string({ error: 'The form does not say which version of the topic it was filled from: open it again.' })
	.regex(
		/^[1-9]\d{0,8}$/,
		'The form does not say which version of the topic it was filled from: open it again.'
	)
	.transform(Number);

/** The fields of the topic form, as it names them. */
export const TOPIC_FIELDS = [
	'title',
	'raisedBy',
	'ourPosition',
	'talkingPoints',
	'expectedQuestions'
] as const;
export const TOPIC_FORM = recordFormOf(TOPIC_FIELDS);
export type TopicFormValues = RecordFormValues<(typeof TOPIC_FIELDS)[number]>;

export const TopicInput = z.object({
	title: plainText('Title', 300),
	raisedBy: z.enum(topicSides.values, { error: 'Say which side raises it.' }),
	ourPosition: notes('Our position'),
	talkingPoints: notes('Talking points'),
	expectedQuestions: notes('What they may ask')
});
export type TopicInput = z.infer<typeof TopicInput>;

export const TopicUpdateInput = TopicInput.extend({ version });
export type TopicUpdateInput = z.infer<typeof TopicUpdateInput>;

/** What was said on the topic, recorded after the meeting. */
export const TOPIC_DISCUSSION_FORM = recordFormOf(['discussion'] as const);
export const TopicDiscussionInput = z.object({
	discussion: notes('What was said'),
	version
});
export type TopicDiscussionInput = z.infer<typeof TopicDiscussionInput>;

export const TopicRef = z.object({ topicId: recordId('No topic named.') });

export const TopicMoveInput = z.object({
	topicId: recordId('No topic named.'),
	direction: z.enum(['up', 'down'], { error: 'Say whether to move the topic up or down.' })
});
export type TopicMoveInput = z.infer<typeof TopicMoveInput>;

/** An earlier outcome or letter to link to a topic, or to unlink, from the topic's page. */
export const TopicFollowInput = z.object({
	kind: z.enum(['outcome', 'correspondence'], { error: 'Choose an outcome or a letter.' }),
	targetId: recordId('Choose what to link.')
});
export type TopicFollowInput = z.infer<typeof TopicFollowInput>;

/** What a topic may become in one step. */
export const TOPIC_RESULTS = {
	decision: 'Decision',
	action_point: 'Action point',
	agreement: 'Draft agreement'
} as const;
export type TopicResultKind = keyof typeof TOPIC_RESULTS;

/** The fields of the form that turns a topic into an outcome or agreement. */
export const TOPIC_RESULT_FIELDS = [
	'kind',
	'title',
	'ownerPersonId',
	'ownerOrganizationId',
	'dueOn',
	'parties'
] as const;
export const TOPIC_RESULT_FORM = recordFormOf(TOPIC_RESULT_FIELDS, ['parties']);

export const TopicResultInput = z
	.object({
		kind: z.enum(Object.keys(TOPIC_RESULTS) as [TopicResultKind, ...TopicResultKind[]], {
			error: 'Choose what it becomes.'
		}),
		title: plainText('Title', 300),
		ownerPersonId: optional(recordId('Choose a person from the list.')),
		ownerOrganizationId: optional(recordId('Choose an organisation from the list.')),
		dueOn: optional(calendarDate('due date')),
		parties: recordIds('Choose the parties from the list.'),
		version
	})
	.superRefine((input, ctx) => {
		if (input.kind === 'action_point') {
			if (input.ownerPersonId === null && input.ownerOrganizationId === null) {
				const message = 'An action point needs an owner: a person, an organisation or both.';
				ctx.addIssue({ code: 'custom', path: ['ownerOrganizationId'], message });
			}
			if (input.dueOn === null) {
				ctx.addIssue({ code: 'custom', path: ['dueOn'], message: 'An action point needs a due date.' });
			}
		}
		if (input.kind === 'agreement' && input.parties.length < 2) {
			ctx.addIssue({
				code: 'custom',
				path: ['parties'],
				message: 'An agreement needs at least two parties.'
			});
		}
	});
export type TopicResultInput = z.infer<typeof TopicResultInput>;
