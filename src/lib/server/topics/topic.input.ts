/** What the topics pages' forms may send, checked before any service sees it. */
import { z } from 'zod';
import { m } from '../../paraglide/messages.js';
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
const notes = (label: () => string) => optional(plainText(label, 10_000, { multiline: true }));

const version = z
	.string({ error: () => m.topics_error_version() })
	.regex(/^[1-9]\d{0,8}$/, { error: () => m.topics_error_version() })
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
	title: plainText(m.topics_turn_title, 300),
	raisedBy: z.enum(topicSides.values, { error: () => m.topics_error_raised_by() }),
	ourPosition: notes(m.topics_our_position),
	talkingPoints: notes(m.topics_talking_points),
	expectedQuestions: notes(m.topics_field_questions)
});
export type TopicInput = z.infer<typeof TopicInput>;

export const TopicUpdateInput = TopicInput.extend({ version });
export type TopicUpdateInput = z.infer<typeof TopicUpdateInput>;

/** What was said on the topic, recorded after the meeting. */
export const TOPIC_DISCUSSION_FORM = recordFormOf(['discussion'] as const);
export const TopicDiscussionInput = z.object({
	discussion: notes(m.topics_what_was_said),
	version
});
export type TopicDiscussionInput = z.infer<typeof TopicDiscussionInput>;

export const TopicRef = z.object({ topicId: recordId(m.topics_error_no_topic) });

export const TopicMoveInput = z.object({
	topicId: recordId(m.topics_error_no_topic),
	direction: z.enum(['up', 'down'], { error: () => m.topics_error_direction() })
});
export type TopicMoveInput = z.infer<typeof TopicMoveInput>;

/** An earlier outcome or letter to link to a topic, or to unlink, from the topic's page. */
export const TopicFollowInput = z.object({
	kind: z.enum(['outcome', 'correspondence'], { error: () => m.topics_error_link_kind() }),
	targetId: recordId(m.topics_error_link_target)
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
			error: () => m.topics_error_becomes()
		}),
		title: plainText(m.topics_turn_title, 300),
		ownerPersonId: optional(recordId(m.topics_error_owner_person)),
		ownerOrganizationId: optional(recordId(m.topics_error_owner_org)),
		dueOn: optional(calendarDate(m.topics_error_due_date)),
		parties: recordIds(m.topics_error_parties),
		version
	})
	.superRefine((input, ctx) => {
		if (input.kind === 'action_point') {
			if (input.ownerPersonId === null && input.ownerOrganizationId === null) {
				const message = m.topics_error_owner_needed();
				ctx.addIssue({ code: 'custom', path: ['ownerOrganizationId'], message });
			}
			if (input.dueOn === null) {
				ctx.addIssue({ code: 'custom', path: ['dueOn'], message: m.topics_error_due_needed() });
			}
		}
		if (input.kind === 'agreement' && input.parties.length < 2) {
			ctx.addIssue({
				code: 'custom',
				path: ['parties'],
				message: m.topics_error_two_parties()
			});
		}
	});
export type TopicResultInput = z.infer<typeof TopicResultInput>;
