import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// Several builds side by side (engineers working in one checkout): PROTOKOL_BUILD_SUFFIX=x builds into
// build-x and .svelte-kit-x; the test helpers read the same variable. Unset, it is the usual build/.
const suffix = process.env.PROTOKOL_BUILD_SUFFIX ? `-${process.env.PROTOKOL_BUILD_SUFFIX}` : '';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	// No `window.__svelte.v` (the version Svelte announces to the page): one import less in every component's
	// chunk and a chunk less on every page. See docs/performance.md, client JS.
	compilerOptions: { discloseVersion: false },
	kit: {
		adapter: adapter({ out: `build${suffix}`, precompress: true }),
		outDir: `.svelte-kit${suffix}`,
		alias: {
			$db: 'db'
		},
		// The browser asks the server which route a link leads to (one small request, cached, made when a link
		// is hovered or tapped) instead of carrying the table of every route: the generated app.js shrinks
		// from 6.6 KiB gzip to its hooks and node loaders on every page. See docs/performance.md.
		router: { resolution: 'server' },
		// Nonces for SvelteKit's own inline script; nothing else inline, nothing from elsewhere.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				// The one inline style we allow: SvelteKit's route announcer, the visually-hidden live region it
				// adds to every page once the page has started, carries a style attribute (sveltejs/kit#11993).
				// Pinned by its hash; tests/browser/security.test.ts fails when it changes.
				'style-src-attr': ['unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['none'],
				'frame-ancestors': ['none'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
