/**
 * Reading the correspondence register's filters from a URL (anything unknown is dropped, never an
 * error), and the fields of the correspondence form.
 */
import { m } from '../../paraglide/messages.js';
import { z } from 'zod';
import { correspondenceDirections, correspondenceEventLinks, correspondenceKinds } from '../../vocabulary';
import { oneOf, positiveId } from '../query-params';
import { emptyRecordForm, optional, plainText, readRecordForm, type RecordFormValues } from '../validation';
import type { CorrespondenceFilter } from './correspondence.repository';

export type CorrespondenceListQuery = CorrespondenceFilter;

/** A year the register may be filtered by: four digits, from the first letters a protocol office keeps. */
function registerYear(value: string | null): number | undefined {
	if (value === null || !/^\d{4}$/.test(value)) return undefined;
	const year = Number(value);
	return year >= 1900 && year <= 9998 ? year : undefined;
}

export function parseCorrespondenceListQuery(params: URLSearchParams): CorrespondenceListQuery {
	return {
		year: registerYear(params.get('year')),
		direction: oneOf(correspondenceDirections.values, params.get('direction')),
		kind: oneOf(correspondenceKinds.values, params.get('kind')),
		organizationId: positiveId(params.get('organization')),
		awaitingReply: params.get('awaiting') === '1' || undefined
	};
}

/** The filters as URL parameters again, for links that keep them (the CSV export, the pager). */
export function correspondenceListParams(query: CorrespondenceListQuery): URLSearchParams {
	const params = new URLSearchParams();
	if (query.year !== undefined) params.set('year', String(query.year));
	if (query.direction) params.set('direction', query.direction);
	if (query.kind) params.set('kind', query.kind);
	if (query.organizationId !== undefined) params.set('organization', String(query.organizationId));
	if (query.awaitingReply) params.set('awaiting', '1');
	return params;
}

/** The fields of the correspondence form; `events` holds "<event id>:<link>" pairs, comma-separated. */
export const CORRESPONDENCE_FIELDS = [
	'direction',
	'kind',
	'referenceNumber',
	'datedOn',
	'place',
	'senderOrganizationId',
	'recipientOrganizationId',
	'signatoryPersonId',
	'addresseePersonId',
	'subject',
	'summary',
	'body',
	'replyExpected',
	'inReplyToId',
	'transmitsId',
	'events'
] as const;

export type CorrespondenceFormValues = RecordFormValues<(typeof CORRESPONDENCE_FIELDS)[number]>;

export function emptyCorrespondenceForm(): CorrespondenceFormValues {
	return emptyRecordForm(CORRESPONDENCE_FIELDS);
}

/** The form as posted; each linked event comes as a field `event-<id>` naming its link, or '' to unlink. */
export function readCorrespondenceForm(data: FormData): CorrespondenceFormValues {
	const links: string[] = [];
	for (const [key, value] of data.entries()) {
		const match = /^event-(\d{1,9})$/.exec(key);
		if (match && typeof value === 'string' && value !== '') links.push(`${match[1]}:${value}`);
	}
	return { ...readRecordForm(data, CORRESPONDENCE_FIELDS), events: links.join(',') };
}

const id = (message: () => string) =>
	z
		.string()
		.regex(/^\d{1,9}$/, { error: message })
		.transform(Number);

const documentDate = z
	.string()
	.trim()
	.regex(/^\d{4}-\d{2}-\d{2}$/, { error: () => m.correspondence_error_date() })
	.refine(
		(value) => {
			const parsed = new Date(`${value}T00:00:00Z`);
			return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
		},
		{ error: () => m.validation_no_such_date() }
	);

export const CorrespondenceInput = z
	.object({
		direction: z.enum(correspondenceDirections.values, {
			error: () => m.correspondence_error_direction()
		}),
		kind: z.enum(correspondenceKinds.values, { error: () => m.correspondence_error_choose_kind() }),
		referenceNumber: optional(plainText(m.correspondence_field_reference, 100)),
		datedOn: documentDate,
		place: optional(plainText(m.correspondence_field_place, 100)),
		senderOrganizationId: optional(id(m.correspondence_error_choose_organization)),
		recipientOrganizationId: optional(id(m.correspondence_error_choose_organization)),
		signatoryPersonId: optional(id(m.correspondence_error_choose_person)),
		addresseePersonId: optional(id(m.correspondence_error_choose_person)),
		subject: plainText(m.correspondence_field_subject, 500),
		summary: optional(plainText(m.correspondence_field_summary, 10_000, { multiline: true })),
		body: optional(plainText(m.correspondence_field_body, 20_000, { multiline: true })),
		replyExpected: z.string().transform((value) => value === 'on' || value === '1' || value === 'true'),
		inReplyToId: optional(id(m.correspondence_error_choose_document)),
		transmitsId: optional(id(m.correspondence_error_choose_document)),
		events: z.string().transform((value, ctx) => {
			const links: { eventId: number; link: (typeof correspondenceEventLinks.values)[number] }[] = [];
			for (const pair of value.split(',').filter(Boolean)) {
				const [eventId, link] = pair.split(':');
				const known = correspondenceEventLinks.values.find((v) => v === link);
				if (!eventId || !/^\d{1,9}$/.test(eventId) || !known) {
					ctx.addIssue({ code: 'custom', message: m.correspondence_error_event_links() });
					return z.NEVER;
				}
				links.push({ eventId: Number(eventId), link: known });
			}
			return links;
		})
	})
	.superRefine((input, ctx) => {
		if (input.replyExpected && input.direction === 'outgoing') {
			ctx.addIssue({
				code: 'custom',
				path: ['replyExpected'],
				message: m.correspondence_error_reply_incoming()
			});
		}
	});
export type CorrespondenceInput = z.infer<typeof CorrespondenceInput>;

/** Registering a drafted letter: the reference number the office gives it, and the date it goes out. */
export const CorrespondenceRegisterInput = z.object({
	referenceNumber: plainText(m.correspondence_field_reference, 100),
	datedOn: documentDate,
	version: z
		.string()
		.regex(/^\d{1,9}$/, { error: () => m.correspondence_error_open_letter_again() })
		.transform(Number)
});
export type CorrespondenceRegisterInput = z.infer<typeof CorrespondenceRegisterInput>;
