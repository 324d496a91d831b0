/**
 * `use:enhanceForm`: SvelteKit's `enhance`, plus a notice in the form whenever a submission did not
 * reach the action or the action failed outright (refused, too large, throttled, a server error, the
 * connection lost). Without it such a submission is silent: the page stays as it was. The form keeps
 * what was typed, and the notice says what happened and what to do. A page's own refusals (`fail()`, with
 * messages beside the fields) are left to the page.
 *
 * Every enhanced form uses this; eslint.config.js forbids `enhance` from `$app/forms` elsewhere.
 */
import type { ActionResult, SubmitFunction } from '@sveltejs/kit';
import { enhance } from '$app/forms';
import { FORM_NOTICES_ID, type FormNoticeWords } from './form-notices';

const NOTICE_ATTRIBUTE = 'data-form-notice';

type Outcome = { status?: number; message?: string; unreachable?: boolean; unreadable?: boolean };

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

/** The words the server wrote into the page; null on a page without them (then the status is all that is said). */
function pageWords(): FormNoticeWords | null {
	try {
		return JSON.parse(document.getElementById(FORM_NOTICES_ID)?.textContent ?? '') as FormNoticeWords;
	} catch {
		return null;
	}
}

const notices = new WeakMap<HTMLFormElement, HTMLElement>();

function showNotice(form: HTMLFormElement, text: string): void {
	let notice = notices.get(form);
	if (!notice) {
		notice = document.createElement('p');
		notice.setAttribute(NOTICE_ATTRIBUTE, '');
		notice.setAttribute('role', 'alert');
		notice.className = 'form-error form-notice';
		notice.tabIndex = -1;
		notices.set(form, notice);
	}
	notice.textContent = text;
	// A hidden form (one a script submits, as after a drag) shows its notice just before it instead.
	if (form.hidden) form.before(notice);
	else form.prepend(notice);
	notice.scrollIntoView({ block: 'nearest' });
	notice.focus({ preventScroll: true });
}

function clearNotice(form: HTMLFormElement): void {
	notices.get(form)?.remove();
}

export function enhanceForm<
	Success extends Record<string, unknown> | undefined = Record<string, unknown>,
	Failure extends Record<string, unknown> | undefined = Record<string, unknown>
>(form: HTMLFormElement, submit?: SubmitFunction<Success, Failure>) {
	return enhance<Success, Failure>(form, async (input) => {
		clearNotice(form);
		const pageCallback = submit ? await submit(input) : undefined;
		return async (opts) => {
			const problem = submissionProblem(opts.result);
			if (problem) {
				const words = pageWords();
				showNotice(
					form,
					words ? problemNotice(problem, words) : `${problem.status ?? ''} ${problem.message ?? ''}`
				);
				return;
			}
			if (pageCallback) await pageCallback(opts);
			else await opts.update();
		};
	});
}
