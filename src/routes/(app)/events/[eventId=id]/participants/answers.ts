/**
 * The panels only a form's answer shows (an import's preview, clashes or a removal to confirm, people the
 * one typed may be) are fetched when a form is sent or an answer needs them, not with the page: most
 * visits post nothing. The server has them before it draws the page (its load waits for them), so that a
 * form posted without scripts is answered with its panel; a browser that starts on such a page fetches
 * them then, and shows the panel again once they have come. Their styles are the page's (or app.css),
 * which a page without scripts has: a fetched module's styles come only with it.
 */
export type AnswerPanels = typeof import('./answer-panels');

let loaded: AnswerPanels | undefined;
let loading: Promise<AnswerPanels> | undefined;

export function loadAnswerPanels(): Promise<AnswerPanels> {
	loading ??= import('./answer-panels').then(
		(panels) => (loaded = panels),
		(error: unknown) => {
			// Not fetched (offline, or a newer version deployed meanwhile): asked again by the next answer.
			loading = undefined;
			throw error;
		}
	);
	return loading;
}

/** The panels if they have arrived, else undefined. */
export const loadedAnswerPanels = (): AnswerPanels | undefined => loaded;
