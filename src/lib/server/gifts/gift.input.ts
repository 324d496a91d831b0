/**
 * The gift form's fields, the register's filters read from a URL (anything unknown is dropped, never an
 * error), and the yearly report's choice of year and person or organisation.
 */
import { z } from 'zod';
import { m } from '../../paraglide/messages.js';
import { giftDirections, giftDispositions } from '../../vocabulary';
import { oneOf, positiveId } from '../query-params';
import {
	calendarDate,
	optional,
	plainText,
	recordFormOf,
	recordId,
	type RecordFormValues
} from '../validation';
import { currencyExponent, isCurrency, toMinorUnits } from './gift.money';

export interface GiftFilter {
	direction?: (typeof giftDirections.values)[number];
	disposition?: (typeof giftDispositions.values)[number];
	/** Given in this calendar year. */
	year?: number;
}

/** A year a register or report may ask for: four digits, nothing absurd. */
export function yearOf(value: string | null): number | undefined {
	const year = Number(value);
	return /^\d{4}$/.test(value ?? '') && year >= 1900 && year <= 2200 ? year : undefined;
}

export function parseGiftListQuery(params: URLSearchParams): GiftFilter {
	return {
		direction: oneOf(giftDirections.values, params.get('direction')),
		disposition: oneOf(giftDispositions.values, params.get('disposition')),
		year: yearOf(params.get('year'))
	};
}

/** The yearly report: a year (this one when none is named) and whose gifts, a person's or an organisation's. */
export interface GiftReportQuery {
	year: number;
	personId?: number;
	organizationId?: number;
}

export function parseGiftReportQuery(params: URLSearchParams, now = new Date()): GiftReportQuery {
	return {
		year: yearOf(params.get('year')) ?? now.getUTCFullYear(),
		personId: positiveId(params.get('person')),
		organizationId: positiveId(params.get('organization'))
	};
}

export const GIFT_FIELDS = [
	'direction',
	'givenOn',
	'giverPersonId',
	'giverOrganizationId',
	'recipientPersonId',
	'recipientOrganizationId',
	'description',
	'value',
	'currency',
	'disposition',
	'dispositionOn',
	'dispositionNote',
	'notes',
	'eventId'
] as const;

export type GiftFormValues = RecordFormValues<(typeof GIFT_FIELDS)[number]>;

export const GIFT_FORM = recordFormOf(GIFT_FIELDS);

/** An amount as people type it: digits, spaces or thin spaces between thousands, a point or a comma before the fraction. */
const AMOUNT = /^\d{1,3}(?:[ \u00a0\u202f]?\d{3})*(?:[.,]\d+)?$|^\d+(?:[.,]\d+)?$/;

export const GiftInput = z
	.object({
		direction: z.enum(giftDirections.values, { error: () => m.gifts_error_direction() }),
		givenOn: calendarDate(m.gifts_error_given_on),
		giverPersonId: optional(recordId(m.gifts_error_person)),
		giverOrganizationId: optional(recordId(m.gifts_error_organization)),
		recipientPersonId: optional(recordId(m.gifts_error_person)),
		recipientOrganizationId: optional(recordId(m.gifts_error_organization)),
		description: plainText(m.gifts_field_description, 2000, { multiline: true }),
		value: optional(
			z
				.string()
				.trim()
				.regex(AMOUNT, { error: () => m.gifts_error_value() })
		),
		currency: optional(
			z
				.string()
				.trim()
				.transform((code) => code.toUpperCase())
				.refine(isCurrency, { error: () => m.gifts_error_currency() })
		),
		disposition: z.enum(giftDispositions.values, { error: () => m.gifts_error_disposition() }),
		dispositionOn: optional(calendarDate(m.gifts_error_disposition_on)),
		dispositionNote: optional(plainText(m.gifts_field_disposition_note, 2000, { multiline: true })),
		notes: optional(plainText(m.gifts_field_notes, 10_000, { multiline: true })),
		eventId: optional(recordId(m.gifts_error_event_gone))
	})
	.superRefine((input, ctx) => {
		const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
		if (input.giverPersonId === null && input.giverOrganizationId === null) {
			issue('giverPersonId', m.gifts_error_giver());
		}
		if (input.recipientPersonId === null && input.recipientOrganizationId === null) {
			issue('recipientPersonId', m.gifts_error_recipient());
		}
		if (input.value !== null && input.currency === null) {
			issue('currency', m.gifts_error_value_currency());
		}
		if (input.value !== null && input.currency !== null) {
			const exponent = currencyExponent(input.currency);
			const fraction = /[.,](\d+)$/.exec(input.value)?.[1] ?? '';
			if (fraction.length > exponent) {
				issue(
					'value',
					exponent === 0
						? m.gifts_error_whole_number({ currency: input.currency })
						: m.gifts_error_decimals({ currency: input.currency, exponent })
				);
			} else if (toMinorUnits(input.value, exponent) > 2_000_000_000) {
				issue('value', m.gifts_error_too_large());
			}
		}
		if (input.dispositionOn && input.dispositionOn < input.givenOn) {
			issue('dispositionOn', m.gifts_error_disposition_before());
		}
	});
export type GiftInput = z.infer<typeof GiftInput>;

/** The event a gift's page says it was given at (LinkFinder's Link and Unlink). */
export const GiftEventInput = z.object({
	kind: z.literal('event', { error: () => m.gifts_error_link_event_only() }),
	targetId: recordId(m.gifts_error_choose_event)
});
