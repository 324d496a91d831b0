import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

// Liveness: the process answers. Whether it should get requests is /readyz: an orchestrator that
// restarted the server for a full disk would only make it start again into the same disk.
export const GET: RequestHandler = () => json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
