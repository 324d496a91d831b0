/**
 * What the calendar page's load makes beside the calendar itself: its words, its links and the words of
 * its periods, and the data the calendar under the filters (CalendarBody.svelte) is drawn from, typed
 * apart from the load's data because the load draws that body itself (calendar-body.ts).
 */
import { m } from '$lib/paraglide/messages';
import { weekdayNames } from '$lib/format/datetime';
import type { CalendarQuery } from '$lib/server/calendar/calendar.input';
import type { CalendarEntry, CalendarGridView, CalendarMonthView } from '$lib/server/calendar/calendar.view';
import { defineWords } from '$lib/server/i18n/words';
import { listWords } from '$lib/server/i18n/list.words';
import { eventClashWords } from '$lib/server/events/event-form.words';
import { feedPanelWords } from '$lib/server/feeds/feed.words';
import { eventKinds, eventStatuses } from '$lib/vocabulary';
import { hrefWithQuery } from '$lib/links';

/** The words of the calendar page and the grid, day and move form beside it, for its load to send. */
const pageWords = defineWords({
	eventKinds,
	eventStatuses,
	calendar_all_day_heading: m.calendar_all_day_heading,
	calendar_all_events: m.calendar_all_events,
	calendar_all_events_list: m.calendar_all_events_list,
	calendar_all_zones: m.calendar_all_zones,
	calendar_any_kind: m.calendar_any_kind,
	calendar_any_organization: m.calendar_any_organization,
	calendar_any_status: m.calendar_any_status,
	calendar_anyone: m.calendar_anyone,
	calendar_busy_days: m.calendar_busy_days,
	calendar_cancel: m.calendar_cancel,
	calendar_caption: m.calendar_caption,
	calendar_clash_advice: m.calendar_clash_advice,
	calendar_day: m.calendar_day,
	calendar_day_truncated: m.calendar_day_truncated,
	calendar_events: m.calendar_events,
	calendar_eyebrow: m.calendar_eyebrow,
	calendar_feed_description: m.calendar_feed_description,
	calendar_filters: m.calendar_filters,
	calendar_grid_keys: m.calendar_grid_keys,
	calendar_grid_keys_move: m.calendar_grid_keys_move,
	calendar_hourly_grid: m.calendar_hourly_grid,
	calendar_kind: m.calendar_kind,
	calendar_kinds_of_event: m.calendar_kinds_of_event,
	calendar_label_today: m.calendar_label_today,
	calendar_layout: m.calendar_layout,
	calendar_list: m.calendar_list,
	calendar_month: m.calendar_month,
	calendar_more: m.calendar_more,
	calendar_more_at_least: m.calendar_more_at_least,
	calendar_more_on: m.calendar_more_on,
	calendar_more_series: m.calendar_more_series,
	calendar_move: m.calendar_move,
	calendar_move_anyway: m.calendar_move_anyway,
	calendar_move_hint: m.calendar_move_hint,
	calendar_moved: m.calendar_moved,
	calendar_moved_entry: m.calendar_moved_entry,
	calendar_new_date: m.calendar_new_date,
	calendar_new_start: m.calendar_new_start,
	calendar_no_events: m.calendar_no_events,
	calendar_office_zone: m.calendar_office_zone,
	calendar_one_series: m.calendar_one_series,
	calendar_organization: m.calendar_organization,
	calendar_page_title: m.calendar_page_title,
	calendar_period: m.calendar_period,
	calendar_person: m.calendar_person,
	calendar_see_history: m.calendar_see_history,
	calendar_status: m.calendar_status,
	calendar_the_office: m.calendar_the_office,
	calendar_time_zone: m.calendar_time_zone,
	calendar_today: m.calendar_today,
	calendar_view: m.calendar_view,
	calendar_week: m.calendar_week,
	calendar_week_number: m.calendar_week_number,
	calendar_zone_note: m.calendar_zone_note
});

/** Every word the page shows, its shared components' among them, in the request's language. */
export function calendarWords() {
	return { ...listWords(), ...pageWords(), ...eventClashWords(), ...feedPanelWords() };
}

export type CalendarWords = ReturnType<typeof calendarWords>;

/**
 * The page's links, each keeping the filters shown and changing only what it names: written here, so that
 * the browser does not carry the code that writes them. `days` and `weeks` are by date (the week's Monday).
 */
export function calendarLinks(
	url: URL,
	calendar: CalendarMonthView | CalendarGridView,
	date: string,
	canMove: boolean,
	filtered: boolean
) {
	const link = (changes: Record<string, string | null>) => hrefWithQuery(url, changes);
	const monthLink = (year: number, month: number) =>
		link({ view: null, date: null, year: String(year), month: String(month) });
	const gridLink = (view: 'week' | 'day', date: string) =>
		link({ view, date, year: null, month: null, move: null, moved: null });
	const dates =
		calendar.view === 'month'
			? calendar.weeks.flatMap((week) => week.days.map((day) => day.date))
			: calendar.days.map((day) => day.date);
	// Without the move form's own parameters: what "Cancel" leads to, and what the move links add to.
	const unmoved = link({ move: null, moved: null });
	const joiner = unmoved.includes('?') ? '&' : '?';
	return {
		previous:
			calendar.view === 'month'
				? monthLink(calendar.previous.year, calendar.previous.month)
				: gridLink(calendar.view, calendar.previous),
		next:
			calendar.view === 'month'
				? monthLink(calendar.next.year, calendar.next.month)
				: gridLink(calendar.view, calendar.next),
		today: link({ year: null, month: null, date: null, move: null, moved: null }),
		month:
			calendar.view === 'month'
				? monthLink(calendar.year, calendar.month)
				: monthLink(Number(calendar.date.slice(0, 4)), Number(calendar.date.slice(5, 7))),
		week: gridLink('week', date),
		day: gridLink('day', date),
		grid: link({ layout: null }),
		list: link({ layout: 'list' }),
		clearFilters: filtered ? link({ kind: null, status: null, organization: null, person: null }) : null,
		/** For an officer, who may move events: the move form's action and "Cancel", the list's "Move" links. */
		moves: canMove
			? {
					action: `${unmoved}${url.search ? '&' : '?'}/move`,
					cancel: unmoved,
					/** The event's id completes it. */
					link: `${unmoved}${joiner}move=`
				}
			: null,
		days: Object.fromEntries(dates.map((day) => [day, gridLink('day', day)])),
		weeks:
			calendar.view === 'month'
				? Object.fromEntries(calendar.weeks.map((week) => [week.monday, gridLink('week', week.monday)]))
				: {}
	};
}

/** What the links to the periods before and after say, and what the period says when it shows nothing. */
export function periodWords(view: 'month' | 'week' | 'day', filtered: boolean) {
	if (view === 'month') {
		return {
			previous: m.calendar_previous_month(),
			next: m.calendar_next_month(),
			none: filtered ? m.calendar_none_filtered_month() : m.calendar_none_month()
		};
	}
	if (view === 'week') {
		return {
			previous: m.calendar_previous_week(),
			next: m.calendar_next_week(),
			none: filtered ? m.calendar_none_filtered_week() : m.calendar_none_week()
		};
	}
	return {
		previous: m.calendar_previous_day(),
		next: m.calendar_next_day(),
		none: filtered ? m.calendar_none_filtered_day() : m.calendar_none_day()
	};
}

/** The month's column heads, Monday first, in the reader's language: named here, not in the browser. */
export function weekdays() {
	const short = weekdayNames('short');
	return weekdayNames('long').map((long, i) => ({ long, short: short[i]! }));
}

/** What the calendar under the filters is drawn from: a part of the load's data. */
export interface CalendarBodyData {
	words: CalendarWords;
	calendar: CalendarMonthView | CalendarGridView;
	query: CalendarQuery;
	links: ReturnType<typeof calendarLinks>;
	period: ReturnType<typeof periodWords>;
	weekdays: ReturnType<typeof weekdays>;
	canMove: boolean;
	/** The event just moved, and its entry when the period shows it. */
	moved: number | null;
	movedEntry: CalendarEntry | null;
}
