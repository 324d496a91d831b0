/**
 * What runs before each import() of the browser's code (a route's error page, a form's submissions, the
 * chooser's search, fetched on first use): the stylesheets of the module fetched are added to the page
 * and waited for, and the scripts it imports are fetched alongside (modulepreload). In place of Vite's own
 * helper (vite.config.ts, smallPreloadHelper), which does the same and more that this app does not use (a
 * CSP nonce from a meta tag, the `vite:preloadError` event), at a third of its size, on every page.
 * An import whose stylesheet fails to load fails, as with Vite's.
 */

/** @type {Record<string, Promise<unknown> | undefined>} */
const seen = {};

/**
 * @template T
 * @param {() => Promise<T>} load the import() itself
 * @param {string[] | undefined} deps the files it needs, relative to the importing chunk
 * @param {string} importerUrl the importing chunk's import.meta.url
 * @returns {Promise<T>}
 */
export function __vitePreload(load, deps, importerUrl) {
	/** @type {HTMLLinkElement[] | undefined} */
	let links;
	return Promise.all(
		(deps ?? []).map((dep) => {
			const href = new URL(dep, importerUrl).href;
			const css = href.endsWith('.css');
			links ??= [...document.getElementsByTagName('link')];
			if (links.some((link) => link.href === href && (!css || link.rel === 'stylesheet'))) return;
			return (seen[href] ??= new Promise((resolve, reject) => {
				const link = document.createElement('link');
				link.rel = css ? 'stylesheet' : 'modulepreload';
				link.crossOrigin = '';
				link.href = href;
				if (css) {
					link.onload = resolve;
					link.onerror = () => reject(new Error(`Unable to preload CSS for ${href}`));
				} else resolve(undefined);
				document.head.appendChild(link);
			}));
		})
	).then(load);
}
