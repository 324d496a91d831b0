/** What the merge and delete pages of a person may send, and the merge page's search, read from its URL. */
import { z } from 'zod';
import { m } from '../../paraglide/messages.js';
import { positiveId } from '../query-params';

const whole = (message: () => string) =>
	z
		.string({ error: message })
		.trim()
		.regex(/^[1-9]\d{0,8}$/, { error: message })
		.transform(Number);

const STALE_FORM = () => m.people_merge_error_stale_form();

/** Merging the person of the page into the one chosen to keep, as both stood when the page was opened. */
export const PersonMergeInput = z.object({
	intoId: whole(() => m.people_merge_error_choose_keep()),
	version: whole(STALE_FORM),
	intoVersion: whole(STALE_FORM)
});
export type PersonMergeInput = z.infer<typeof PersonMergeInput>;
export const MERGE_FIELDS = ['intoId', 'version', 'intoVersion'] as const;

export const PersonDeleteInput = z.object({
	confirm: z.literal('on', { error: () => m.people_delete_error_confirm() }),
	version: whole(() => m.people_delete_error_stale_form())
});
export const DELETE_FIELDS = ['confirm', 'version'] as const;

/** The merge page's address: what was searched for the one to keep, and the one chosen. */
export function parsePersonMergeQuery(params: URLSearchParams): { query: string; intoId: number | null } {
	return {
		query: (params.get('q') ?? '').slice(0, 200),
		intoId: positiveId(params.get('into')) ?? null
	};
}
