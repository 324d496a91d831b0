import { defineCustomClientStrategy } from '$lib/paraglide/runtime';

// In the browser the page keeps the language the server rendered it in (<html lang>, set by handleLocale
// in src/hooks.server.ts), so hydration and later navigations speak it too. The switcher is a form that
// reloads the page, so there is nothing to set here.
defineCustomClientStrategy('custom-protokol', {
	getLocale: () => document.documentElement.lang,
	setLocale: () => {}
});
