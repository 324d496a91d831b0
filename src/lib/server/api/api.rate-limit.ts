/**
 * Requests per token, as a token bucket: a bucket holds up to `API_RATE_LIMIT` requests (600 when not
 * set) and fills at that many a minute, so an integration may burst to the limit and then go on at the
 * rate. Kept in the memory of each server process, keyed by the token's id: a request costs no write,
 * and with N processes behind one address a token may read N times the limit (the README says so).
 */

export interface RateLimit {
	/** Requests a bucket holds, and adds back each minute. */
	perMinute: number;
}

export function rateLimitFromEnvironment(env: NodeJS.ProcessEnv = process.env): RateLimit {
	const configured = Number(env.API_RATE_LIMIT);
	return { perMinute: Number.isSafeInteger(configured) && configured > 0 ? configured : 600 };
}

interface Bucket {
	tokens: number;
	at: number;
}

/** Buckets untouched this long are full again and can go. */
const IDLE_MS = 60 * 1000;

export class TokenBuckets {
	private readonly buckets = new Map<number, Bucket>();

	constructor(private readonly limit: RateLimit) {}

	/** Takes one request from the token's bucket: 0 when it may go ahead, else the seconds to wait. */
	take(tokenId: number, now = Date.now()): number {
		const { perMinute } = this.limit;
		const refillPerMs = perMinute / 60_000;
		const bucket = this.buckets.get(tokenId) ?? { tokens: perMinute, at: now };
		bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.at) * refillPerMs);
		bucket.at = now;
		this.buckets.set(tokenId, bucket);
		if (this.buckets.size > 10_000) this.forgetIdle(now);
		if (bucket.tokens >= 1) {
			bucket.tokens -= 1;
			return 0;
		}
		return Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000));
	}

	private forgetIdle(now: number): void {
		for (const [id, bucket] of this.buckets) if (now - bucket.at > IDLE_MS) this.buckets.delete(id);
	}
}
