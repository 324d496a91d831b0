/**
 * The server, as `npm start` runs it: `node scripts/serve.ts` serves the built app (build/, or
 * build-<PROTOKOL_BUILD_SUFFIX>) with adapter-node's request handler.
 *
 * Why not adapter-node's own entry (`node build`): without ORIGIN or PROTOCOL_HEADER it takes every
 * request to be https, so over plain http://localhost the browser's true Origin never matches, every form
 * is refused as cross-site, and the session cookie comes out Secure. This entry tells the handler the
 * protocol the connection really has. Behind a reverse proxy, ORIGIN (or PROTOCOL_HEADER and HOST_HEADER,
 * naming the proxy's headers) decides instead, exactly as adapter-node documents them.
 *
 * Also read: HOST (default 0.0.0.0), PORT (default 3000), SHUTDOWN_TIMEOUT (seconds, default 30), and
 * adapter-node's own BODY_SIZE_LIMIT, ADDRESS_HEADER and XFF_DEPTH. BODY_SIZE_LIMIT defaults here to
 * FILE_SIZE_LIMIT (default 20M) plus 1M for the rest of the form, so that the largest enclosure a letter
 * may have gets through to the upload, which streams it to disk and answers a larger one with a message;
 * every other form is bounded by its own schema.
 *
 * `npm run serve` (and `npm start`) run it as `MALLOC_ARENA_MAX=2 node --max-semi-space-size=8 …`: the
 * variable must be set before the process starts, so it is in the script, not here. glibc gives each
 * thread that allocates its own malloc arena and rarely returns one's memory; compression (libuv's four
 * threads) and V8's workers left 40–55 MB in about fifteen of them after the benchmark, two arenas hold
 * 12–20 MB of it, at no CPU cost measured (docs/performance.md). Elsewhere than glibc it does nothing.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { enableCompileCache } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { constants as zlib } from 'node:zlib';
import compression from 'compression';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

const root = join(import.meta.dirname, '..');
const buildDir = process.env.PROTOKOL_BUILD_SUFFIX ? `build-${process.env.PROTOKOL_BUILD_SUFFIX}` : 'build';

/** A size as adapter-node reads BODY_SIZE_LIMIT ("20M", "512K", bytes); src/lib/server/files reads it alike. */
function bytes(text: string): number {
	const match = /^(\d+)([KMG]?)$/i.exec(text.trim());
	if (!match) throw new Error(`Not a size such as 20M: "${text}"`);
	return Number(match[1]) * ({ K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[match[2]!.toUpperCase()] ?? 1);
}
// adapter-node reads its configuration when its handler is first imported, so this must come first.
if (!process.env.BODY_SIZE_LIMIT) {
	process.env.BODY_SIZE_LIMIT = String(bytes(process.env.FILE_SIZE_LIMIT || '20M') + bytes('1M'));
}

// A header of our own that only this process sets; whatever a client sends under the name is overwritten.
const CONNECTION_PROTOCOL_HEADER = 'x-protokol-connection-protocol';
const publicUrlConfigured = Boolean(process.env.ORIGIN || process.env.PROTOCOL_HEADER);
if (!publicUrlConfigured) process.env.PROTOCOL_HEADER = CONNECTION_PROTOCOL_HEADER;

// The app's compiled code is kept on disk (V8's code cache, in the system's temporary folder, keyed by
// each file's content), so a start after the first compiles none of it again (docs/performance.md).
// `npm run serve` turns it on before this file is read (scripts/compile-cache.mjs); started as
// `node scripts/serve.ts`, it is turned on here. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
enableCompileCache();
// Imported after, so that the logger and pino come from the cache too. With its extension: Node runs
// this file as it is, without a build or path aliases.
const { logger } = await import('../src/lib/server/observability/logger.ts');

// Importing the handler runs the app's init (migrations, the write check): when it refuses, say why in
// one line and stop, rather than leave the reader a stack trace to decode; anything else with its stack.
const { handler } = (await import(pathToFileURL(join(root, buildDir, 'handler.js')).href).catch(
	(error: unknown) => {
		const said = error instanceof Error ? error.message : String(error);
		if (said.startsWith('cannot start: ')) logger.fatal(said);
		else logger.fatal({ err: error }, 'cannot start');
		process.exit(1);
	}
)) as { handler: Handler };

let shuttingDown = false;

/**
 * Pages, JSON and calendars go out gzip- or brotli-compressed when the client accepts it (a page is
 * mostly markup that shrinks to a fifth); a body under 1 KB, a type that does not compress (PDF, images)
 * and the client's JS and CSS (built precompressed, served as they are) go out unchanged.
 */
// Typed for Express, it needs only node:http's request and response (its README says so). Brotli at
// quality 3 rather than the package's 4: a third less CPU for a page (0.24 against 0.38 ms for the
// event page's 47 K), for answers about 5 % larger (docs/performance.md).
const compress = compression({
	threshold: 1024,
	brotli: { params: { [zlib.BROTLI_PARAM_QUALITY]: 3 } }
}) as unknown as (request: IncomingMessage, response: ServerResponse, next: () => void) => void;

/**
 * A compressed body is another representation of the page, so its ETag may no longer claim byte-for-byte
 * equality: it becomes weak, as nginx does. The feed's If-None-Match check compares weakly, so a 304
 * still answers a client that sends it back. Wrapped before compression wraps writeHead, so this runs
 * after it has chosen the encoding.
 */
function weakenEtagWhenCompressed(response: ServerResponse): void {
	const writeHead = response.writeHead;
	response.writeHead = function (this: ServerResponse, ...args: unknown[]) {
		const etag = this.getHeader('ETag');
		if (typeof etag === 'string' && !etag.startsWith('W/') && this.getHeader('Content-Encoding')) {
			this.setHeader('ETag', `W/${etag}`);
		}
		return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
	} as typeof response.writeHead;
}

const server = createServer((request, response) => {
	// This process never terminates TLS itself: a request that reaches it unproxied came over plain http.
	if (!publicUrlConfigured) request.headers[CONNECTION_PROTOCOL_HEADER] = 'http';
	// While shutting down, a keep-alive connection is closed as soon as its request is answered.
	request.on('close', () => {
		if (shuttingDown) server.closeIdleConnections();
	});
	weakenEtagWhenCompressed(response);
	compress(request, response, () => handler(request, response));
});

const host = process.env.HOST || '0.0.0.0';
const port = Number(process.env.PORT || 3000);
server.listen(port, host, () => {
	const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
	logger.info(`listening on http://${shown}:${port}`);
});

const shutdownTimeoutMs = Number(process.env.SHUTDOWN_TIMEOUT || 30) * 1000;

/**
 * Stops taking connections, lets requests under way finish (up to SHUTDOWN_TIMEOUT), then says so: the
 * app stops its workers and closes the database (src/lib/server/startup.ts), and the process ends by
 * itself, with status 0.
 */
function shutDown(reason: NodeJS.Signals): void {
	if (shuttingDown) return;
	shuttingDown = true;
	// Keep-alive connections would hold close() open until they time out.
	server.closeIdleConnections();
	const forced = setTimeout(() => server.closeAllConnections(), shutdownTimeoutMs);
	forced.unref();
	server.close(() => {
		clearTimeout(forced);
		// Unref'd: it fires only if something still holds the process open that long after the app's clean-up.
		setTimeout(() => {
			logger.error(`still running ${shutdownTimeoutMs / 1000} s after closing: exiting`);
			process.exit(1);
		}, shutdownTimeoutMs).unref();
		// The event adapter-node's own entry emits, so the app's clean-up listens for one name only.
		(process.emit as (event: string, ...args: unknown[]) => boolean)('sveltekit:shutdown', reason);
	});
}

process.on('SIGTERM', shutDown);
process.on('SIGINT', shutDown);
