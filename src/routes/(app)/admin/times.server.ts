import { formatShortDateTime } from '$lib/format/datetime';

/**
 * Each instant an admin page shows, as read in UTC ("6 Dec 2026 13:50"), by instant: made on the server,
 * so that the page's script carries no date formatting of its own (1.8 KiB gzip).
 */
export function utcTimes(instants: (string | null)[]): Record<string, string> {
	return Object.fromEntries(
		instants
			.filter((instant): instant is string => instant !== null)
			.map((instant) => [instant, formatShortDateTime(instant, 'UTC')])
	);
}
