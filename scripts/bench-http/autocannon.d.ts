/** The part of autocannon (which ships no types) that scripts/bench-http uses. */
declare module 'autocannon' {
	interface Options {
		url: string;
		connections?: number;
		duration?: number;
		headers?: Record<string, string>;
		timeout?: number;
		/** Keeps the raw histograms, so that several instances' results can be aggregated. */
		skipAggregateResult?: boolean;
	}
	interface Histogram {
		average: number;
		mean: number;
		min: number;
		max: number;
		total: number;
		p50: number;
		p99: number;
	}
	export interface Result {
		duration: number;
		errors: number;
		timeouts: number;
		non2xx: number;
		statusCodeStats: Record<string, { count: number }>;
		latency: Histogram & { totalCount: number };
		requests: Histogram & { sent: number };
		throughput: Histogram;
	}
	interface Autocannon {
		(options: Options): Promise<Result>;
		aggregateResult(results: Result[], options?: Partial<Options>): Result;
	}
	const autocannon: Autocannon;
	export default autocannon;
}
