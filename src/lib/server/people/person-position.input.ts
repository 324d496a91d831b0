/** The fields of a post a person held: what the positions form sends, checked before any service sees it. */
import { z } from 'zod';
import { m } from '../../paraglide/messages.js';
import {
	calendarDate,
	emptyRecordForm,
	optional,
	plainText,
	readRecordForm,
	type RecordFormValues
} from '../validation';
import { versionFieldNames, versionSchemas } from '../content/content-versions.input';

export const POSITION_FIELDS = [
	'position',
	...versionFieldNames('position'),
	'organizationId',
	'rank',
	'fromOn',
	'toOn',
	'notes'
] as const;

export type PositionFormValues = RecordFormValues<(typeof POSITION_FIELDS)[number]>;

export function emptyPositionForm(): PositionFormValues {
	return emptyRecordForm(POSITION_FIELDS);
}

/** What the form posted, every field kept as typed (a missing one empty). */
export function readPositionForm(data: FormData): PositionFormValues {
	return readRecordForm(data, POSITION_FIELDS);
}

const id = (message: () => string) =>
	z
		.string()
		.trim()
		.regex(/^\d{1,9}$/, { error: message })
		.transform(Number)
		.pipe(z.number().int().positive({ error: message }));

const positionVersions = versionSchemas(300);

export const PersonPositionInput = z
	.object({
		position: plainText(m.positions_label_position, 300),
		// The post's language and its versions in other languages (content versions, issue 18 §2).
		positionLocale: positionVersions.locale,
		positionAz: positionVersions.az,
		positionEn: positionVersions.en,
		positionRu: positionVersions.ru,
		organizationId: optional(id(m.positions_error_choose_organization)),
		rank: optional(plainText(m.positions_label_rank, 200)),
		fromOn: optional(calendarDate(m.positions_error_from_date)),
		toOn: optional(calendarDate(m.positions_error_to_date)),
		notes: optional(plainText(m.positions_label_notes, 2000, { multiline: true }))
	})
	.superRefine((post, ctx) => {
		if (post.fromOn !== null && post.toOn !== null && post.toOn < post.fromOn) {
			ctx.addIssue({
				code: 'custom',
				path: ['toOn'],
				message: m.positions_error_end_before_start()
			});
		}
	});
export type PersonPositionInput = z.infer<typeof PersonPositionInput>;

/** Which post a form is about. */
export const PositionRefInput = z.object({ positionId: id(m.positions_error_no_post) });
