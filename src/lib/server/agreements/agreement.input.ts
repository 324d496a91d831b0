/**
 * Reading the agreements register's filters from a URL (anything unknown is dropped, never an error),
 * and the fields of the agreement form.
 */
import { m } from '../../paraglide/messages.js';
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
	['signedOn', 'approvedOn', m.agreements_error_approved_before_signed],
	['signedOn', 'inForceOn', m.agreements_error_in_force_before_signed],
	['inForceOn', 'inForceUntil', m.agreements_error_ends_before_in_force],
	['signedOn', 'terminatedOn', m.agreements_error_terminated_before_signed]
] as const;

export const AgreementInput = z
	.object({
		title: plainText(m.agreements_field_title, 500),
		summary: optional(plainText(m.agreements_field_summary, 10_000, { multiline: true })),
		parties: recordIds(m.agreements_error_choose_parties),
		signedOn: optional(calendarDate(m.agreements_error_signed_on)),
		/** A ticked box posts "on". */
		signedUndated: z.string().transform((value) => (value === '' ? (0 as const) : (1 as const))),
		signedPlace: optional(plainText(m.agreements_field_place, 200)),
		signedEventId: optional(recordId(m.agreements_error_choose_event)),
		approvedOn: optional(calendarDate(m.agreements_error_approved_on)),
		approvalAct: optional(plainText(m.agreements_field_act, 500)),
		inForceOn: optional(calendarDate(m.agreements_error_in_force_on)),
		inForceUntil: optional(calendarDate(m.agreements_error_in_force_until)),
		terminatedOn: optional(calendarDate(m.agreements_error_terminated_on))
	})
	.superRefine((input, ctx) => {
		if (input.signedUndated === 1 && input.signedOn) {
			const message = m.agreements_error_date_or_undated();
			ctx.addIssue({ code: 'custom', path: ['signedOn'], message });
		}
		if (input.parties.length < 2) {
			ctx.addIssue({ code: 'custom', path: ['parties'], message: m.agreements_error_two_parties() });
		}
		for (const [earlier, later, message] of DATE_ORDER) {
			const [first, then] = [input[earlier], input[later]];
			if (first && then && then < first) ctx.addIssue({ code: 'custom', path: [later], message: message() });
		}
	});
export type AgreementInput = z.infer<typeof AgreementInput>;

/** A letter to link to an agreement from its page, or to unlink, by id. */
export const AgreementLetterInput = z.object({ targetId: recordId(m.agreements_error_choose_document) });
