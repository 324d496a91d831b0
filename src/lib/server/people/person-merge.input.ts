/** What the merge and delete pages of a person may send, and the merge page's search, read from its URL. */
import { z } from 'zod';
import { positiveId } from '../query-params';

const whole = (message: string) =>
	z
		.string({ error: message })
		.trim()
		.regex(/^[1-9]\d{0,8}$/, message)
		.transform(Number);

const STALE_FORM = 'This form does not say which version of the two it was filled from: open the page again.';

/** Merging the person of the page into the one chosen to keep, as both stood when the page was opened. */
export const PersonMergeInput = z.object({
	intoId: whole('Choose the person to keep.'),
	version: whole(STALE_FORM),
	intoVersion: whole(STALE_FORM)
});
export type PersonMergeInput = z.infer<typeof PersonMergeInput>;
export const MERGE_FIELDS = ['intoId', 'version', 'intoVersion'] as const;

export const PersonDeleteInput = z.object({
	confirm: z.literal('on', { error: 'Tick the box to confirm that this person is to be deleted.' }),
	version: whole('This form does not say which version of the person it was filled from: open it again.')
});
export const DELETE_FIELDS = ['confirm', 'version'] as const;

/** The merge page's address: what was searched for the one to keep, and the one chosen. */
export function parsePersonMergeQuery(params: URLSearchParams): { query: string; intoId: number | null } {
	return {
		query: (params.get('q') ?? '').slice(0, 200),
		intoId: positiveId(params.get('into')) ?? null
	};
}
