/**
 * What `use:enhanceForm` (src/lib/forms/enhance.ts) fetches on a form's first use: SvelteKit's `enhance`,
 * plus a notice in the form whenever a submission did not reach the action or the action failed outright
 * (refused, too large, throttled, a server error, the connection lost). Without it such a submission is
 * silent: the page stays as it was. The form keeps what was typed, and the notice says what happened and
 * what to do. A page's own refusals (`fail()`, with messages beside the fields) are left to the page.
 *
 * The one place that imports `enhance`: eslint.config.js forbids it elsewhere.
 */
import type { SubmitFunction } from '@sveltejs/kit';
import { enhance } from '$app/forms';
import { FORM_NOTICES_ID, type FormNoticeWords } from './form-notices';
import { problemNotice, submissionProblem } from './submission-problem';

const NOTICE_ATTRIBUTE = 'data-form-notice';

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

export function enhanceSubmissions<
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
