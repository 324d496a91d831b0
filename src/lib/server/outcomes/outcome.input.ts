/**
 * Reading the outcomes register's filters from a URL (anything unknown is dropped, never an error), and
 * the fields of the outcome form.
 */
import { z } from 'zod';
import { outcomeKinds, outcomeStatuses } from '../../vocabulary';
import { oneOf, positiveId } from '../query-params';
import { emptyRecordForm, optional, plainText, readRecordForm, type RecordFormValues } from '../validation';
import type { OutcomeFilter } from './outcome.repository';

export type OutcomeListQuery = OutcomeFilter;

export function parseOutcomeListQuery(params: URLSearchParams): OutcomeListQuery {
	return {
		status: oneOf(outcomeStatuses.values, params.get('status')),
		kind: oneOf(outcomeKinds.values, params.get('kind')),
		organizationId: positiveId(params.get('organization'))
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
	'signedOn',
	'signedPlace',
	'approvedOn',
	'inForceOn',
	'parties'
] as const;

export type OutcomeFormValues = RecordFormValues<(typeof OUTCOME_FIELDS)[number]>;

export function emptyOutcomeForm(): OutcomeFormValues {
	return emptyRecordForm(OUTCOME_FIELDS);
}

export function readOutcomeForm(data: FormData): OutcomeFormValues {
	// The parties come as one field per organisation chosen.
	return { ...readRecordForm(data, OUTCOME_FIELDS), parties: data.getAll('parties').map(String).join(',') };
}

const id = (message: string) =>
	z
		.string()
		.regex(/^\d{1,9}$/, message)
		.transform(Number);

const calendarDate = (label: string) =>
	z
		.string()
		.trim()
		.regex(/^\d{4}-\d{2}-\d{2}$/, `Enter the ${label} as a date.`)
		.refine((value) => {
			const parsed = new Date(`${value}T00:00:00Z`);
			return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
		}, 'There is no such date.');

export const OutcomeInput = z
	.object({
		eventId: optional(id('Choose an event.')),
		kind: z.enum(outcomeKinds.values, { error: 'Choose a kind.' }),
		title: plainText('Title', 300),
		text: optional(plainText('Text', 10_000, { multiline: true })),
		status: z.enum(outcomeStatuses.values, { error: 'Choose a status.' }),
		ownerPersonId: optional(id('Choose a person from the list.')),
		ownerOrganizationId: optional(id('Choose an organisation from the list.')),
		dueOn: optional(calendarDate('due date')),
		signedOn: optional(calendarDate('date of signature')),
		signedPlace: optional(plainText('Place of signature', 200)),
		approvedOn: optional(calendarDate('date of approval')),
		inForceOn: optional(calendarDate('date of entry into force')),
		parties: z
			.string()
			.transform((value) => value.split(',').filter(Boolean))
			.pipe(z.array(id('Choose the parties from the list.')))
			.transform((ids) => [...new Set(ids)])
	})
	.superRefine((input, ctx) => {
		if (input.inForceOn && input.signedOn && input.inForceOn < input.signedOn) {
			ctx.addIssue({
				code: 'custom',
				path: ['inForceOn'],
				message: 'It cannot enter into force before it is signed.'
			});
		}
		if (input.approvedOn && input.signedOn && input.approvedOn < input.signedOn) {
			ctx.addIssue({
				code: 'custom',
				path: ['approvedOn'],
				message: 'It cannot be approved before it is signed.'
			});
		}
	});
export type OutcomeInput = z.infer<typeof OutcomeInput>;

export const OutcomeStatusInput = z.object({
	status: z.enum(outcomeStatuses.values, { error: 'Choose a status.' })
});
