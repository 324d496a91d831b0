/**
 * An officer's tools on a person's page (PersonTools.svelte: the personal link, the calendar feeds) are
 * drawn by the server with the page, and started in the browser on their first use (a focus, a pointer,
 * a key or an input in them), not with the page: most visits only read it. Until then what the server drew
 * stays as it is, and its forms post as without scripts; a form sent before they have started is held
 * and sent again once they have, so that it is enhanced all the same. Their styles come with the page
 * (SvelteKit sends the stylesheets of a module the server's page fetches). On a page reached through
 * the client router, nothing was drawn, and they start at once.
 */
import type { render } from 'svelte/server';
import type { ActionData, PageData } from './$types';

export interface PersonTools {
	person: { id: number; name: string };
	linkPanel: NonNullable<PageData['linkPanel']>;
	feeds: NonNullable<PageData['feeds']>;
	words: PageData['words'];
	feedDescription: string;
	form: ActionData;
}

const FIRST_USE = ['focusin', 'pointerdown', 'keydown', 'input'] as const;

const fetchTools = () => import('./PersonTools.svelte');
let drawOnServer: ((tools: PersonTools) => string) | undefined;

/**
 * On the server, before a page with the tools is drawn (its load awaits this): fetches them and keeps
 * how to draw them, with svelte/server's `render` as the load passes it, which the browser never loads.
 */
export async function prepareToolsOnServer(renderOnServer: typeof render) {
	if (drawOnServer) return;
	const { default: Tools } = await fetchTools();
	drawOnServer = (tools) => renderOnServer(Tools, { props: { tools } }).body;
}

/** The tools as the server draws them with the page; nothing in the browser, where they start on first use. */
export const drawTools = (tools: PersonTools) => drawOnServer?.(tools) ?? '';

export function personTools(node: HTMLElement, initial: PersonTools) {
	let current = $state.raw(initial);
	const props = {
		get tools() {
			return current;
		}
	};
	let stopTools: (() => void) | undefined;
	let loading: Promise<void> | undefined;
	let destroyed = false;
	let held: { form: HTMLFormElement; submitter: HTMLElement | null } | undefined;

	const start = () => {
		loading ??= fetchTools()
			.then(({ startTools }) => {
				if (destroyed) return;
				stop();
				// What the server drew becomes the tools' own; an empty node (the client router's) is filled.
				stopTools = startTools(node, props);
				sendHeld();
			})
			// Not fetched (offline, or a newer version deployed meanwhile): the forms post as without scripts.
			.catch(() => {
				stop();
				sendHeld();
			});
		return loading;
	};
	const use = () => void start();
	// The same button, so that its name and value (or its formaction) go with the form again.
	const sendHeld = () => {
		if (held?.form.isConnected) held.form.requestSubmit(held.submitter);
		held = undefined;
	};
	// Capturing, at the tools' node: before any handler of the form's own.
	const hold = (event: SubmitEvent) => {
		if (!(event.target instanceof HTMLFormElement)) return;
		event.preventDefault();
		event.stopImmediatePropagation();
		held = { form: event.target, submitter: event.submitter };
		void start();
	};
	const stop = () => {
		for (const type of FIRST_USE) node.removeEventListener(type, use);
		node.removeEventListener('submit', hold, true);
	};

	if (node.firstChild) {
		for (const type of FIRST_USE) node.addEventListener(type, use);
		node.addEventListener('submit', hold, true);
		// In use before the page's scripts started (typed into while they loaded).
		if (node.contains(document.activeElement)) void start();
	} else {
		void start();
	}

	return {
		update(next: PersonTools) {
			current = next;
			// Another person's page, or an answer, before the tools started: what the server drew is stale.
			if (!stopTools && !loading) {
				node.replaceChildren();
				void start();
			}
		},
		destroy() {
			destroyed = true;
			stop();
			stopTools?.();
		}
	};
}
