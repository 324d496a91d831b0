/**
 * Reading the outcomes register's filters from a URL (anything unknown is dropped, never an error), and
 * the fields of the outcome form.
 */
import { m } from '../../paraglide/messages.js';
import { z } from 'zod';
import { outcomeKinds, outcomeStatuses } from '../../vocabulary';
import { oneOf, positiveId } from '../query-params';
import {
	calendarDate,
	emptyRecordForm,
	optional,
	plainText,
	readRecordForm,
	recordId,
	recordIds,
	type RecordFormValues
} from '../validation';
import type { OutcomeFilter } from './outcome.repository';

export type OutcomeListQuery = OutcomeFilter;

export function parseOutcomeListQuery(params: URLSearchParams): OutcomeListQuery {
	return {
		status: oneOf(outcomeStatuses.values, params.get('status')),
		kind: oneOf(outcomeKinds.values, params.get('kind')),
		organizationId: positiveId(params.get('organization')),
		personId: positiveId(params.get('person'))
	};
}

/** The fields of the outcome form, as it names them; `parties` holds organisation ids, comma-separated. */
export const OUTCOME_FIELDS = [
	'eventId',
	'kind',
	'title',
	'text',
	'status',
	'ownerPersonId',
	'ownerOrganizationId',
	'dueOn',
	'responsibleUserId',
	'parties'
] as const;

export type OutcomeFormValues = RecordFormValues<(typeof OUTCOME_FIELDS)[number]>;

export function emptyOutcomeForm(): OutcomeFormValues {
	return emptyRecordForm(OUTCOME_FIELDS);
}

export function readOutcomeForm(data: FormData): OutcomeFormValues {
	return readRecordForm(data, OUTCOME_FIELDS, ['parties']);
}

export const OutcomeInput = z.object({
	eventId: optional(recordId(m.outcomes_error_choose_event)),
	kind: z.enum(outcomeKinds.values, { error: () => m.outcomes_error_choose_kind() }),
	title: plainText(m.outcomes_field_title, 300),
	text: optional(plainText(m.outcomes_field_text, 10_000, { multiline: true })),
	status: z.enum(outcomeStatuses.values, { error: () => m.outcomes_error_choose_status() }),
	ownerPersonId: optional(recordId(m.outcomes_error_choose_person)),
	ownerOrganizationId: optional(recordId(m.outcomes_error_choose_organization)),
	dueOn: optional(calendarDate(m.outcomes_error_due)),
	responsibleUserId: optional(recordId(m.outcomes_error_choose_officer)),
	parties: recordIds(m.outcomes_error_choose_parties)
});
export type OutcomeInput = z.infer<typeof OutcomeInput>;

/** A change of the follow-up status, from the outcome page or the board: always with a short note. */
export const OutcomeStatusInput = z.object({
	status: z.enum(outcomeStatuses.values, { error: () => m.outcomes_error_choose_status() }),
	note: plainText(m.outcomes_field_note, 500)
});
export type OutcomeStatusInput = z.infer<typeof OutcomeStatusInput>;

/** The meeting an action point is carried to, as the finder on its page names it. */
export const OutcomeCarryInput = z.object({
	kind: z.literal('event', { error: () => m.outcomes_error_choose_meeting() }),
	targetId: recordId(m.outcomes_error_choose_meeting_found)
});
export type OutcomeCarryInput = z.infer<typeof OutcomeCarryInput>;

/** Action points carried over to a new meeting from its page: one, or all those offered. */
export const CarryOverInput = z.object({
	outcomeIds: recordIds(m.outcomes_error_choose_carry).refine((ids) => ids.length > 0, {
		error: () => m.outcomes_error_choose_carry()
	})
});
export type CarryOverInput = z.infer<typeof CarryOverInput>;

/** What was said on an action point at a meeting it was carried to, and the version it was read at. */
export const FollowUpNoteInput = z.object({
	eventId: recordId(m.outcomes_error_which_meeting),
	note: optional(plainText(m.outcomes_field_said, 10_000, { multiline: true })),
	version: z
		.string({ error: () => m.outcomes_error_open_again() })
		.regex(/^[1-9]\d{0,8}$/, { error: () => m.outcomes_error_open_again() })
		.transform(Number)
});
export type FollowUpNoteInput = z.infer<typeof FollowUpNoteInput>;
