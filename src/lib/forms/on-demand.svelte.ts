/**
 * A part of a page fetched when it is first needed, not with the page: panels that only a form's answer
 * shows (an import's preview, clashes or a removal to confirm, people the one typed may be), as most
 * visits post nothing. The server has it before it draws the page (the page's load awaits `load()`), so
 * that a form posted without scripts is answered with its panel; a browser that starts on such a page
 * fetches it then, and shows the panel again once it has come. Its styles must be the page's (or
 * app.css): a page drawn without scripts has those, not a fetched module's.
 */
export function onDemand<Module>(fetchModule: () => Promise<Module>) {
	let module = $state.raw<Module | null>(null);
	let loading: Promise<Module> | undefined;

	const load = (): Promise<Module> => {
		loading ??= fetchModule().then(
			(fetched) => (module = fetched),
			(error: unknown) => {
				// Not fetched (offline, or a newer version deployed meanwhile): asked again next time.
				loading = undefined;
				throw error;
			}
		);
		return loading;
	};

	return {
		/** The module once it has come, else null; shown parts follow it. */
		get module() {
			return module;
		},
		load,
		/** Fetches it in the browser, as a form is sent or an answer needs it; a failure shows without it. */
		fetch: () => void load().catch(() => {})
	};
}
