/**
 * The JavaScript a page makes the browser load at its start, read from the build: the client's two entry
 * chunks (start, app), the root layout, the route's layouts and its page (the route's nodes, from the
 * server's manifest: with `router.resolution: 'server'` the client app carries no route table), each
 * with every chunk it imports statically, transitively — what SvelteKit lists as modulepreload links in
 * the page. Chunks loaded on demand (import()) do not count until used. A page that says
 * `export const csr = false` is sent without any script and counts nothing.
 *
 * Sized as built and gzipped at level 9, as adapter-node's `precompress` stores what the server sends.
 * Shared by `npm run bench:http` and the budget test (tests/http/client-js-budget.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
	file: string;
	name?: string;
	imports?: string[];
}

export interface ClientJs {
	/** The route's id, as in the server's manifest: `/(app)/events/[eventId=id]`. */
	id: string;
	/** Every file the page loads at its start, each once, with its size; none for a page without scripts. */
	chunks: { file: string; name: string; bytes: number; gzipBytes: number }[];
	bytes: number;
	gzipBytes: number;
	/** False where the page (or the nearest layout that says so) has `export const csr = false`. */
	rendersInBrowser: boolean;
}

/** Where the build put its client output and generated app: .svelte-kit, or .svelte-kit-<suffix>. */
export function svelteKitDir(root: string, suffix = process.env.PROTOKOL_BUILD_SUFFIX): string {
	return join(root, suffix ? `.svelte-kit-${suffix}` : '.svelte-kit');
}

/** Each page route's id and the nodes it loads (layouts, then the page): `page: { layouts: [0,2,], leaf: 26 }`. */
function pageRoutes(serverManifest: string): Map<string, number[]> {
	const found = serverManifest.matchAll(
		/id: "([^"]+)",(?:(?!\bid: ")[\s\S])*?page: \{ layouts: \[([^\]]*)\], errors: \[[^\]]*\], leaf: (\d+) \}/g
	);
	const routes = new Map<string, number[]>();
	for (const [, id, layouts, leaf] of found) {
		const nodes = layouts!
			.split(',')
			.map((n) => n.trim())
			.filter(Boolean)
			.map(Number);
		routes.set(id!, [...nodes, Number(leaf)]);
	}
	if (routes.size < 10) throw new Error('The routes of the server manifest were not found.');
	return routes;
}

export function readClientJs(kitDir: string) {
	const clientDir = join(kitDir, 'output', 'client');
	const serverDir = join(kitDir, 'output', 'server');
	const manifest = JSON.parse(readFileSync(join(clientDir, '.vite', 'manifest.json'), 'utf8')) as Record<
		string,
		ManifestChunk
	>;
	const routes = pageRoutes(readFileSync(join(serverDir, 'manifest.js'), 'utf8'));
	const byName = new Map(
		Object.entries(manifest).flatMap(([key, chunk]) => (chunk.name ? [[chunk.name, key]] : []))
	);
	const sizes = new Map<string, { bytes: number; gzipBytes: number }>();

	function sizeOf(file: string) {
		let size = sizes.get(file);
		if (!size) {
			const content = readFileSync(join(clientDir, file));
			size = { bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
			sizes.set(file, size);
		}
		return size;
	}

	/**
	 * `export const csr = false` in a +page.ts or +layout.ts (the node nearest the page that says so
	 * decides), read from the server's node modules, which name each node's universal module.
	 */
	function rendersInBrowser(nodes: number[]): boolean {
		let csr = true;
		for (const node of nodes) {
			const universal = /import \* as universal from '([^']+)'/.exec(
				readFileSync(join(serverDir, 'nodes', `${node}.js`), 'utf8')
			);
			if (!universal) continue;
			const option = /\bcsr = (true|false)\b/.exec(
				readFileSync(join(serverDir, 'nodes', universal[1]!), 'utf8')
			);
			if (option) csr = option[1] === 'true';
		}
		return csr;
	}

	function clientJsOf(id: string): ClientJs {
		const nodes = routes.get(id);
		if (!nodes) throw new Error(`The build has no route ${id}.`);
		if (!rendersInBrowser(nodes)) {
			return { id, chunks: [], bytes: 0, gzipBytes: 0, rendersInBrowser: false };
		}
		const seen = new Set<string>();
		const visit = (key: string | undefined, name: string) => {
			const chunk = key ? manifest[key] : undefined;
			if (!chunk) throw new Error(`The client manifest has no chunk ${name}.`);
			if (seen.has(key!)) return;
			seen.add(key!);
			for (const imported of chunk.imports ?? []) visit(imported, imported);
		};
		for (const name of ['entry/start', 'entry/app', ...nodes.map((n) => `nodes/${n}`)]) {
			visit(byName.get(name), name);
		}
		const chunks = [...seen].sort().map((key) => ({
			file: manifest[key]!.file,
			name: key,
			...sizeOf(manifest[key]!.file)
		}));
		return {
			id,
			chunks,
			bytes: chunks.reduce((sum, chunk) => sum + chunk.bytes, 0),
			gzipBytes: chunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0),
			rendersInBrowser: true
		};
	}

	return {
		/** Every page route of the build, measured. */
		all: (): ClientJs[] => [...routes.keys()].map(clientJsOf),
		of: clientJsOf
	};
}
