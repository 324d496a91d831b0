/**
 * A request whose client has gone runs no more queries. adapter-node aborts the request's signal when
 * the client closes the connection before the answer; the hooks run each request inside its scope
 * (http/client-gone.ts), and the database layer refuses a query started for an aborted request.
 *
 * Work that a request starts and leaves running (a timer, a worker started lazily) inherits its scope;
 * once the request is answered the scope is marked so, and nothing is refused in it any more, unless
 * its client had gone by then.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

interface RequestScope {
	signal: AbortSignal;
	answered: boolean;
	/** Queries let through so far, for the log line of a request cut short. */
	queries: number;
}

const scopes = new AsyncLocalStorage<RequestScope>();

export class ClientGoneError extends Error {
	/** A code as drivers give theirs: the metrics count refused queries under it. */
	readonly code = 'CLIENT_GONE';
	constructor(readonly queriesRun: number) {
		super('The client closed the connection before its request was answered; the query was not run');
		this.name = 'ClientGoneError';
	}
}

/** Runs `answer` (the rest of the request's handling) as the request whose client `signal` follows. */
export async function withinRequest<T>(signal: AbortSignal, answer: () => Promise<T>): Promise<T> {
	const scope: RequestScope = { signal, answered: false, queries: 0 };
	try {
		return await scopes.run(scope, answer);
	} finally {
		// A request cut short keeps refusing: queries its page started side by side are still queued.
		scope.answered = !signal.aborted;
	}
}

/** Whether the code running now serves a request not answered yet. */
export function servingRequest(): boolean {
	const scope = scopes.getStore();
	return scope !== undefined && !scope.answered;
}

/** Throws ClientGoneError when the code running now serves a request whose client has gone. */
export function refuseWhenClientGone(): void {
	const scope = scopes.getStore();
	if (!scope || scope.answered) return;
	if (scope.signal.aborted) throw new ClientGoneError(scope.queries);
	scope.queries++;
}
