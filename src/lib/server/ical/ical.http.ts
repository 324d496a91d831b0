/** How iCalendar text goes over HTTP: its media type, and as a download or for a subscribing client. */
export function calendarResponse(
	text: string,
	{
		download,
		headers = {},
		status = 200
	}: { download?: string; headers?: Record<string, string>; status?: number }
): Response {
	return new Response(status === 304 ? null : text, {
		status,
		headers: {
			'Content-Type': 'text/calendar; charset=utf-8',
			...(download ? { 'Content-Disposition': `attachment; filename="${download}"` } : {}),
			'Cache-Control': 'private, no-cache',
			...headers
		}
	});
}
