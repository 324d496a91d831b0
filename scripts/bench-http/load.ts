/**
 * Talking to the servers: signing in as a browser does, one request to see what a page answers and how
 * large it is, and the load itself — autocannon at a fixed number of connections for a fixed time,
 * against one or several processes at once (the connections shared between them, the results merged).
 */
import autocannon from 'autocannon';
import { request, type IncomingHttpHeaders } from 'node:http';

/** What a browser sends: the app may compress for it (and pays the CPU for doing so). */
export const BROWSER_HEADERS = { accept: 'text/html,*/*', 'accept-encoding': 'gzip, deflate, br' };

export interface Answer {
	status: number;
	headers: IncomingHttpHeaders;
	/** Bytes on the wire with Accept-Encoding as a browser sends it, and the encoding the server chose. */
	servedBytes: number;
	encoding: string | null;
	/** Bytes without Accept-Encoding: the page as it is. */
	plainBytes: number;
}

function get(url: string, headers: Record<string, string>) {
	return new Promise<{ status: number; headers: IncomingHttpHeaders; bytes: number }>((resolve, reject) => {
		const req = request(url, { headers }, (res) => {
			let bytes = 0;
			res.on('data', (chunk: Buffer) => (bytes += chunk.length));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes }));
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end();
	});
}

export async function fetchAnswer(url: string, headers: Record<string, string>): Promise<Answer> {
	const served = await get(url, { ...BROWSER_HEADERS, ...headers });
	const { 'accept-encoding': _, ...identity } = { ...BROWSER_HEADERS, ...headers };
	const plain = await get(url, identity);
	return {
		status: served.status,
		headers: served.headers,
		servedBytes: served.bytes,
		encoding: (served.headers['content-encoding'] as string | undefined) ?? null,
		plainBytes: plain.bytes
	};
}

/** Signs in through the login form, as a browser without JavaScript does; the Cookie header to send. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
	const response = await fetch(`${baseUrl}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: baseUrl, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email, password, next: '' })
	});
	const cookie = response.headers.get('set-cookie');
	if (response.status !== 303 || !cookie) {
		throw new Error(`Signing in as ${email} failed: ${response.status} ${await response.text()}`);
	}
	return cookie.split(';')[0]!;
}

export interface LoadResult {
	requestsPerSecond: number;
	p50Ms: number;
	p99Ms: number;
	maxMs: number;
	requests: number;
	/** How many answers had each status; errors and timeouts are answers that never came. */
	statuses: Record<string, number>;
	errors: number;
	timeouts: number;
}

/** How long one answer takes with nothing else asked of the server: median and slowest of `times` in a row. */
export interface AloneLatency {
	p50Ms: number;
	maxMs: number;
}

/**
 * One request at a time, `times` times (the whole body read, as a browser would): the latency a person
 * meets on a server that is not busy. Under the load's 50 connections the same answer waits behind the
 * others (on two cores, 50 answers in flight), which is what p50 and p99 there show.
 */
export async function timeAlone(
	url: string,
	headers: Record<string, string>,
	times = 20
): Promise<AloneLatency> {
	const taken: number[] = [];
	for (let i = 0; i < times; i++) {
		const started = performance.now();
		await get(url, { ...BROWSER_HEADERS, ...headers });
		taken.push(performance.now() - started);
	}
	taken.sort((a, b) => a - b);
	const tenth = (ms: number) => Math.round(ms * 10) / 10;
	return { p50Ms: tenth(taken[Math.floor(taken.length / 2)]!), maxMs: tenth(taken.at(-1)!) };
}

/** Loads the same path on every base URL at once, `connections` shared among them, for `seconds`. */
export async function loadPath(
	baseUrls: string[],
	path: string,
	{ connections, seconds, headers }: { connections: number; seconds: number; headers: Record<string, string> }
): Promise<LoadResult> {
	const results = await Promise.all(
		baseUrls.map((base, i) =>
			autocannon({
				url: `${base}${path}`,
				// 50 over 3 processes: 17, 17, 16.
				connections: Math.floor(connections / baseUrls.length) + (i < connections % baseUrls.length ? 1 : 0),
				duration: seconds,
				headers: { ...BROWSER_HEADERS, ...headers },
				timeout: 30,
				skipAggregateResult: true
			})
		)
	);
	const merged = autocannon.aggregateResult(results, { url: `${baseUrls[0]}${path}`, connections });
	const statuses = Object.fromEntries(
		Object.entries(merged.statusCodeStats).map(([status, { count }]) => [status, count])
	);
	const requests = merged.latency.totalCount;
	return {
		requestsPerSecond: Math.round((requests / seconds) * 10) / 10,
		p50Ms: merged.latency.p50,
		p99Ms: merged.latency.p99,
		maxMs: merged.latency.max,
		requests,
		statuses,
		errors: merged.errors,
		timeouts: merged.timeouts
	};
}
