/**
 * How Paraglide compiles the messages: read by the Vite plugin (vite.config.ts) and by `npm run i18n`
 * (scripts/i18n.js, run by prepare and check), so that both write the same src/lib/paraglide.
 *
 * One strategy of our own, "custom-protokol": on the server it is the order in
 * src/lib/server/i18n/locale.ts (the account's choice, the switcher's cookie, Accept-Language, the office's
 * DEFAULT_LOCALE); in the browser the language the server wrote into <html lang> (the browser's runtime reads
 * it: paraglideClientRuntime in vite.config.ts), so that hydration speaks the language the page was rendered
 * in. "baseLocale" (English) only answers where there is no request: a script, a worker.
 */
/** @type {import('@inlang/paraglide-js').CompilerOptions} */
export const paraglideOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	strategy: ['custom-protokol', 'baseLocale'],
	// Server-only code is dropped from the client bundle under Vite; under tsx (scripts) there is no window.
	isServer: "import.meta.env?.SSR ?? typeof window === 'undefined'",
	emitReadme: false
};
