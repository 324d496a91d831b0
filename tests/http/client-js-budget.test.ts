/**
 * Every page's client JavaScript stays within 45 KiB gzip: what a browser must fetch to start the page
 * (SvelteKit's entry, the app, the root layout, the route's layouts and the page itself, each with every
 * chunk it imports statically), read from the build's manifest. Chunks loaded on demand (import()) do not
 * count until used. A page above the budget is named with its biggest chunks, to know where to cut.
 *
 * The budget is not met everywhere yet: Svelte's runtime (20.5 KiB), SvelteKit's client (11.9 KiB), the
 * generated app (1.4 KiB: no route table, the server resolves routes, see svelte.config.js) and
 * Paraglide's runtime and switcher (2 KiB) come to about 37 KiB, so a page's own code may add 8 KiB. The pages above it are listed with
 * the ceiling they may not exceed (what they weighed, plus 0.5 KiB); a listed page that comes within the
 * budget fails too, so that it leaves the list. The list may only shrink.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';

const BUDGET_KIB = 45;

/**
 * KiB gzip: the pages still above the budget, as measured plus 0.5 KiB (6 December 2026: routes resolved on
 * the server took the route table, 6 KiB, off every page; each translated page carries its own words in
 * three languages, 1–8 KiB; Paraglide's runtime and the language switcher add 2 KiB to every page).
 */
const OVER_BUDGET: Record<string, number> = {
	'/(app)': 50.2,
	'/(app)/account': 47.0,
	'/(app)/account/two-factor': 47.4,
	'/(app)/actions': 52.7,
	'/(app)/admin/api-tokens': 48.8,
	'/(app)/admin/audit': 46.3,
	'/(app)/admin/users': 51.0,
	'/(app)/agreements': 49.8,
	'/(app)/agreements/new': 54.1,
	'/(app)/agreements/[agreementId=id]': 51.6,
	'/(app)/agreements/[agreementId=id]/edit': 54.0,
	'/(app)/calendar': 68.3,
	'/(app)/correspondence': 52.1,
	'/(app)/correspondence/new': 55.0,
	'/(app)/correspondence/[correspondenceId=id]': 49.8,
	'/(app)/correspondence/[correspondenceId=id]/edit': 55.3,
	'/(app)/events': 53.7,
	'/(app)/events/new': 61.7,
	'/(app)/events/[eventId=id]': 62.4,
	'/(app)/events/[eventId=id]/agenda': 55.2,
	'/(app)/events/[eventId=id]/agenda/[itemId=id]': 52.1,
	'/(app)/events/[eventId=id]/brief': 46.1,
	'/(app)/events/[eventId=id]/delete': 48.1,
	'/(app)/events/[eventId=id]/duplicate': 63.1,
	'/(app)/events/[eventId=id]/edit': 65.3,
	'/(app)/events/[eventId=id]/history': 45.9,
	'/(app)/events/[eventId=id]/invitations': 53.7,
	'/(app)/events/[eventId=id]/participants': 64.7,
	'/(app)/events/[eventId=id]/participants/[participantId=id]/needs': 46.4,
	'/(app)/events/[eventId=id]/seating': 49.3,
	'/(app)/events/[eventId=id]/topics': 51.9,
	'/(app)/events/[eventId=id]/topics/[topicId=id]': 54.5,
	'/(app)/events/[eventId=id]/topics/[topicId=id]/edit': 49.3,
	'/(app)/gifts': 48.0,
	'/(app)/gifts/new': 55.1,
	'/(app)/gifts/report': 46.1,
	'/(app)/gifts/[giftId=id]': 50.9,
	'/(app)/gifts/[giftId=id]/edit': 54.7,
	'/(app)/inbox': 46.2,
	'/(app)/inbox/import': 46.9,
	'/(app)/inbox/invitations/[messageId=id]': 45.8,
	'/(app)/organizations': 47.6,
	'/(app)/organizations/new': 53.6,
	'/(app)/organizations/[organizationId=id]': 58.9,
	'/(app)/organizations/[organizationId=id]/edit': 53.9,
	'/(app)/outbox': 49.9,
	'/(app)/outcomes': 52.3,
	'/(app)/outcomes/new': 52.3,
	'/(app)/outcomes/[outcomeId=id]': 52.5,
	'/(app)/outcomes/[outcomeId=id]/edit': 52.4,
	'/(app)/people': 48.5,
	'/(app)/people/new': 55.7,
	'/(app)/people/[personId=id]': 62.5,
	'/(app)/people/[personId=id]/edit': 54.0,
	'/(app)/people/[personId=id]/merge': 46.2,
	'/(app)/people/[personId=id]/positions': 51.5,
	'/(app)/people/[personId=id]/positions/[positionId=id]': 51.1,
	'/(app)/projects': 50.4,
	'/(app)/projects/new': 52.8,
	'/(app)/projects/[projectId=id]': 54.7,
	'/(app)/projects/[projectId=id]/edit': 52.8,
	'/(link)/p/[token]': 49.5,
	'/(app)/search': 46.0,
	'/(app)/venues/new': 48.0,
	'/(app)/venues/[venueId=id]/edit': 48.3,
	'/(app)/visits/new': 52.6,
	'/(app)/visits/[visitId=id]': 47.2,
	'/(app)/visits/[visitId=id]/edit': 52.6,
	'/(app)/visits/[visitId=id]/items/new': 51.4,
	'/(app)/visits/[visitId=id]/items/[itemId=id]': 51.4
};

// The build the http tests run (see tests/helpers/server.ts and svelte.config.js).
const suffix = process.env.PROTOKOL_BUILD_SUFFIX ? `-${process.env.PROTOKOL_BUILD_SUFFIX}` : '';
const kitDir = join(import.meta.dirname, '..', '..', `.svelte-kit${suffix}`);
const clientDir = join(kitDir, 'output', 'client');

interface Chunk {
	file: string;
	src?: string;
	isEntry?: boolean;
	imports?: string[];
}
type Manifest = Record<string, Chunk>;

const manifest = JSON.parse(readFileSync(join(clientDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;

function entryNamed(suffixOfSource: string): string {
	const key = Object.keys(manifest).find((k) => manifest[k]!.isEntry && k.endsWith(suffixOfSource));
	if (!key) throw new Error(`no entry ${suffixOfSource} in the client manifest`);
	return key;
}

/**
 * The route ids and the nodes (layouts and page) each one loads, from the server's manifest: with
 * `router.resolution: 'server'` (svelte.config.js) the client app carries no route table.
 */
function routes(): { id: string; nodes: number[] }[] {
	const server = readFileSync(join(kitDir, 'output', 'server', 'manifest.js'), 'utf8');
	const found = [
		...server.matchAll(
			/id: "([^"]+)",(?:(?!\bid: ")[\s\S])*?page: \{ layouts: \[([^\]]*)\], errors: \[[^\]]*\], leaf: (\d+) \}/g
		)
	].map(([, id, layouts, leaf]) => ({
		id: id!,
		nodes: [
			...layouts!
				.split(',')
				.map((n) => n.trim())
				.filter(Boolean)
				.map(Number),
			Number(leaf)
		]
	}));
	if (found.length < 10) throw new Error('the routes of the server manifest were not found');
	return found;
}

const gzipped = new Map<string, number>();
function gzipBytes(file: string): number {
	let size = gzipped.get(file);
	if (size === undefined) {
		size = gzipSync(readFileSync(join(clientDir, file)), { level: 9 }).length;
		gzipped.set(file, size);
	}
	return size;
}

/** Every chunk the entries import statically, each once. */
function closure(entries: string[]): Set<string> {
	const seen = new Set<string>();
	const visit = (key: string) => {
		if (seen.has(key)) return;
		seen.add(key);
		for (const imported of manifest[key]?.imports ?? []) visit(imported);
	};
	entries.forEach(visit);
	return seen;
}

function clientJsOfRoutes() {
	const start = entryNamed('runtime/client/entry.js');
	const app = entryNamed('generated/client-optimized/app.js');
	return routes().map(({ id, nodes }) => {
		const entries = [start, app, ...nodes.map((n) => entryNamed(`generated/client-optimized/nodes/${n}.js`))];
		const chunks = [...closure(entries)].map((key) => ({
			name: manifest[key]!.src ?? manifest[key]!.file,
			bytes: gzipBytes(manifest[key]!.file)
		}));
		return { id, bytes: chunks.reduce((sum, chunk) => sum + chunk.bytes, 0), chunks };
	});
}

describe('client JavaScript per page', () => {
	const pages = clientJsOfRoutes();

	test('is measured for every page, and every page over the budget still exists', () => {
		const ids = pages.map((page) => page.id);
		expect(ids).toContain('/(app)/events/[eventId=id]');
		expect(Object.keys(OVER_BUDGET).filter((id) => !ids.includes(id))).toEqual([]);
	});

	test.each(pages.map((page) => [page.id, page] as const))('%s is within its budget', (_, page) => {
		const ceiling = OVER_BUDGET[page.id];
		const biggest = [...page.chunks]
			.sort((a, b) => b.bytes - a.bytes)
			.slice(0, 5)
			.map((chunk) => `${chunk.name} ${(chunk.bytes / 1024).toFixed(1)} KiB`)
			.join(', ');
		const weight = `${page.id}: ${(page.bytes / 1024).toFixed(1)} KiB gzip in ${page.chunks.length} files; biggest: ${biggest}`;
		expect(page.bytes, weight).toBeLessThanOrEqual((ceiling ?? BUDGET_KIB) * 1024);
		if (ceiling !== undefined) {
			expect(page.bytes, `${weight}: within ${BUDGET_KIB} KiB now, take it off OVER_BUDGET`).toBeGreaterThan(
				BUDGET_KIB * 1024
			);
		}
	});
});
