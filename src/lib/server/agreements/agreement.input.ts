/**
 * Reading the agreements register's filters from a URL (anything unknown is dropped, never an error),
 * and the fields of the agreement form.
 */
import { z } from 'zod';
import { agreementStates } from '../../vocabulary';
import { oneOf, positiveId } from '../query-params';
import {
	calendarDate,
	optional,
	plainText,
	recordFormOf,
	recordId,
	recordIds,
	type RecordFormValues
} from '../validation';
import type { AgreementFilter } from './agreement.repository';

/** A year a list may be narrowed to; anything else is no filter. */
export function listYear(value: string | null): number | undefined {
	return value !== null && /^(19|20)\d{2}$/.test(value) ? Number(value) : undefined;
}

export function parseAgreementListQuery(params: URLSearchParams): AgreementFilter {
	return {
		organizationId: positiveId(params.get('partner')),
		state: oneOf(agreementStates.values, params.get('state')),
		year: listYear(params.get('year'))
	};
}

/** The fields of the agreement form; `parties` holds organisation ids, comma-separated. */
export const AGREEMENT_FIELDS = [
	'title',
	'summary',
	'parties',
	'signedOn',
	'signedUndated',
	'signedPlace',
	'signedEventId',
	'approvedOn',
	'approvalAct',
	'inForceOn',
	'inForceUntil',
	'terminatedOn'
] as const;

export type AgreementFormValues = RecordFormValues<(typeof AGREEMENT_FIELDS)[number]>;

export const AGREEMENT_FORM = recordFormOf(AGREEMENT_FIELDS, ['parties']);

/** Pairs of dates that cannot come the other way round, with the message for the later one. */
const DATE_ORDER = [
	['signedOn', 'approvedOn', 'It cannot be approved before it is signed.'],
	['signedOn', 'inForceOn', 'It cannot enter into force before it is signed.'],
	['inForceOn', 'inForceUntil', 'It cannot end before it enters into force.'],
	['signedOn', 'terminatedOn', 'It cannot be terminated before it is signed.']
] as const;

export const AgreementInput = z
	.object({
		title: plainText('Title', 500),
		summary: optional(plainText('Summary', 10_000, { multiline: true })),
		parties: recordIds('Choose the parties from the list.'),
		signedOn: optional(calendarDate('date of signature')),
		/** A ticked box posts "on". */
		signedUndated: z.string().transform((value) => (value === '' ? (0 as const) : (1 as const))),
		signedPlace: optional(plainText('Place of signature', 200)),
		signedEventId: optional(recordId('Choose the event from the list.')),
		approvedOn: optional(calendarDate('date of approval')),
		approvalAct: optional(plainText('Act of approval', 500)),
		inForceOn: optional(calendarDate('date of entry into force')),
		inForceUntil: optional(calendarDate('last day in force')),
		terminatedOn: optional(calendarDate('date of termination'))
	})
	.superRefine((input, ctx) => {
		if (input.signedUndated === 1 && input.signedOn) {
			const message = 'Give the date, or say that it is not known: not both.';
			ctx.addIssue({ code: 'custom', path: ['signedOn'], message });
		}
		if (input.parties.length < 2) {
			ctx.addIssue({ code: 'custom', path: ['parties'], message: 'Choose at least two parties.' });
		}
		for (const [earlier, later, message] of DATE_ORDER) {
			const [first, then] = [input[earlier], input[later]];
			if (first && then && then < first) ctx.addIssue({ code: 'custom', path: [later], message });
		}
	});
export type AgreementInput = z.infer<typeof AgreementInput>;

/** A letter to link to an agreement from its page, or to unlink, by id. */
export const AgreementLetterInput = z.object({ targetId: recordId('Choose a document.') });
