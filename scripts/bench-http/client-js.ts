/**
 * The JavaScript a page makes the browser load at its start, read from the build: the client's two entry
 * chunks (start, app), the root layout, the route's layouts and its page (the route's nodes, from the
 * server's manifest: with `router.resolution: 'server'` the client app carries no route table), each with every chunk it imports statically, transitively — what
 * SvelteKit lists as modulepreload links in the page. Sized as built and gzipped (level 6, as a server
 * compressing on the fly would).
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
	files: string[];
	bytes: number;
	gzipBytes: number;
}

/** Where the build put its client output and generated app: .svelte-kit, or .svelte-kit-<suffix>. */
export function svelteKitDir(root: string, suffix = process.env.PROTOKOL_BUILD_SUFFIX): string {
	return join(root, suffix ? `.svelte-kit-${suffix}` : '.svelte-kit');
}

export function readClientJs(kitDir: string) {
	const manifest = JSON.parse(
		readFileSync(join(kitDir, 'output/client/.vite/manifest.json'), 'utf8')
	) as Record<string, ManifestChunk>;
	const serverManifest = readFileSync(join(kitDir, 'output/server/manifest.js'), 'utf8');
	const byName = new Map(
		Object.values(manifest).flatMap((chunk) => (chunk.name ? [[chunk.name, chunk]] : []))
	);
	const gzipped = new Map<string, { bytes: number; gzipBytes: number }>();

	function sizeOf(file: string) {
		let size = gzipped.get(file);
		if (!size) {
			const content = readFileSync(join(kitDir, 'output/client', file));
			size = { bytes: content.length, gzipBytes: gzipSync(content, { level: 6 }).length };
			gzipped.set(file, size);
		}
		return size;
	}

	/** The route's nodes: `page: { layouts: [0,2,], errors: [1,,], leaf: 26 }`, the root layout first. */
	function nodesOf(routeId: string): number[] {
		const quoted = JSON.stringify(routeId).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		const match = new RegExp(
			`id: ${quoted},(?:(?!\\bid: ")[\\s\\S])*?page: \\{ layouts: \\[([^\\]]*)\\], errors: \\[[^\\]]*\\], leaf: (\\d+) \\}`
		).exec(serverManifest);
		if (!match) throw new Error(`The build has no route ${routeId}.`);
		const layouts = match[1]!
			.split(',')
			.map((n) => n.trim())
			.filter(Boolean)
			.map(Number);
		return [...layouts, Number(match[2])];
	}

	return function clientJsOf(routeId: string): ClientJs {
		const seen = new Set<string>();
		const visit = (key: string, chunk: ManifestChunk | undefined) => {
			if (!chunk) throw new Error(`The client manifest has no chunk ${key}.`);
			if (seen.has(chunk.file)) return;
			seen.add(chunk.file);
			for (const imported of chunk.imports ?? []) visit(imported, manifest[imported]);
		};
		for (const name of ['entry/start', 'entry/app', ...nodesOf(routeId).map((n) => `nodes/${n}`)]) {
			visit(name, byName.get(name));
		}
		const files = [...seen].sort();
		const sizes = files.map(sizeOf);
		return {
			files,
			bytes: sizes.reduce((sum, size) => sum + size.bytes, 0),
			gzipBytes: sizes.reduce((sum, size) => sum + size.gzipBytes, 0)
		};
	};
}
