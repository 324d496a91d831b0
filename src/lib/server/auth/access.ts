/**
 * Who may reach what, decided by route group in the hooks (a layout's load would not guard actions or
 * endpoints) and checked again by services for what they change.
 */
import type { UserRole } from '../../vocabulary';
import type { SessionUser } from './session';

const RANK: Record<UserRole, number> = { viewer: 1, officer: 2, admin: 3 };

export function hasRole(user: Pick<SessionUser, 'role'> | null, role: UserRole): boolean {
	return user !== null && RANK[user.role] >= RANK[role];
}

/** An orchestrator's probes: no session, no database beyond their own checks, no setup redirect. */
export const PROBE_ROUTES: ReadonlySet<string> = new Set(['/healthz', '/readyz']);

/** Routes anyone may open, signed in or not. A personal link's page checks its token itself. */
const PUBLIC_ROUTES = new Set([
	...PROBE_ROUTES,
	'/(public)/login',
	'/(public)/login/two-factor',
	'/(public)/setup',
	'/(link)/p/[token]',
	'/(link)/p/[token]/calendar.ics',
	// Events an officer marked public: title, date, venue, published agenda.
	'/(site)/public/events',
	'/(site)/public/events/[eventId=id]',
	'/(site)/public/events/[eventId=id]/calendar.ics',
	// Calendar subscriptions: the secret token in the URL is the credential.
	'/feeds/[token].ics',
	// The office's public events: the same as the public pages show.
	'/feeds/public.ics',
	// The language switcher, on every page: kept on the account when signed in, in a cookie for everyone.
	'/language'
]);

/** Routes behind a session where a viewer may also send forms: their own account and signing out. */
const SELF_SERVICE_ROUTES = new Set(['/(app)/account', '/(app)/account/two-factor', '/(app)/logout']);

/**
 * Pages only officers may read: the audit history shows who changed what, and from where; the agenda
 * builder is all forms (viewers read the agenda on the event page and the printed programme).
 */
const OFFICER_READ_ROUTES = new Set([
	'/(app)/events/[eventId=id]/history',
	'/(app)/events/new',
	'/(app)/events/[eventId=id]/edit',
	'/(app)/events/[eventId=id]/duplicate',
	'/(app)/events/[eventId=id]/delete',
	'/(app)/events/[eventId=id]/agenda',
	'/(app)/events/[eventId=id]/agenda/[itemId=id]',
	// A topic's list and page are for every reader; its edit form is officers' only.
	'/(app)/events/[eventId=id]/topics/[topicId=id]/edit',
	// Contacts, answers and attendance; viewers print the participant list and badges instead.
	'/(app)/events/[eventId=id]/participants',
	// What guests need (diet, accessibility, interpretation, security): officers only, and their printouts.
	'/(app)/events/[eventId=id]/participants/[participantId=id]/needs',
	'/(app)/events/[eventId=id]/needs',
	'/(app)/events/[eventId=id]/needs/catering',
	'/(app)/events/[eventId=id]/needs/interpretation',
	// Who was sent what, with addresses: the outboxes of an event and of the office.
	'/(app)/events/[eventId=id]/invitations',
	// Thank-you letters drafted in the host's name, before anyone has edited them.
	'/(app)/events/[eventId=id]/thank-you',
	'/(app)/people/new',
	'/(app)/people/[personId=id]/edit',
	'/(app)/people/[personId=id]/positions',
	'/(app)/people/[personId=id]/positions/[positionId=id]',
	'/(app)/people/[personId=id]/merge',
	'/(app)/people/[personId=id]/delete',
	'/(app)/organizations/new',
	'/(app)/organizations/[organizationId=id]/edit',
	'/(app)/outcomes/new',
	'/(app)/outcomes/[outcomeId=id]/edit',
	'/(app)/agreements/new',
	'/(app)/agreements/[agreementId=id]/edit',
	'/(app)/projects/new',
	'/(app)/projects/[projectId=id]/edit',
	'/(app)/correspondence/new',
	'/(app)/correspondence/[correspondenceId=id]/edit',
	'/(app)/gifts/new',
	'/(app)/gifts/[giftId=id]/edit',
	'/(app)/visits/new',
	'/(app)/visits/[visitId=id]/edit',
	'/(app)/visits/[visitId=id]/items/new',
	'/(app)/visits/[visitId=id]/items/[itemId=id]',
	'/(app)/venues/new',
	'/(app)/venues/[venueId=id]/edit',
	'/(app)/outbox',
	// Attendees' answers by e-mail, with their addresses, and the proposals officers decide on.
	'/(app)/inbox',
	// Partners' invitations: uploaded or pasted, or found in the mailbox, previewed before import.
	'/(app)/inbox/import',
	'/(app)/inbox/invitations/[messageId=id]'
]);

/** Where a user who must still enrol a second factor may go. */
export const ENROLMENT_ROUTES = new Set(['/(app)/account/two-factor', '/(app)/logout']);

export type RouteAccess = { kind: 'public' } | { kind: 'token' } | { kind: 'user'; role: UserRole };

/**
 * What a request needs, from its route id and method. Unknown routes (a 404) need a user, so that
 * nothing about the app's paths is told to strangers.
 */
export function routeAccess(routeId: string | null, method: string): RouteAccess {
	if (routeId && PUBLIC_ROUTES.has(routeId)) return { kind: 'public' };
	// The read API: a bearer token, checked by api/api.gate.ts; its services check the token's role.
	if (routeId === '/api/v1' || routeId?.startsWith('/api/v1/')) return { kind: 'token' };
	const reading = method === 'GET' || method === 'HEAD';
	if (routeId?.startsWith('/(app)/admin')) return { kind: 'user', role: 'admin' };
	if (routeId && OFFICER_READ_ROUTES.has(routeId)) return { kind: 'user', role: 'officer' };
	if (!reading && !(routeId && SELF_SERVICE_ROUTES.has(routeId))) return { kind: 'user', role: 'officer' };
	return { kind: 'user', role: 'viewer' };
}

/**
 * A path inside this app to go back to after signing in; anything else becomes the home page. The paths
 * we hand out are URL-encoded, so anything but printable ASCII (spaces, control characters, a line
 * break, letters a Location header cannot carry) was not made by us.
 */
export function safeReturnPath(next: string | null): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
	if (!/^[\x21-\x7e]+$/.test(next)) return '/';
	return next.length > 500 ? '/' : next;
}
