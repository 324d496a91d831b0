/**
 * Every page's client JavaScript stays within 45 KiB gzip: what a browser must fetch to start the page
 * (SvelteKit's entry, the app, the root layout, the route's layouts and the page itself, each with every
 * chunk it imports statically), read from the build's manifest by scripts/bench-http/client-js.ts, the
 * measure `npm run bench:http` reports too. Chunks loaded on demand (import()) do not count until used.
 * A page above the budget is named with its biggest chunks, to know where to cut.
 *
 * A page that runs nothing in the browser says so (`export const csr = false` in its +page.ts: read-only
 * pages of links and GET filters, such as the home page and the history); it is sent without a script and
 * counts 0 (the last test asks the built server for each such page and finds no script in it).
 *
 * Every page starts from one chunk (`frame`, see vite.config.ts: Svelte's runtime, SvelteKit's client,
 * the language switcher and the preload helper, about 32.6 KiB), the generated app (1.3 KiB: no route
 * table, the server resolves routes, see svelte.config.js) and the (app) layout (1.0 KiB, its words from
 * the server), about 35.3 KiB in all, so a page's own code may add about 9.7 KiB. Where a page's own
 * code was heavier, what it seldom needs is drawn by the server and fetched on first use
 * (src/lib/forms/on-demand.svelte.ts, OnFirstUse.svelte), or drawn by the server only (the calendar's body).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readClientJs, svelteKitDir } from '../../scripts/bench-http/client-js';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { startServer, type RunningServer } from '../helpers/server';

const BUDGET_KIB = 45;

// The build the http tests run (see tests/helpers/server.ts and svelte.config.js).
const clientJs = readClientJs(svelteKitDir(join(import.meta.dirname, '..', '..')));

describe('client JavaScript per page', () => {
	const pages = clientJs.all();

	test('is measured for every page', () => {
		const ids = pages.map((page) => page.id);
		expect(ids).toContain('/(app)/events/[eventId=id]');
		expect(ids).toContain('/(app)/calendar');
		expect(pages.length).toBeGreaterThan(80);
	});

	test.each(pages.map((page) => [page.id, page] as const))('%s is within the budget', (_, page) => {
		const biggest = [...page.chunks]
			.sort((a, b) => b.gzipBytes - a.gzipBytes)
			.slice(0, 5)
			.map((chunk) => `${chunk.name} ${(chunk.gzipBytes / 1024).toFixed(1)} KiB`)
			.join(', ');
		const weight = `${page.id}: ${(page.gzipBytes / 1024).toFixed(1)} KiB gzip in ${page.chunks.length} files; biggest: ${biggest}`;
		expect(page.gzipBytes, weight).toBeLessThanOrEqual(BUDGET_KIB * 1024);
	});
});

describe('a page counted 0', () => {
	// The pages without a parameter in their path that the build sends without a script (csr = false).
	const paths = clientJs
		.all()
		.filter((page) => !page.rendersInBrowser && !page.id.includes('['))
		.map((page) => page.id.replace(/\/\([^)]+\)/g, '') || '/');
	let server: RunningServer;
	let cookie: string;
	beforeAll(async () => {
		server = await startServer({ env: { DEMO_DATA: 'off' } });
		cookie = await signInOverHttp(server, await addUser(server.databaseUrl, 'admin'));
	});
	afterAll(() => server?.stop());

	const scriptsOf = async (path: string) => {
		const response = await fetch(`${server.url}${path}`, { headers: { cookie } });
		expect(response.status, path).toBe(200);
		const html = (await response.text()) + (response.headers.get('link') ?? '');
		// A JSON data block (the forms' notices, see app.html) is not a script a browser runs.
		return [...html.matchAll(/<script\b(?![^>]*type="application\/json")|rel="?modulepreload/g)].length;
	};

	test('is sent without a script, where a page counted by its chunks names its scripts', async () => {
		expect(paths).toContain('/');
		expect(await scriptsOf('/events')).toBeGreaterThan(0);
		for (const path of paths) expect(await scriptsOf(path), path).toBe(0);
	});
});
