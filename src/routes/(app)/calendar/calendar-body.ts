/**
 * The calendar under the filters (CalendarBody.svelte) as HTML, made on the server only: by the page's
 * render for a page sent whole, and by the load for the data the browser asks for when it moves to
 * another period or filter itself. The browser shows that HTML and carries neither the template nor the
 * body's data: for a page sent whole, the load leaves that data here for the render of the same request.
 */
import type { ComponentProps } from 'svelte';
import { render } from 'svelte/server';
import { getRequestEvent } from '$app/server';
import type { SharedWords } from '$lib/server/i18n/shared.words';
import CalendarBody from './CalendarBody.svelte';
import type { CalendarBodyData } from './calendar-page.server';

type BodyProps = ComponentProps<typeof CalendarBody>;

/**
 * Svelte's hydration markers (`<!--[-->`, `<!--]-->`, `<!---->`: the only comments in its output, since
 * text and attributes come escaped) are dropped: nothing hydrates this markup.
 */
const HYDRATION_MARKER = /<!--.*?-->/g;

export function calendarBodyHtml(props: BodyProps): string {
	return render(CalendarBody, { props }).body.replace(HYDRATION_MARKER, '');
}

/** The body's data by the request's `locals`, from the load to the render; gone with the request. */
const kept = new WeakMap<App.Locals, CalendarBodyData>();

export function keepBodyForRender(locals: App.Locals, data: CalendarBodyData) {
	kept.set(locals, data);
}

/** The body the load of this request left, drawn with the action's answer, if any (a move refused). */
export function renderKeptBody(form: BodyProps['form'], sharedWords: SharedWords): string {
	const data = kept.get(getRequestEvent().locals);
	if (!data) throw new Error('The calendar page rendered without its load.');
	return calendarBodyHtml({ data, form, sharedWords });
}
