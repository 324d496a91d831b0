import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { zonedToInstant } from '$lib/format/datetime';
import {
	CalendarMoveInput,
	parseCalendarFilter,
	parseCalendarQuery,
	parseZone,
	readCalendarMoveForm
} from '$lib/server/calendar/calendar.input';
import { getCalendarDay, getCalendarMonth, getCalendarWeek } from '$lib/server/calendar/calendar.service';
import { actorOf } from '$lib/server/auth/actor';
import type { EventSaveOutcome } from '$lib/server/events/event-form.view';
import { moveEvent } from '$lib/server/events/event.service';
import { failureFrom, formFailure, invalidInput, refuseForm } from '$lib/server/http/form-failure';
import { resolveChosen } from '$lib/server/choosers/chooser.service';
import { officeTimeZone, timeZoneChoices } from '$lib/server/calendar/calendar.settings';
import { hasRole } from '$lib/server/auth/access';
import { database } from '$lib/server/db';
import { getOfficeFeeds } from '$lib/server/feeds/feed.service';
import { positiveId } from '$lib/server/query-params';
import { createFeedAction, revokeFeedAction } from '../feed-actions.server';
import type { Actions, PageServerLoad } from './$types';
import { sharedWords } from '$lib/server/i18n/shared.words';
import { calendarBodyHtml, keepBodyForRender } from './calendar-body';
import {
	calendarLinks,
	calendarWords,
	periodWords,
	weekdays,
	type CalendarBodyData
} from './calendar-page.server';

/** The zone a viewer last chose, so the calendar opens in it again. */
const ZONE_COOKIE = 'calendar_zone';

export const load: PageServerLoad = async ({ url, cookies, locals, isDataRequest }) => {
	const { db } = database();
	const officeZone = officeTimeZone();
	const params = new URLSearchParams(url.searchParams);
	const chosen = await resolveChosen(db, params, {
		organization: { kind: 'organization' },
		person: { kind: 'person' }
	});
	const query = parseCalendarQuery(params, {
		defaultZone: parseZone(cookies.get(ZONE_COOKIE)) ?? officeZone,
		now: new Date().toISOString()
	});
	if (parseZone(url.searchParams.get('zone'))) {
		cookies.set(ZONE_COOKIE, query.zone, {
			path: '/calendar',
			maxAge: 60 * 60 * 24 * 365,
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:'
		});
	}
	const canMove = hasRole(locals.user, 'officer');
	const grid = {
		date: query.date,
		zone: query.zone,
		filter: query.filter,
		moving: canMove ? positiveId(url.searchParams.get('move')) : undefined
	};
	const [calendar, officeFeeds] = await Promise.all([
		query.view === 'week'
			? getCalendarWeek(db, grid)
			: query.view === 'day'
				? getCalendarDay(db, grid)
				: getCalendarMonth(db, {
						year: query.year,
						month: query.month,
						zone: query.zone,
						filter: query.filter
					}),
		canMove ? getOfficeFeeds(db) : null
	]);
	const filtered = Boolean(
		query.filter.kind || query.filter.status || query.filter.organizationId || query.filter.personId
	);
	const moved = positiveId(url.searchParams.get('moved')) ?? null;
	const words = calendarWords();
	const links = calendarLinks(url, calendar, query.date, canMove, filtered);
	const period = periodWords(calendar.view, filtered);
	// The calendar under the filters is rendered by the server only (calendar-body.ts), and its data is not
	// sent: a page sent whole has the body in its markup, and the data the browser asks for when it shows
	// another period itself carries the body's HTML.
	const body: CalendarBodyData = {
		words,
		calendar,
		query,
		links,
		period,
		weekdays: weekdays(),
		canMove,
		moved,
		// The event just moved, when the period shows it, to say where it went.
		movedEntry:
			moved !== null && calendar.view !== 'month'
				? (calendar.days.flatMap((day) => day.entries).find((e) => e.id === moved) ?? null)
				: null
	};
	let bodyHtml: string | undefined;
	if (isDataRequest) bodyHtml = calendarBodyHtml({ data: body, form: null, sharedWords: sharedWords() });
	else keepBodyForRender(locals, body);
	return {
		query,
		// What the page says of the calendar above its body.
		calendar: { view: calendar.view, title: calendar.title },
		period: { previous: period.previous, next: period.next },
		// What the filters' form sends again beside them: the period and the layout shown.
		filterKeeps:
			calendar.view === 'month'
				? { year: calendar.year, month: calendar.month }
				: { view: calendar.view, date: calendar.date, layout: query.layout === 'list' ? 'list' : undefined },
		chosen,
		officeZone,
		zones: timeZoneChoices(),
		officeFeeds,
		canMove,
		links: {
			previous: links.previous,
			next: links.next,
			today: links.today,
			month: links.month,
			week: links.week,
			day: links.day,
			grid: links.grid,
			list: links.list,
			clearFilters: links.clearFilters
		},
		words,
		bodyHtml
	};
};

type Clashes = Extract<EventSaveOutcome, { saved: false }>;

export const actions: Actions = {
	/** A feed of the office calendar with the filters shown, limited to a series if one is chosen. */
	createFeed: (event) =>
		createFeedAction(event, (form) => {
			const filter = parseCalendarFilter(new URLSearchParams(form as unknown as Record<string, string>));
			return { ...filter, seriesId: positiveId(String(form.get('series') ?? '')) };
		}),
	revokeFeed: revokeFeedAction,
	/**
	 * Moves an event to a new start in the calendar's zone: what a drag on the week or day grid posts,
	 * and the plain move form. Clashes come back to confirm, as on the edit form.
	 */
	move: async (event) => {
		const { values, overrideClashes } = readCalendarMoveForm(await event.request.formData());
		const context = { form: 'move' as const, values };
		const parsed = CalendarMoveInput.safeParse(values);
		if (!parsed.success) return invalidInput(parsed.error, context);
		const { event: eventId, version, date, time, zone } = parsed.data;
		let outcome: EventSaveOutcome;
		try {
			outcome = await moveEvent(
				database().db,
				actorOf(event),
				{ eventId, version, startAt: zonedToInstant(`${date}T${time}`, zone) },
				{ overrideClashes }
			);
		} catch (e) {
			const failure = failureFrom(e, context);
			return failure.data.stale ? refuseForm(409, m.calendar_moved_meanwhile(), context) : failure;
		}
		if (!outcome.saved) {
			const clashes: { list: Clashes['clashes']; proposed: Clashes['proposed'] } = {
				list: outcome.clashes,
				proposed: outcome.proposed
			};
			return fail(409, { ...formFailure(context), clashes });
		}
		const back = new URLSearchParams(event.url.searchParams);
		back.delete('/move');
		back.set('moved', String(eventId));
		redirect(303, `/calendar?${back}`);
	}
};
