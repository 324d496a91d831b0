/**
 * The built server compresses what it sends when the client says it can take it: an event page, the
 * page's JSON (what the client fetches on navigation) and an event's .ics come gzip- or brotli-encoded
 * when asked for and plain when not, with Vary: Accept-Encoding so a cache keeps the two apart; small
 * bodies go plain; the client's scripts are served from their precompressed files.
 */
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { demoEventId } from '../helpers/demo-records';
import { withDatabase } from '../helpers/http';
import { startServer, type RunningServer } from '../helpers/server';

let dir: string;
let server: RunningServer;
let cookie: string;
let eventId: number;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'protokol-http-'));
	const databaseUrl = join(dir, 'protokol.db');
	server = await startServer({ databaseUrl });
	cookie = await signInOverHttp(server, await addUser(databaseUrl, 'viewer'));
	eventId = await withDatabase(databaseUrl, (db) => demoEventId(db, 'International Migrants Day 2021'));
});
afterAll(async () => {
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

interface RawResponse {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
}

/** A GET as it goes over the wire: fetch would ask for compression itself and decode it unseen. */
function rawGet(path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
	return new Promise((resolve, reject) => {
		const sent = request(`${server.url}${path}`, { headers: { cookie, ...headers } }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () =>
				resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) })
			);
			response.on('error', reject);
		});
		sent.on('error', reject);
		sent.end();
	});
}

function decoded(response: RawResponse): string {
	const encoding = response.headers['content-encoding'];
	if (encoding === 'gzip') return gunzipSync(response.body).toString('utf8');
	if (encoding === 'br') return brotliDecompressSync(response.body).toString('utf8');
	expect(encoding, 'an encoding this test knows').toBeUndefined();
	return response.body.toString('utf8');
}

describe('responses', () => {
	const kinds = [
		{
			name: 'an event page',
			path: () => `/events/${eventId}`,
			type: 'text/html',
			says: 'International Migrants Day 2021'
		},
		{
			name: "a page's JSON",
			path: () => `/events/${eventId}/__data.json`,
			type: 'application/json',
			says: 'International Migrants Day 2021'
		},
		{
			name: "an event's .ics",
			path: () => `/events/${eventId}/calendar.ics`,
			type: 'text/calendar',
			says: 'BEGIN:VEVENT'
		}
	];

	for (const kind of kinds) {
		test(`${kind.name} comes compressed when asked for, plain when not, the same either way`, async () => {
			const plain = await rawGet(kind.path());
			expect(plain.status).toBe(200);
			expect(plain.headers['content-type']).toContain(kind.type);
			expect(plain.headers['content-encoding']).toBeUndefined();
			expect(plain.headers.vary).toMatch(/accept-encoding/i);
			const text = plain.body.toString('utf8');
			expect(text).toContain(kind.says);
			expect(plain.body.length, 'large enough to be worth compressing').toBeGreaterThan(1024);

			const gzip = await rawGet(kind.path(), { 'accept-encoding': 'gzip' });
			expect(gzip.headers['content-encoding']).toBe('gzip');
			expect(gzip.headers.vary).toMatch(/accept-encoding/i);
			expect(gzip.body.length).toBeLessThan(plain.body.length * 0.75);

			const brotli = await rawGet(kind.path(), { 'accept-encoding': 'gzip, deflate, br' });
			expect(brotli.headers['content-encoding']).toBe('br');
			expect(brotli.body.length).toBeLessThan(plain.body.length * 0.75);

			// The page differs per request only in its CSP nonce.
			const withoutNonce = (html: string) => html.replace(/nonce(-|=")[A-Za-z0-9+/=_-]+/g, 'nonce');
			expect(withoutNonce(decoded(gzip))).toBe(withoutNonce(text));
			expect(withoutNonce(decoded(brotli))).toBe(withoutNonce(text));
		});
	}

	test('a small body goes plain even when compression is accepted', async () => {
		const health = await rawGet('/healthz', { 'accept-encoding': 'gzip, br' });
		expect(health.status).toBe(200);
		expect(health.headers['content-encoding']).toBeUndefined();
		expect(JSON.parse(health.body.toString('utf8'))).toEqual({ status: 'ok' });
	});

	test("the client's scripts are served from their precompressed files", async () => {
		const page = decoded(await rawGet(`/events/${eventId}`));
		const script = /\/_app\/immutable\/[^"]+\.js/.exec(page)?.[0];
		expect(script, 'the page names a script').toBeDefined();
		const plain = await rawGet(script!);
		const brotli = await rawGet(script!, { 'accept-encoding': 'br' });
		expect(brotli.headers['content-encoding']).toBe('br');
		expect(brotliDecompressSync(brotli.body).toString('utf8')).toBe(plain.body.toString('utf8'));
	});
});
