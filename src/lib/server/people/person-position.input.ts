/** The fields of a post a person held: what the positions form sends, checked before any service sees it. */
import { z } from 'zod';
import {
	calendarDate,
	emptyRecordForm,
	optional,
	plainText,
	readRecordForm,
	type RecordFormValues
} from '../validation';

export const POSITION_FIELDS = ['position', 'organizationId', 'rank', 'fromOn', 'toOn', 'notes'] as const;

export type PositionFormValues = RecordFormValues<(typeof POSITION_FIELDS)[number]>;

export function emptyPositionForm(): PositionFormValues {
	return emptyRecordForm(POSITION_FIELDS);
}

/** What the form posted, every field kept as typed (a missing one empty). */
export function readPositionForm(data: FormData): PositionFormValues {
	return readRecordForm(data, POSITION_FIELDS);
}

const id = (message: string) =>
	z
		.string()
		.trim()
		.regex(/^\d{1,9}$/, message)
		.transform(Number)
		.pipe(z.number().int().positive(message));

export const PersonPositionInput = z
	.object({
		position: plainText('Position', 300),
		organizationId: optional(id('Choose an organisation from the list.')),
		rank: optional(plainText('Rank', 200)),
		fromOn: optional(calendarDate('first day in the post')),
		toOn: optional(calendarDate('last day in the post')),
		notes: optional(plainText('Notes', 2000, { multiline: true }))
	})
	.superRefine((post, ctx) => {
		if (post.fromOn !== null && post.toOn !== null && post.toOn < post.fromOn) {
			ctx.addIssue({
				code: 'custom',
				path: ['toOn'],
				message: 'The last day in the post cannot come before the first.'
			});
		}
	});
export type PersonPositionInput = z.infer<typeof PersonPositionInput>;

/** Which post a form is about. */
export const PositionRefInput = z.object({ positionId: id('Choose a post from the list.') });
