/**
 * What an enhanced form says when a submission did not reach the action or the action failed outright
 * (src/lib/forms/submissions.ts shows it): the problem read from SvelteKit's result, and the sentence for
 * it in the page's language.
 */
import type { ActionResult } from '@sveltejs/kit';
import type { FormNoticeWords } from './form-notices';

export type Outcome = { status?: number; message?: string; unreachable?: boolean; unreadable?: boolean };

/** What went wrong, from SvelteKit's result of a submission; null when the page can handle it itself. */
export function submissionProblem(result: ActionResult | Record<string, unknown>): Outcome | null {
	const type = (result as { type?: unknown }).type;
	if (type === 'success' || type === 'failure' || type === 'redirect') return null;
	if (type !== 'error') {
		// SvelteKit's own cross-site check answers an action with a bare {message} and status 403.
		const message = (result as { message?: unknown }).message;
		return { status: 403, message: typeof message === 'string' ? message : undefined };
	}
	const { status, error } = result as { status?: number; error: unknown };
	if (status === undefined) {
		// The fetch threw (no answer at all), or the answer was not SvelteKit's (a proxy's page).
		if (error instanceof TypeError) return { unreachable: true };
		return { unreadable: true };
	}
	const message = (error as { message?: unknown } | null)?.message;
	return { status, message: typeof message === 'string' ? message : undefined };
}

/**
 * The sentence shown, in the page's language: what happened, then what to do. Nothing typed is lost in
 * any case.
 */
export function problemNotice(problem: Outcome, words: FormNoticeWords): string {
	const said = problem.message ? ` (${problem.message.replace(/\.$/, '')})` : '';
	const values: Record<string, string> = {
		said,
		status: String(problem.status),
		message: problem.message ?? ''
	};
	// One pass over the template, so that braces in the server's message are never read as placeholders.
	const fill = (template: string) =>
		template.replace(/\{(said|status|message)\}/g, (_, name: string) => values[name]!);
	if (problem.unreachable) return fill(words.unreachable);
	if (problem.unreadable) return fill(words.unreadable);
	switch (problem.status) {
		case 401:
			return fill(words.signedOut);
		case 403:
			return fill(words.forbidden);
		case 404:
			return fill(words.gone);
		case 413:
			return fill(words.tooLarge);
		case 429:
			return fill(words.tooMany);
		case 503:
			// Protokol's own 503 says why it cannot save (a full disk, a read-only database) and that nothing was.
			if (problem.message) return fill(words.unavailable);
	}
	return fill((problem.status ?? 500) >= 500 ? words.failed : words.refused);
}
