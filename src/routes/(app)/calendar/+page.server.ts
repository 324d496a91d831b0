import { parseCalendarFilter, parseCalendarQuery, parseZone } from '$lib/server/calendar/calendar.input';
import { getCalendarMonth, getCalendarWeek } from '$lib/server/calendar/calendar.service';
import { resolveChosen } from '$lib/server/choosers/chooser.service';
import { officeTimeZone, timeZoneChoices } from '$lib/server/calendar/calendar.settings';
import { hasRole } from '$lib/server/auth/access';
import { database } from '$lib/server/db';
import { getOfficeFeeds } from '$lib/server/feeds/feed.service';
import { positiveId } from '$lib/server/query-params';
import { createFeedAction, revokeFeedAction } from '../feed-actions.server';
import type { Actions, PageServerLoad } from './$types';

/** The zone a viewer last chose, so the calendar opens in it again. */
const ZONE_COOKIE = 'calendar_zone';

export const load: PageServerLoad = async ({ url, cookies, locals }) => {
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
	const [calendar, officeFeeds] = await Promise.all([
		query.view === 'week'
			? getCalendarWeek(db, { date: query.date, zone: query.zone, filter: query.filter })
			: getCalendarMonth(db, {
					year: query.year,
					month: query.month,
					zone: query.zone,
					filter: query.filter
				}),
		hasRole(locals.user, 'officer') ? getOfficeFeeds(db) : null
	]);
	return { query, calendar, chosen, officeZone, zones: timeZoneChoices(), officeFeeds };
};

export const actions: Actions = {
	/** A feed of the office calendar with the filters shown, limited to a series if one is chosen. */
	createFeed: (event) =>
		createFeedAction(event, (form) => {
			const filter = parseCalendarFilter(new URLSearchParams(form as unknown as Record<string, string>));
			return { ...filter, seriesId: positiveId(String(form.get('series') ?? '')) };
		}),
	revokeFeed: revokeFeedAction
};
