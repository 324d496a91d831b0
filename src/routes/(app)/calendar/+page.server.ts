import { parseCalendarQuery, parseZone } from '$lib/server/calendar/calendar.input';
import {
	getCalendarFilterChoices,
	getCalendarMonth,
	getCalendarWeek
} from '$lib/server/calendar/calendar.service';
import { officeTimeZone, timeZoneChoices } from '$lib/server/calendar/calendar.settings';
import { database } from '$lib/server/db';
import type { PageServerLoad } from './$types';

/** The zone a viewer last chose, so the calendar opens in it again. */
const ZONE_COOKIE = 'calendar_zone';

export const load: PageServerLoad = async ({ url, cookies }) => {
	const { db } = database();
	const officeZone = officeTimeZone();
	const query = parseCalendarQuery(url.searchParams, {
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
	const [calendar, choices] = await Promise.all([
		query.view === 'week'
			? getCalendarWeek(db, { date: query.date, zone: query.zone, filter: query.filter })
			: getCalendarMonth(db, {
					year: query.year,
					month: query.month,
					zone: query.zone,
					filter: query.filter
				}),
		getCalendarFilterChoices(db)
	]);
	return { query, calendar, choices, officeZone, zones: timeZoneChoices() };
};
