/**
 * The gift form's fields, the register's filters read from a URL (anything unknown is dropped, never an
 * error), and the yearly report's choice of year and person or organisation.
 */
import { z } from 'zod';
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
		direction: z.enum(giftDirections.values, { error: 'Say whether the gift was received or given.' }),
		givenOn: calendarDate('date it was given'),
		giverPersonId: optional(recordId('Choose a person from the list.')),
		giverOrganizationId: optional(recordId('Choose an organisation from the list.')),
		recipientPersonId: optional(recordId('Choose a person from the list.')),
		recipientOrganizationId: optional(recordId('Choose an organisation from the list.')),
		description: plainText('Description', 2000, { multiline: true }),
		value: optional(z.string().trim().regex(AMOUNT, 'Enter the value as a number, such as 250 or 1 200.50.')),
		currency: optional(
			z
				.string()
				.trim()
				.transform((code) => code.toUpperCase())
				.refine(isCurrency, 'Enter a currency code such as AZN, USD or EUR.')
		),
		disposition: z.enum(giftDispositions.values, { error: 'Choose what became of the gift.' }),
		dispositionOn: optional(calendarDate('date of what became of it')),
		dispositionNote: optional(plainText('Note on what became of it', 2000, { multiline: true })),
		notes: optional(plainText('Notes', 10_000, { multiline: true })),
		eventId: optional(recordId('That event is gone.'))
	})
	.superRefine((input, ctx) => {
		const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
		if (input.giverPersonId === null && input.giverOrganizationId === null) {
			issue('giverPersonId', 'Name who gave it: a person, an organisation, or both.');
		}
		if (input.recipientPersonId === null && input.recipientOrganizationId === null) {
			issue('recipientPersonId', 'Name who received it: a person, an organisation, or both.');
		}
		if (input.value !== null && input.currency === null) {
			issue('currency', 'Say in which currency the value is estimated.');
		}
		if (input.value !== null && input.currency !== null) {
			const exponent = currencyExponent(input.currency);
			const fraction = /[.,](\d+)$/.exec(input.value)?.[1] ?? '';
			if (fraction.length > exponent) {
				issue(
					'value',
					exponent === 0
						? `${input.currency} has no smaller unit: enter a whole number.`
						: `${input.currency} has ${exponent} decimal places at most.`
				);
			} else if (toMinorUnits(input.value, exponent) > 2_000_000_000) {
				issue('value', 'That value is too large to record.');
			}
		}
		if (input.dispositionOn && input.dispositionOn < input.givenOn) {
			issue('dispositionOn', 'It cannot come before the gift was given.');
		}
	});
export type GiftInput = z.infer<typeof GiftInput>;

/** The event a gift's page says it was given at (LinkFinder's Link and Unlink). */
export const GiftEventInput = z.object({
	kind: z.literal('event', { error: 'Only an event can be linked to a gift.' }),
	targetId: recordId('Choose an event.')
});
