/**
 * Behind a reverse proxy without ADDRESS_HEADER, every request seems to come from the proxy: the sign-in
 * throttle then counts the whole office as one address, and the audit trail names the proxy. The first
 * request that carries a forwarding header says so in the log, once.
 */
import { logger } from '../observability/logger';

const FORWARDING_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'] as const;

let warned = false;

export function warnIfProxiedWithoutAddressHeader(request: Request): void {
	if (warned || process.env.ADDRESS_HEADER) return;
	const header = FORWARDING_HEADERS.find((name) => request.headers.has(name));
	if (!header) return;
	warned = true;
	logger.warn(
		`requests arrive with a ${header} header, so a proxy stands in front, but ADDRESS_HEADER ` +
			'is not set: every client looks like the proxy to the sign-in throttle and the audit trail. Set ' +
			'ADDRESS_HEADER (and XFF_DEPTH) as the README says.'
	);
}
