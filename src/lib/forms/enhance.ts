/**
 * `use:enhanceForm`, the one way a form is enhanced: SvelteKit's `enhance`, with a notice in the form when
 * a submission failed outright (src/lib/forms/submissions.ts). That part is fetched on the form's first
 * use (the focus, a pointer or a key in it, a field changed), not with the page, so that a page only
 * looked at does not carry it. Every such form posts without JavaScript (SvelteKit form actions); a
 * submission that comes before the part has arrived (a script's, or a click quicker than the fetch) is
 * held and sent again once it has, through it.
 */
import type { SubmitFunction } from '@sveltejs/kit';

const FIRST_USE = ['focusin', 'pointerdown', 'keydown', 'input'] as const;

export function enhanceForm<
	Success extends Record<string, unknown> | undefined = Record<string, unknown>,
	Failure extends Record<string, unknown> | undefined = Record<string, unknown>
>(form: HTMLFormElement, submit?: SubmitFunction<Success, Failure>) {
	let enhanced: { destroy(): void } | undefined;
	let destroyed = false;
	let loading: Promise<void> | undefined;

	const load = () => {
		loading ??= import('./submissions')
			.then(({ enhanceSubmissions }) => {
				if (!destroyed) enhanced = enhanceSubmissions(form, submit);
			})
			// Not fetched (offline, or a newer version deployed meanwhile): the form posts as without scripts.
			.catch(() => {})
			.finally(() => {
				for (const type of FIRST_USE) form.removeEventListener(type, start);
				form.removeEventListener('submit', hold, true);
			});
		return loading;
	};
	const start = () => void load();

	// Capturing, at the form itself: before the page's own submit handlers, which see only the resent one.
	const hold = (event: SubmitEvent) => {
		const submitter = event.submitter;
		const method = submitter?.getAttribute('formmethod') ?? form.getAttribute('method') ?? 'get';
		if (method.toLowerCase() !== 'post') return;
		event.preventDefault();
		event.stopImmediatePropagation();
		void load().then(() => {
			if (destroyed || !form.isConnected) return;
			try {
				// The same button, so that its name and value (or its formaction) go with the form again.
				form.requestSubmit(submitter);
			} catch {
				// The button is gone or no longer this form's.
				form.requestSubmit();
			}
		});
	};

	for (const type of FIRST_USE) form.addEventListener(type, start);
	form.addEventListener('submit', hold, true);
	// In use before the page's scripts started (typed into while they loaded).
	if (form.contains(document.activeElement)) start();

	return {
		destroy() {
			destroyed = true;
			for (const type of FIRST_USE) form.removeEventListener(type, start);
			form.removeEventListener('submit', hold, true);
			enhanced?.destroy();
		}
	};
}
