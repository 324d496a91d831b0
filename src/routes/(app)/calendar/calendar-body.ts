/**
 * The calendar under the filters (CalendarBody.svelte) as HTML, made on the server only: by the page's
 * render for a page sent whole, and by the load for the data the browser asks for when it moves to
 * another period or filter itself. The browser shows that HTML and never carries the template.
 */
import type { ComponentProps } from 'svelte';
import { render } from 'svelte/server';
import CalendarBody from './CalendarBody.svelte';

export function calendarBodyHtml(props: ComponentProps<typeof CalendarBody>): string {
	return render(CalendarBody, { props }).body;
}
