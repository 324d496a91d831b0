/**
 * How large a request may be. adapter-node reads up to BODY_SIZE_LIMIT, which scripts/serve.ts raises to
 * FILE_SIZE_LIMIT plus 1M so that an enclosure's upload gets through (it streams to disk). Every other
 * form stays within FORM_SIZE_LIMIT, the limit they had before: they are read whole into memory, and the
 * sign-in form is open to anyone.
 */
export const FORM_SIZE_LIMIT = 512 * 1024;

/** Route and action of each upload: only these may send more than FORM_SIZE_LIMIT. */
const UPLOADS: [routeId: string, action: string][] = [
	['/(app)/correspondence/[correspondenceId=id]', '/attach']
];

/** True for a write that says (Content-Length) it is larger than a form may be, uploads aside. */
export function isOversizedForm(request: Request, routeId: string | null, url: URL): boolean {
	if (request.method === 'GET' || request.method === 'HEAD') return false;
	if (UPLOADS.some(([route, action]) => route === routeId && url.searchParams.has(action))) return false;
	const length = Number(request.headers.get('content-length') ?? 0);
	return Number.isFinite(length) && length > FORM_SIZE_LIMIT;
}

/**
 * Reads what the client sends to its end and drops it: a refusal sent while the client is still sending
 * would reach it as a closed connection instead (adapter-node closes the connection of a body left unread).
 */
export async function discardBody(request: Request): Promise<void> {
	if (!request.body) return;
	try {
		const reader = request.body.getReader();
		while (!(await reader.read()).done);
	} catch {
		// Over BODY_SIZE_LIMIT: adapter-node ended it, and nothing more is read.
	}
}
