/**
 * The read API's pure parts: the token bucket behind its rate, the comparison of ETags, the reading of a
 * query through its schema (each refused parameter named), and the bearer header.
 */
import { describe, expect, test } from 'vitest';
import { bearerToken } from '$lib/server/api/api.gate';
import { entityTag, matchesEntityTag, parseQuery } from '$lib/server/api/api.http';
import { ApiProblem } from '$lib/server/api/api.problem';
import { TokenBuckets, rateLimitFromEnvironment } from '$lib/server/api/api.rate-limit';
import { EventListQuery } from '$lib/server/api/api.schemas';

describe('the token bucket', () => {
	test('lets a burst up to the limit through, then asks to wait until one request has come back', () => {
		const buckets = new TokenBuckets({ perMinute: 3 });
		const at = 1_000_000;
		expect([buckets.take(1, at), buckets.take(1, at), buckets.take(1, at)]).toEqual([0, 0, 0]);
		// One request comes back every 20 s at 3 a minute.
		expect(buckets.take(1, at)).toBe(20);
		expect(buckets.take(1, at + 15_000)).toBe(5);
		expect(buckets.take(1, at + 20_000)).toBe(0);
	});

	test('keeps each token to its own bucket', () => {
		const buckets = new TokenBuckets({ perMinute: 1 });
		expect(buckets.take(1, 0)).toBe(0);
		expect(buckets.take(1, 0)).toBeGreaterThan(0);
		expect(buckets.take(2, 0)).toBe(0);
	});

	test('fills no fuller than the limit after a long pause', () => {
		const buckets = new TokenBuckets({ perMinute: 2 });
		buckets.take(1, 0);
		const later = 3_600_000;
		expect([buckets.take(1, later), buckets.take(1, later)]).toEqual([0, 0]);
		expect(buckets.take(1, later)).toBeGreaterThan(0);
	});

	test('takes its limit from API_RATE_LIMIT, 600 a minute when unset or nonsense', () => {
		expect(rateLimitFromEnvironment({ API_RATE_LIMIT: '50' })).toEqual({ perMinute: 50 });
		expect(rateLimitFromEnvironment({})).toEqual({ perMinute: 600 });
		expect(rateLimitFromEnvironment({ API_RATE_LIMIT: '-3' })).toEqual({ perMinute: 600 });
		expect(rateLimitFromEnvironment({ API_RATE_LIMIT: 'many' })).toEqual({ perMinute: 600 });
	});
});

describe('ETags', () => {
	const tag = entityTag('{"id":1}');

	test('are weak, and the same for the same answer', () => {
		expect(tag).toMatch(/^W\/"[\w-]{43}"$/);
		expect(entityTag('{"id":1}')).toBe(tag);
		expect(entityTag('{"id":2}')).not.toBe(tag);
	});

	test('match as If-None-Match compares them: weakly, in a list, or *', () => {
		expect(matchesEntityTag(tag, tag)).toBe(true);
		expect(matchesEntityTag(tag.slice(2), tag)).toBe(true);
		expect(matchesEntityTag(`"a", ${tag} , "b"`, tag)).toBe(true);
		expect(matchesEntityTag('*', tag)).toBe(true);
		expect(matchesEntityTag('"a"', tag)).toBe(false);
		expect(matchesEntityTag(null, tag)).toBe(false);
	});
});

describe('a list query', () => {
	const refusal = (query: string) => {
		try {
			parseQuery(new URL(`http://x/api/v1/events?${query}`), EventListQuery);
		} catch (error) {
			if (error instanceof ApiProblem) return error.invalidParams?.map((p) => p.name);
		}
		return null;
	};

	test('is read into the filters the events page takes', () => {
		const url = new URL('http://x/api/v1/events?when=past&kind=forum&organization=12&limit=10');
		expect(parseQuery(url, EventListQuery)).toEqual({
			when: 'past',
			kind: 'forum',
			organization: 12,
			limit: 10
		});
	});

	test('names each parameter it refuses', () => {
		expect(refusal('kind=picnic')).toEqual(['kind']);
		expect(refusal('limit=0')).toEqual(['limit']);
		expect(refusal('limit=101')).toEqual(['limit']);
		expect(refusal('organization=-1&person=x')).toEqual(['organization', 'person']);
		expect(refusal('colour=red')).toEqual(['colour']);
		expect(refusal('kind=forum&kind=training')).toEqual(['kind']);
		expect(refusal('when=upcoming')).toBeNull();
	});
});

test('the bearer header gives its token, or nothing when it is another scheme', () => {
	const request = (authorization?: string) =>
		new Request('http://x/', { headers: authorization ? { authorization } : {} });
	expect(bearerToken(request('Bearer abc.def'))).toBe('abc.def');
	expect(bearerToken(request('bearer   abc.def  '))).toBe('abc.def');
	expect(bearerToken(request('Bearer'))).toBe('');
	expect(bearerToken(request('Basic dXNlcjpwYXNz'))).toBeUndefined();
	expect(bearerToken(request())).toBeUndefined();
});
