/** How iCalendar text goes over HTTP: its media type, and as a download or for a subscribing client. */
export function calendarResponse(
	text: string,
	{
		download,
		headers = {},
		status = 200
	}: { download?: string; headers?: Record<string, string>; status?: number }
): Response {
	const answer = new Headers({
		'Content-Type': 'text/calendar; charset=utf-8',
		'Cache-Control': 'private, no-cache'
	});
	if (download) answer.set('Content-Disposition', `attachment; filename="${download}"`);
	// The caller's headers win, whatever case they are spelled in.
	for (const [name, value] of Object.entries(headers)) answer.set(name, value);
	return new Response(status === 304 ? null : text, { status, headers: answer });
}

/** What a subscribing client says it has (If-None-Match, If-Modified-Since). */
export function feedCondition(request: Request) {
	return {
		ifNoneMatch: request.headers.get('if-none-match'),
		ifModifiedSince: request.headers.get('if-modified-since')
	};
}

/** A feed's answer: the calendar with its validators, or 304 with them alone when `text` is null. */
export function feedResponse(feed: { text: string | null; etag: string; lastModified: string }): Response {
	return calendarResponse(feed.text ?? '', {
		headers: { ETag: feed.etag, 'Last-Modified': feed.lastModified },
		status: feed.text === null ? 304 : 200
	});
}
