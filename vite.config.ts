import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { paraglideOptions } from './paraglide.config.js';

// Bundled into the server build instead of loaded from node_modules at every start: Node resolves,
// reads and links each file of a package apart, and Kysely alone is 257 files, zod 95, prom-client with
// what it requires 87. The server then loads about 250 modules before its first page instead of 800
// (docs/performance.md, cold start). Only pure JavaScript that the start loads: native modules
// (better-sqlite3, @node-rs/argon2) and pg stay external, and so does pino, which scripts/serve.ts
// imports too; what only a later request or a configured worker loads (mail, calendars, archives) is
// left as it is.
const BUNDLED_IN_SERVER: (string | RegExp)[] = [
	'kysely',
	'zod',
	'luxon',
	'prom-client',
	'@opentelemetry/api',
	'bintrees',
	'tdigest',
	/^@oslojs\//
];

/** Modules every page's script loads (see build.rollupOptions.output below). */
const EVERY_PAGE: RegExp[] = [
	/^\0vite\/preload-helper\.js$/,
	/\/@sveltejs\/kit\/src\/runtime\/app\/(state|environment)\//,
	/\/src\/lib\/locales\.ts$/,
	/\/src\/lib\/components\/LanguageSwitcher\.svelte$/
];

/**
 * Paraglide's runtime, in the browser: the page's language is the one the server rendered it in, which
 * <html lang> says (handleLocale in src/hooks.server.ts; the switcher is a form that reloads the page), so
 * hydration speaks it too. That is all the browser's code asks of the runtime (messages and formatting call
 * getLocale()), so instead of the runtime's strategies, cookies and URL patterns (1.2 KiB gzip on every page
 * that shows a message or a date) the browser gets getLocale() reading <html lang> and the runtime's
 * constants. Any other export asked for in the browser fails the build ("not exported"), not a page.
 */
function paraglideClientRuntime(): Plugin {
	const { baseLocale, locales } = JSON.parse(
		readFileSync(join(paraglideOptions.project, 'settings.json'), 'utf8')
	) as { baseLocale: string; locales: string[] };
	const code = [
		`export const baseLocale = ${JSON.stringify(baseLocale)};`,
		`export const locales = ${JSON.stringify(locales)};`,
		`export const experimentalStaticLocale = undefined;`,
		`export const getLocale = () => {`,
		`\tconst lang = document.documentElement.lang;`,
		`\treturn locales.includes(lang) ? lang : baseLocale;`,
		`};`
	].join('\n');
	return {
		name: 'protokol:paraglide-client-runtime',
		transform(_generated, id, options) {
			if (options?.ssr || !id.endsWith('/src/lib/paraglide/runtime.js')) return;
			return { code, map: null };
		}
	};
}

/**
 * Vite wraps each import() of the browser's code in a helper that loads the imported module's stylesheets
 * first; every page carries it (SvelteKit's app imports its error page so). Ours, src/lib/preload-helper.js,
 * does what this app needs of it in 0.3 KiB gzip instead of 0.8.
 */
function smallPreloadHelper(): Plugin {
	const helperId = '\0vite/preload-helper.js';
	return {
		name: 'protokol:small-preload-helper',
		enforce: 'pre',
		applyToEnvironment: (environment) => environment.config.consumer === 'client',
		resolveId: (id) => (id === helperId ? id : undefined),
		load: (id) => (id === helperId ? readFileSync('src/lib/preload-helper.js', 'utf8') : undefined)
	};
}

export default defineConfig(({ command }) => ({
	plugins: [
		paraglideVitePlugin(paraglideOptions),
		paraglideClientRuntime(),
		smallPreloadHelper(),
		sveltekit()
	],
	// Only in the build: the dev server's module runner cannot evaluate the CommonJS ones (prom-client).
	ssr: { noExternal: command === 'build' ? BUNDLED_IN_SERVER : [] },
	build: {
		rollupOptions: {
			// What every page's script loads, in one chunk instead of seven: Svelte's runtime, SvelteKit's client
			// (both drawn in as these modules' dependencies), $app/state, the language switcher, the preload
			// helper. Each chunk apart costs its own compression and the names it imports and exports: one
			// saves about 1.1 KiB gzip on every page.
			output: {
				codeSplitting: {
					groups: [{ name: 'frame', test: (id: string) => EVERY_PAGE.some((re) => re.test(id)) }]
				}
			},
			// The closed lists and the compiled messages do nothing when imported: a page that imports one list
			// through src/lib/vocabulary.ts then carries that list's labels, not every list's.
			treeshake: {
				moduleSideEffects: (id: string) =>
					!/\/src\/lib\/(vocabularies|paraglide)\/|\/src\/lib\/vocabulary\.ts$/.test(id)
			}
		}
	},
	test: {
		// Each layer is its own project so a run can pick one: `vitest run --project integration`.
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' }
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					// One file at a time: Kysely's migrator reads the catalogue of every PostgreSQL schema, and a
					// schema dropped by a parallel file at that moment fails it.
					fileParallelism: false,
					environment: 'node',
					testTimeout: 30_000,
					hookTimeout: 60_000
				}
			},
			{
				extends: true,
				test: {
					name: 'http',
					include: ['tests/http/**/*.test.ts'],
					environment: 'node',
					testTimeout: 30_000,
					hookTimeout: 120_000
				}
			},
			{
				extends: true,
				test: {
					name: 'browser',
					include: ['tests/browser/**/*.test.ts'],
					// One file at a time: each starts a server and a Chromium, and several at once on two cores
					// have left a sign-in unanswered for 30 s.
					fileParallelism: false,
					environment: 'node',
					testTimeout: 60_000,
					hookTimeout: 120_000,
					// A page after a navigation can take seconds on a loaded two-core machine; waiting for it is
					// not what these tests measure (npm run bench does).
					expect: { poll: { timeout: 15_000 } }
				}
			}
		]
	}
}));
