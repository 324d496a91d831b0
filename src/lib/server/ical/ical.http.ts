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
