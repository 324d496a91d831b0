import type { ApiClient } from '$lib/server/api-tokens/api-token.service';
import type { Session, SessionUser } from '$lib/server/auth/session';

// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Locals {
			/** The request's id, on every log line written while it is answered (observability/request-log.ts). */
			requestId: string;
			user: SessionUser | null;
			session: Session | null;
			/** The integration whose read API token let this request in (under /api/v1 only). */
			apiClient: ApiClient | null;
		}
		interface Error {
			message: string;
			/** For an unexpected error: what the person quotes, and what the log line of the error carries. */
			requestId?: string;
		}
	}
}

export {};
