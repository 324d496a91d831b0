/**
 * The pages `npm run bench:http` loads, in the order it loads them: the floor first (the sign-in page, a
 * trivial render of the same app without a session), the event page and its ceiling, then every page the
 * issue names. `route` is the SvelteKit route id, for the client JS the page loads (none for files).
 */
import type { Landmarks } from './landmarks';

export interface PageSpec {
	name: string;
	/** What the page is, in the table. */
	label: string;
	path: (l: Landmarks) => string;
	route: string | null;
	/** Sent signed in (the officer's session cookie). */
	signedIn: boolean;
	/** Served by the raw node:http + better-sqlite3 server instead of the app. */
	ceiling?: boolean;
	/** Conditional request headers, given the first answer's (a feed polled again, unchanged). */
	conditional?: boolean;
	/** The status every answer must have. */
	status: number;
}

const page = (spec: Omit<PageSpec, 'signedIn' | 'status'> & Partial<PageSpec>): PageSpec => ({
	signedIn: true,
	status: 200,
	...spec
});

export const FLOOR = 'login';

export const PAGES: PageSpec[] = [
	page({
		name: FLOOR,
		label: '/login (the floor)',
		path: () => '/login',
		route: '/(public)/login',
		signedIn: false
	}),
	page({
		name: 'healthz',
		label: '/healthz (no page render)',
		path: () => '/healthz',
		route: null,
		signedIn: false
	}),
	page({
		name: 'event',
		label: 'event page',
		path: (l) => `/events/${l.eventId}`,
		route: '/(app)/events/[eventId=id]'
	}),
	page({
		name: 'ceiling',
		label: 'event page, raw node:http + SQLite (ceiling)',
		path: (l) => `/events/${l.eventId}`,
		route: null,
		signedIn: false,
		ceiling: true
	}),
	page({ name: 'events', label: '/events (upcoming)', path: () => '/events', route: '/(app)/events' }),
	page({
		name: 'events-past',
		label: '/events?when=past',
		path: () => '/events?when=past',
		route: '/(app)/events'
	}),
	page({
		name: 'events-deep',
		label: 'past list, a keyset page 9/10 back',
		path: (l) => `/events?when=past&after=${l.deepCursor}`,
		route: '/(app)/events'
	}),
	page({
		name: 'search-common',
		label: 'search, a common word',
		path: (l) => `/search?q=${encodeURIComponent(l.searchCommon)}`,
		route: '/(app)/search'
	}),
	page({
		name: 'search-rare',
		label: 'search, a rare word',
		path: (l) => `/search?q=${encodeURIComponent(l.searchRare)}`,
		route: '/(app)/search'
	}),
	page({
		name: 'calendar-month',
		label: "/calendar, the data's month",
		path: (l) => `/calendar?year=${l.today.slice(0, 4)}&month=${Number(l.today.slice(5, 7))}`,
		route: '/(app)/calendar'
	}),
	page({
		name: 'calendar-week',
		label: "/calendar?view=week, the data's week",
		path: (l) => `/calendar?view=week&date=${l.today}`,
		route: '/(app)/calendar'
	}),
	page({
		name: 'person',
		label: 'the busiest person',
		path: (l) => `/people/${l.personId}`,
		route: '/(app)/people/[personId=id]'
	}),
	page({
		name: 'feed',
		label: "the busiest person's feed",
		path: (l) => `/feeds/${l.feedToken}.ics`,
		route: null,
		signedIn: false
	}),
	page({
		name: 'feed-304',
		label: 'the same feed, unchanged (304)',
		path: (l) => `/feeds/${l.feedToken}.ics`,
		route: null,
		signedIn: false,
		conditional: true,
		status: 304
	}),
	page({
		name: 'dossier',
		label: "the umbrella's dossier",
		path: (l) => `/organizations/${l.organizationId}`,
		route: '/(app)/organizations/[organizationId=id]'
	}),
	page({ name: 'actions', label: '/actions (the board)', path: () => '/actions', route: '/(app)/actions' }),
	page({ name: 'home', label: '/ (home)', path: () => '/', route: '/(app)' }),
	page({
		name: 'ics',
		label: "one event's .ics",
		path: (l) => `/events/${l.eventId}/calendar.ics`,
		route: null
	})
];
