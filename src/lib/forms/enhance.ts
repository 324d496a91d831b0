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

/** The sentence shown: what happened, then what to do. Nothing typed is lost in any case. */
export function problemNotice(problem: Outcome): string {
	const kept = 'What you typed is still here.';
	if (problem.unreachable) {
		return `The server could not be reached, so nothing was saved. ${kept} Check the connection and press the button again.`;
	}
	if (problem.unreadable) {
		return `The answer from the server could not be read, so it is not known whether this was saved. ${kept} Reload the page in another tab to check before trying again.`;
	}
	const said = problem.message ? ` (${problem.message.replace(/\.$/, '')})` : '';
	switch (problem.status) {
		case 401:
			return `You are no longer signed in, so nothing was saved. ${kept} Sign in again in another tab, then press the button again.`;
		case 403:
			return `The server refused this${said}. Nothing was saved. If you opened Protokol at another address than usual, use its usual address; otherwise ask an administrator about your role.`;
		case 404:
			return `This record no longer exists${said}; someone may have deleted it. Nothing was saved. Reload the page to see it as it is now.`;
		case 413:
			return `This is too large to send${said}. Nothing was saved. ${kept} Choose a smaller file or shorten the text, then try again.`;
		case 429:
			return `Too many attempts in a short time${said}. Nothing was saved. ${kept} Wait a few minutes, then try again.`;
		case 503:
			// Protokol's own 503 says why it cannot save (a full disk, a read-only database) and that nothing was.
			if (problem.message) return `The server is unavailable (error 503): ${problem.message} ${kept}`;
	}
	if ((problem.status ?? 500) >= 500) {
		return `The server failed while handling this (error ${problem.status}), so it may not have been saved. ${kept} Try again in a moment; if it keeps failing, tell your administrator the time it happened.`;
	}
	return `The server refused this (error ${problem.status})${said}. Nothing was saved. ${kept}`;
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
				showNotice(form, problemNotice(problem));
				return;
			}
			if (pageCallback) await pageCallback(opts);
			else await opts.update();
		};
	});
}
