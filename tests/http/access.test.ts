/**
 * Who may reach what, asked of the built server: every route and every form action, for every role.
 * The matrix must name every route the app has: a new route that is missing from it fails this test.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addUser, signInOverHttp } from '../helpers/accounts';
import { addApiToken, bearer } from '../helpers/api-tokens';
import { startServer, type RunningServer } from '../helpers/server';

type Who = 'anonymous' | 'viewer' | 'officer' | 'admin';
const WHO: Who[] = ['anonymous', 'viewer', 'officer', 'admin'];

interface Cell {
	method: 'GET' | 'POST';
	path: string;
	/** Status per role; a 303 names where it leads. */
	expect: Record<Who, number | `303 ${string}`>;
}

const signInFirst = '303 /login';
const readable = (path: string): Cell => ({
	method: 'GET',
	path,
	expect: { anonymous: signInFirst, viewer: 200, officer: 200, admin: 200 }
});
/** A write to a page that has no form actions: refused by role first, then 405 for those allowed to write. */
const noActions = (path: string): Cell => ({
	method: 'POST',
	path,
	expect: { anonymous: 401, viewer: 403, officer: 405, admin: 405 }
});
/** A page only officers (and admins) may open; `status` is what they get. */
const officerPage = (path: string, status: number): Cell => ({
	method: 'GET',
	path,
	expect: { anonymous: signInFirst, viewer: 403, officer: status, admin: status }
});
/** A form action only officers (and admins) may send; `status` is what they get for an empty form. */
const officerWrite = (path: string, status: number): Cell => ({
	method: 'POST',
	path,
	expect: { anonymous: 401, viewer: 403, officer: status, admin: status }
});
const adminOnly = (method: 'GET' | 'POST', path: string, adminStatus: number): Cell => ({
	method,
	path,
	expect: { anonymous: method === 'GET' ? signInFirst : 401, viewer: 403, officer: 403, admin: adminStatus }
});

/** Route id → the requests that exercise it. */
const MATRIX: Record<string, Cell[]> = {
	'/healthz': [
		{ method: 'GET', path: '/healthz', expect: { anonymous: 200, viewer: 200, officer: 200, admin: 200 } }
	],
	'/readyz': [
		{ method: 'GET', path: '/readyz', expect: { anonymous: 200, viewer: 200, officer: 200, admin: 200 } }
	],
	'/(public)/login': [
		{
			method: 'GET',
			path: '/login',
			expect: { anonymous: 200, viewer: '303 /', officer: '303 /', admin: '303 /' }
		},
		// Someone signed in is sent on, as the page itself would send them.
		{
			method: 'POST',
			path: '/login',
			expect: { anonymous: 400, viewer: '303 /', officer: '303 /', admin: '303 /' }
		}
	],
	'/(public)/login/two-factor': [
		// Only a session that still owes its second factor may stay; nobody here does.
		{
			method: 'GET',
			path: '/login/two-factor',
			expect: { anonymous: '303 /login', viewer: '303 /login', officer: '303 /login', admin: '303 /login' }
		},
		{
			method: 'POST',
			path: '/login/two-factor',
			expect: { anonymous: '303 /login', viewer: '303 /login', officer: '303 /login', admin: '303 /login' }
		}
	],
	'/(public)/setup': [
		{ method: 'GET', path: '/setup', expect: { anonymous: 404, viewer: 404, officer: 404, admin: 404 } },
		{ method: 'POST', path: '/setup', expect: { anonymous: 404, viewer: 404, officer: 404, admin: 404 } }
	],
	// A personal link's page: the token is the only key, whoever asks; these tokens open nothing
	// (tests/http/personal-links.test.ts covers live, re-issued and revoked ones).
	'/(link)/p/[token]': [
		{ method: 'GET', path: '/p/bogus', expect: { anonymous: 404, viewer: 404, officer: 404, admin: 404 } },
		{
			method: 'GET',
			path: `/p/${'a'.repeat(32)}.${'b'.repeat(32)}`,
			expect: { anonymous: 404, viewer: 404, officer: 404, admin: 404 }
		},
		{
			method: 'POST',
			path: '/p/bogus?/respond',
			expect: { anonymous: 404, viewer: 404, officer: 404, admin: 404 }
		},
		{ method: 'POST', path: '/p/bogus', expect: { anonymous: 404, viewer: 404, officer: 404, admin: 404 } }
	],
	'/(site)/public/events': [
		{
			method: 'GET',
			path: '/public/events',
			expect: { anonymous: 200, viewer: 200, officer: 200, admin: 200 }
		}
	],
	'/(site)/public/events/[eventId=id]': [
		{
			method: 'GET',
			path: '/public/events/1',
			expect: { anonymous: 200, viewer: 200, officer: 200, admin: 200 }
		},
		{
			method: 'GET',
			path: '/public/events/999999',
			expect: { anonymous: 404, viewer: 404, officer: 404, admin: 404 }
		}
	],
	// A subscription's token is its credential: a bogus one is a 404 for everyone, signed in or not.
	'/feeds/[token].ics': [
		{
			method: 'GET',
			path: '/feeds/bogus.ics',
			expect: { anonymous: 404, viewer: 404, officer: 404, admin: 404 }
		},
		{
			method: 'POST',
			path: '/feeds/bogus.ics',
			expect: { anonymous: 405, viewer: 405, officer: 405, admin: 405 }
		}
	],
	// The office's public events: open to everyone, as the public pages are.
	'/feeds/public.ics': [
		{
			method: 'GET',
			path: '/feeds/public.ics',
			expect: { anonymous: 200, viewer: 200, officer: 200, admin: 200 }
		},
		{
			method: 'POST',
			path: '/feeds/public.ics',
			expect: { anonymous: 405, viewer: 405, officer: 405, admin: 405 }
		}
	],
	'/(site)/public/events/[eventId=id]/calendar.ics': [
		{
			method: 'GET',
			path: '/public/events/1/calendar.ics',
			expect: { anonymous: 200, viewer: 200, officer: 200, admin: 200 }
		},
		{
			method: 'GET',
			path: '/public/events/999999/calendar.ics',
			expect: { anonymous: 404, viewer: 404, officer: 404, admin: 404 }
		}
	],
	'/(link)/p/[token]/calendar.ics': [
		{
			method: 'GET',
			path: '/p/bogus/calendar.ics',
			expect: { anonymous: 404, viewer: 404, officer: 404, admin: 404 }
		}
	],
	// The home page: every role reads it; it has no forms.
	'/(app)': [readable('/'), noActions('/')],
	'/(app)/events': [readable('/events'), readable('/events?when=past&kind=debrief'), noActions('/events')],
	'/(app)/calendar': [
		readable('/calendar'),
		readable('/calendar?year=2021&month=12&zone=Europe%2FZurich&kind=observance&person=1'),
		readable('/calendar?view=week&date=2026-03-29&zone=Europe%2FZurich'),
		// Whatever the URL says, the calendar shows something: nonsense is dropped for the defaults.
		readable('/calendar?year=99999&month=13&date=2021-02-30&zone=%3Cscript%3E&kind=x&organization=-1'),
		// Named actions only: a POST naming none is 404 for those allowed to write.
		officerWrite('/calendar', 404),
		// An empty form makes a feed of the whole office calendar; an empty revoke names no feed.
		officerWrite('/calendar?/createFeed', 200),
		officerWrite('/calendar?/revokeFeed', 400)
	],
	'/(app)/search': [
		readable('/search'),
		readable('/search?q=h%C3%BCseynov'),
		readable('/search?q=09%2F1502&type=correspondence'),
		readable(`/search?q=${encodeURIComponent(`"NEAR(*) -x' ; drop table event; --`)}&type=bogus`),
		noActions('/search')
	],
	// Officers carry open action points over to a meeting from its page.
	'/(app)/events/[eventId=id]': [
		readable('/events/1'),
		officerWrite('/events/1', 404),
		officerWrite('/events/1?/carry', 400)
	],
	// The one-page brief of the demo meeting of the Chief of the SMS with IOM's Regional Director (15).
	'/(app)/events/[eventId=id]/brief': [
		readable('/events/15/brief'),
		readable('/events/1/brief'),
		{
			method: 'GET',
			path: '/events/999999/brief',
			expect: { anonymous: signInFirst, viewer: 404, officer: 404, admin: 404 }
		},
		noActions('/events/15/brief')
	],
	// Planning an event: the form pages and their actions are officers' only; an empty form is refused
	// with its messages (400), never saved, so these rows change nothing on the shared demo data.
	'/(app)/events/new': [
		officerPage('/events/new', 200),
		officerWrite('/events/new', 404),
		officerWrite('/events/new?/save', 400)
	],
	'/(app)/events/[eventId=id]/edit': [
		officerPage('/events/1/edit', 200),
		officerPage('/events/999999/edit', 404),
		officerWrite('/events/1/edit', 404),
		officerWrite('/events/1/edit?/save', 400),
		officerWrite('/events/1/edit?/postpone', 400),
		officerWrite('/events/1/edit?/cancel', 400),
		officerWrite('/events/1/edit?/reinstate', 400)
	],
	'/(app)/events/[eventId=id]/duplicate': [
		officerPage('/events/1/duplicate', 200),
		officerPage('/events/999999/duplicate', 404),
		officerWrite('/events/1/duplicate?/save', 400)
	],
	'/(app)/events/[eventId=id]/delete': [
		officerPage('/events/1/delete', 200),
		officerPage('/events/999999/delete', 404),
		officerWrite('/events/1/delete?/delete', 400)
	],
	'/(app)/events/[eventId=id]/history': [
		{
			method: 'GET',
			path: '/events/1/history',
			expect: { anonymous: signInFirst, viewer: 403, officer: 200, admin: 200 }
		},
		{
			method: 'GET',
			path: '/events/999999/history',
			expect: { anonymous: signInFirst, viewer: 403, officer: 404, admin: 404 }
		}
	],
	// The agenda builder is officers' only, pages and forms; its forms answer an empty post with their
	// messages. Demo event 2 (the 2016 UN summit) has agenda items 1 and 2.
	'/(app)/events/[eventId=id]/agenda': [
		officerPage('/events/2/agenda', 200),
		officerPage('/events/999999/agenda', 404),
		officerWrite('/events/2/agenda', 404),
		officerWrite('/events/2/agenda?/add', 400),
		officerWrite('/events/2/agenda?/move', 400),
		officerWrite('/events/2/agenda?/reorder', 400),
		officerWrite('/events/2/agenda?/remove', 400)
	],
	// A meeting's topics: every reader reads the list and each topic; officers add, move, record what was
	// said, turn a topic into an outcome and link what it continues. Demo event 8 is the meeting of the
	// Chief of the SMS with IOM's Regional Director, with topics 1 to 4; event 1 is a council session.
	'/(app)/events/[eventId=id]/topics': [
		readable('/events/15/topics'),
		{
			method: 'GET',
			path: '/events/1/topics',
			expect: { anonymous: signInFirst, viewer: 404, officer: 404, admin: 404 }
		},
		officerWrite('/events/15/topics', 404),
		officerWrite('/events/15/topics?/add', 400),
		officerWrite('/events/15/topics?/move', 400)
	],
	'/(app)/events/[eventId=id]/topics/[topicId=id]': [
		readable('/events/15/topics/1'),
		readable('/events/15/topics/1?find=migration'),
		{
			method: 'GET',
			path: '/events/15/topics/999999',
			expect: { anonymous: signInFirst, viewer: 404, officer: 404, admin: 404 }
		},
		officerWrite('/events/15/topics/1', 404),
		officerWrite('/events/15/topics/1?/discussion', 400),
		officerWrite('/events/15/topics/1?/turn', 400),
		officerWrite('/events/15/topics/1?/link', 400),
		officerWrite('/events/15/topics/1?/unlink', 400)
	],
	'/(app)/events/[eventId=id]/topics/[topicId=id]/edit': [
		officerPage('/events/15/topics/1/edit', 200),
		officerPage('/events/15/topics/999999/edit', 404),
		officerWrite('/events/15/topics/1/edit?/save', 400),
		officerWrite('/events/15/topics/999999/edit?/remove', 404)
	],
	'/(app)/events/[eventId=id]/agenda/[itemId=id]': [
		officerPage('/events/2/agenda/1', 200),
		// An item of another event is not found under this one.
		officerPage('/events/1/agenda/1', 404),
		officerWrite('/events/2/agenda/1', 404),
		officerWrite('/events/2/agenda/1?/save', 400),
		officerWrite('/events/2/agenda/1?/assign', 400),
		officerWrite('/events/2/agenda/1?/unassign', 400),
		officerWrite('/events/2/agenda/999999?/remove', 404)
	],
	'/(app)/events/[eventId=id]/calendar.ics': [
		readable('/events/2/calendar.ics'),
		readable('/events/2/calendar.ics?agenda=1'),
		{
			method: 'GET',
			path: '/events/999999/calendar.ics',
			expect: { anonymous: signInFirst, viewer: 404, officer: 404, admin: 404 }
		},
		noActions('/events/2/calendar.ics')
	],
	'/(app)/events/[eventId=id]/programme': [
		readable('/events/2/programme'),
		{
			method: 'GET',
			path: '/events/999999/programme',
			expect: { anonymous: signInFirst, viewer: 404, officer: 404, admin: 404 }
		},
		noActions('/events/2/programme')
	],
	// Participants: the officer's page and its forms (an empty form gets its messages; resetting the
	// order needs no fields and goes back to the page); the printouts are for every reader.
	'/(app)/events/[eventId=id]/participants': [
		officerPage('/events/1/participants', 200),
		officerPage('/events/1/participants?q=Huseynov', 200),
		officerPage('/events/999999/participants', 404),
		officerWrite('/events/1/participants', 404),
		officerWrite('/events/1/participants?/invite', 400),
		officerWrite('/events/1/participants?/createAndInvite', 400),
		officerWrite('/events/1/participants?/inviteOrganization', 400),
		officerWrite('/events/1/participants?/previewImport', 400),
		officerWrite('/events/1/participants?/confirmImport', 400),
		officerWrite('/events/1/participants?/createDelegation', 400),
		officerWrite('/events/1/participants?/renameDelegation', 400),
		officerWrite('/events/1/participants?/removeDelegation', 400),
		officerWrite('/events/1/participants?/assignDelegation', 400),
		officerWrite('/events/1/participants?/markHead', 400),
		officerWrite('/events/1/participants?/move', 400),
		officerWrite('/events/1/participants?/rsvp', 400),
		officerWrite('/events/1/participants?/attendance', 400),
		officerWrite('/events/1/participants?/remove', 400),
		{
			method: 'POST',
			path: '/events/1/participants?/resetOrder',
			expect: {
				anonymous: 401,
				viewer: 403,
				officer: '303 /events/1/participants',
				admin: '303 /events/1/participants'
			}
		}
	],
	'/(app)/events/[eventId=id]/participants/list': [
		readable('/events/1/participants/list'),
		{
			method: 'GET',
			path: '/events/999999/participants/list',
			expect: { anonymous: signInFirst, viewer: 404, officer: 404, admin: 404 }
		},
		noActions('/events/1/participants/list')
	],
	'/(app)/events/[eventId=id]/participants/badges': [
		readable('/events/1/participants/badges'),
		{
			method: 'GET',
			path: '/events/999999/participants/badges',
			expect: { anonymous: signInFirst, viewer: 404, officer: 404, admin: 404 }
		},
		noActions('/events/1/participants/badges')
	],
	// The seating plan: every reader sees it and prints it (guests' needs on it for officers only).
	'/(app)/events/[eventId=id]/seating': [
		readable('/events/1/seating'),
		{
			method: 'GET',
			path: '/events/999999/seating',
			expect: { anonymous: signInFirst, viewer: 404, officer: 404, admin: 404 }
		},
		officerWrite('/events/1/seating', 404),
		officerWrite('/events/1/seating?/generate', 400),
		officerWrite('/events/1/seating?/seat', 400),
		officerWrite('/events/1/seating?/swap', 400),
		officerWrite('/events/1/seating?/unseat', 400),
		officerWrite('/events/1/seating?/addTable', 400),
		officerWrite('/events/1/seating?/changeTable', 400),
		officerWrite('/events/1/seating?/removeTable', 400),
		// Event 1 has no plan to mark as printed.
		officerWrite('/events/1/seating?/printed', 404)
	],
	'/(app)/events/[eventId=id]/seating/print': [
		readable('/events/1/seating/print'),
		readable('/events/1/seating/print?paper=a3'),
		noActions('/events/1/seating/print')
	],
	'/(app)/events/[eventId=id]/seating/cards': [
		readable('/events/1/seating/cards'),
		noActions('/events/1/seating/cards')
	],
	'/(app)/events/[eventId=id]/seating/table-cards': [
		readable('/events/1/seating/table-cards'),
		{
			method: 'GET',
			path: '/events/999999/seating/table-cards',
			expect: { anonymous: signInFirst, viewer: 404, officer: 404, admin: 404 }
		},
		noActions('/events/1/seating/table-cards')
	],
	'/(app)/people': [readable('/people'), noActions('/people')],
	'/(app)/people/[personId=id]': [
		readable('/people/1'),
		// The page has named actions only: a POST naming none is 404 for those allowed to write.
		{ method: 'POST', path: '/people/1', expect: { anonymous: 401, viewer: 403, officer: 404, admin: 404 } },
		// An empty form lacks the days the link should work.
		{
			method: 'POST',
			path: '/people/1?/issueLink',
			expect: { anonymous: 401, viewer: 403, officer: 400, admin: 400 }
		},
		{
			method: 'POST',
			path: '/people/1?/revokeLink',
			expect: { anonymous: 401, viewer: 403, officer: 200, admin: 200 }
		},
		officerWrite('/people/1?/createFeed', 200),
		officerWrite('/people/1?/revokeFeed', 400),
		officerWrite('/people/999999?/createFeed', 404)
	],
	'/(app)/organizations': [readable('/organizations'), noActions('/organizations')],
	'/(app)/people/new': [officerPage('/people/new', 200), officerWrite('/people/new?/save', 400)],
	'/(app)/people/[personId=id]/edit': [
		officerPage('/people/1/edit', 200),
		officerPage('/people/999999/edit', 404),
		// An empty form: its fields' messages, nothing saved.
		officerWrite('/people/1/edit?/save', 400)
	],
	'/(app)/people/[personId=id]/positions': [
		officerPage('/people/1/positions', 200),
		officerPage('/people/999999/positions', 404),
		// An empty form: the position is required.
		officerWrite('/people/1/positions?/save', 400)
	],
	'/(app)/people/[personId=id]/positions/[positionId=id]': [
		officerPage('/people/1/positions/1', 200),
		// Post 1 is Vusal Huseynov's, not Firudin Nabiyev's.
		officerPage('/people/2/positions/1', 404),
		officerWrite('/people/1/positions/1?/save', 400),
		officerWrite('/people/1/positions/999999?/remove', 404)
	],
	'/(app)/people/[personId=id]/merge': [
		officerPage('/people/1/merge?q=Nabiyev&into=2', 200),
		officerPage('/people/999999/merge', 404),
		// An empty form names no one to keep.
		officerWrite('/people/1/merge?/merge', 400)
	],
	'/(app)/people/[personId=id]/delete': [
		officerPage('/people/1/delete', 200),
		officerPage('/people/999999/delete', 404),
		// Not ticked: nothing deleted.
		officerWrite('/people/1/delete?/delete', 400)
	],
	'/(app)/organizations/new': [
		officerPage('/organizations/new', 200),
		officerWrite('/organizations/new?/save', 400)
	],
	'/(app)/organizations/[organizationId=id]/edit': [
		officerPage('/organizations/1/edit', 200),
		officerPage('/organizations/999999/edit', 404),
		officerWrite('/organizations/1/edit?/save', 400)
	],
	'/(app)/organizations/[organizationId=id]': [
		readable('/organizations/1'),
		officerWrite('/organizations/1', 404),
		officerWrite('/organizations/1?/createFeed', 200),
		officerWrite('/organizations/1?/revokeFeed', 400)
	],
	// Who was sent what, with their addresses: officers only.
	'/(app)/outbox': [officerPage('/outbox', 200), officerWrite('/outbox?/retry', 400)],
	// Answers by e-mail: officers only; a form naming no proposal is refused with a message.
	'/(app)/inbox': [
		officerPage('/inbox', 200),
		officerPage('/inbox?show=refused&after=bogus', 200),
		officerWrite('/inbox?/accept', 400),
		officerWrite('/inbox?/decline', 400)
	],
	// Partners' invitations: officers only; an empty form or an unknown invitation is refused with a message.
	'/(app)/inbox/import': [
		officerPage('/inbox/import', 200),
		officerWrite('/inbox/import?/preview', 400),
		officerWrite('/inbox/import?/import', 400)
	],
	'/(app)/inbox/invitations/[messageId=id]': [
		officerPage('/inbox/invitations/999999', 404),
		officerWrite('/inbox/invitations/999999?/import', 404),
		officerWrite('/inbox/invitations/999999?/dismiss', 404)
	],
	'/(app)/events/[eventId=id]/invitations': [
		officerPage('/events/2/invitations', 200),
		officerPage('/events/999999/invitations', 404),
		// The demo events are past: sending is refused with a message, not a 500.
		officerWrite('/events/2/invitations?/send', 400),
		officerWrite('/events/2/invitations?/retry', 400)
	],
	'/(app)/outcomes': [readable('/outcomes'), noActions('/outcomes')],
	'/(app)/actions': [
		readable('/actions'),
		readable('/actions?due=overdue'),
		officerWrite('/actions?/status', 400)
	],
	'/(app)/choose/[kind=chooser]': [
		readable('/choose/organization?q=iom'),
		readable('/choose/person?q=%3Cscript%3E%27%20or%201%3D1'),
		readable('/choose/correspondence'),
		noActions('/choose/venue')
	],
	'/(app)/actions/export.csv': [
		readable('/actions/export.csv?due=overdue'),
		noActions('/actions/export.csv')
	],
	'/(app)/outcomes/[outcomeId=id]': [
		readable('/outcomes/1'),
		readable('/outcomes/1?find=meeting'),
		officerWrite('/outcomes/1', 404),
		officerWrite('/outcomes/1?/status', 400),
		officerWrite('/outcomes/1?/link', 400),
		officerWrite('/outcomes/1?/note', 400)
	],
	'/(app)/outcomes/new': [
		officerPage('/outcomes/new', 200),
		officerPage('/outcomes/new?event=2', 200),
		officerWrite('/outcomes/new?/save', 400)
	],
	'/(app)/outcomes/[outcomeId=id]/edit': [
		officerPage('/outcomes/1/edit', 200),
		officerPage('/outcomes/999999/edit', 404),
		officerWrite('/outcomes/1/edit?/save', 400)
	],
	// The registers of agreements and projects: every reader reads, with any filter (nonsense is dropped);
	// officers record, edit and link, and an empty form is refused with its messages.
	'/(app)/agreements': [
		readable('/agreements'),
		readable('/agreements?partner=1&state=in_force&year=2017'),
		readable('/agreements?partner=-1&state=%3Cx%3E&year=99999&after=bogus'),
		noActions('/agreements')
	],
	'/(app)/agreements/[agreementId=id]': [
		readable('/agreements/1'),
		readable('/agreements/1?find=09%2F1502'),
		{
			method: 'GET',
			path: '/agreements/999999',
			expect: { anonymous: signInFirst, viewer: 404, officer: 404, admin: 404 }
		},
		officerWrite('/agreements/1', 404),
		officerWrite('/agreements/1?/link', 400),
		officerWrite('/agreements/1?/unlink', 400)
	],
	'/(app)/agreements/new': [
		officerPage('/agreements/new', 200),
		officerPage('/agreements/new?event=2', 200),
		officerWrite('/agreements/new?/save', 400)
	],
	'/(app)/agreements/[agreementId=id]/edit': [
		officerPage('/agreements/1/edit', 200),
		officerPage('/agreements/999999/edit', 404),
		officerWrite('/agreements/1/edit?/save', 400)
	],
	'/(app)/projects': [
		readable('/projects'),
		readable('/projects?partner=1&programme=twinning&state=ongoing'),
		readable('/projects?partner=x&programme=%27&state=%00'),
		noActions('/projects')
	],
	'/(app)/projects/[projectId=id]': [
		readable('/projects/1'),
		readable('/projects/1?find=migration'),
		{
			method: 'GET',
			path: '/projects/999999',
			expect: { anonymous: signInFirst, viewer: 404, officer: 404, admin: 404 }
		},
		officerWrite('/projects/1', 404),
		officerWrite('/projects/1?/link', 400),
		officerWrite('/projects/1?/unlink', 400)
	],
	'/(app)/projects/new': [
		officerPage('/projects/new', 200),
		officerPage('/projects/new?agreement=1', 200),
		officerWrite('/projects/new?/save', 400)
	],
	'/(app)/projects/[projectId=id]/edit': [
		officerPage('/projects/1/edit', 200),
		officerPage('/projects/999999/edit', 404),
		officerWrite('/projects/1/edit?/save', 400)
	],
	// What guests need: officers only, reads included (tests/http/guest-needs.test.ts fills them in).
	// Thank-you letters drafted in the host's name: officers only; an empty form names nobody to thank.
	'/(app)/events/[eventId=id]/thank-you': [
		officerPage('/events/1/thank-you', 200),
		officerPage('/events/999999/thank-you', 404),
		officerWrite('/events/1/thank-you?/draft', 400)
	],
	'/(app)/events/[eventId=id]/needs': [
		officerPage('/events/1/needs', 200),
		officerPage('/events/999999/needs', 404),
		officerWrite('/events/1/needs', 405)
	],
	'/(app)/events/[eventId=id]/needs/catering': [
		officerPage('/events/1/needs/catering', 200),
		officerWrite('/events/1/needs/catering', 405)
	],
	'/(app)/events/[eventId=id]/needs/interpretation': [
		officerPage('/events/1/needs/interpretation', 200),
		officerWrite('/events/1/needs/interpretation', 405)
	],
	'/(app)/events/[eventId=id]/participants/[participantId=id]/needs': [
		officerPage('/events/1/participants/999999/needs', 404),
		officerWrite('/events/1/participants/999999/needs?/save', 404)
	],
	'/(app)/gifts': [
		readable('/gifts'),
		readable('/gifts?year=2026&direction=received&disposition=declared'),
		readable('/gifts?year=x&direction=%27&disposition=%00'),
		noActions('/gifts')
	],
	// The demo data has no gifts (tests/http/gifts.test.ts reads and writes real ones): a refusal
	// renders the page, which is not there.
	'/(app)/gifts/[giftId=id]': [
		{
			method: 'GET',
			path: '/gifts/999999',
			expect: { anonymous: signInFirst, viewer: 404, officer: 404, admin: 404 }
		},
		officerWrite('/gifts/999999', 404),
		officerWrite('/gifts/999999?/photo', 404),
		officerWrite('/gifts/999999?/removePhoto', 404),
		officerWrite('/gifts/999999?/link', 404),
		officerWrite('/gifts/999999?/unlink', 404)
	],
	'/(app)/gifts/[giftId=id]/photo': [
		{
			method: 'GET',
			path: '/gifts/999999/photo',
			expect: { anonymous: signInFirst, viewer: 404, officer: 404, admin: 404 }
		},
		noActions('/gifts/999999/photo')
	],
	'/(app)/gifts/new': [
		officerPage('/gifts/new', 200),
		officerPage('/gifts/new?event=1&direction=given', 200),
		officerWrite('/gifts/new?/save', 400)
	],
	'/(app)/gifts/[giftId=id]/edit': [
		officerPage('/gifts/999999/edit', 404),
		officerWrite('/gifts/999999/edit?/save', 404)
	],
	'/(app)/gifts/report': [
		readable('/gifts/report'),
		readable('/gifts/report?year=2026&person=1'),
		readable('/gifts/report?year=%27&organization=x'),
		noActions('/gifts/report')
	],
	'/(app)/gifts/report/csv': [
		readable('/gifts/report/csv?year=2026&organization=1'),
		readable('/gifts/report/csv'),
		noActions('/gifts/report/csv')
	],
	// The demo visit (1): William Lacy Swing's (person 4) official visit, its programme items 1–3.
	'/(app)/visits': [readable('/visits'), readable('/visits?after=%27&before=x'), noActions('/visits')],
	'/(app)/visits/new': [officerPage('/visits/new', 200), officerWrite('/visits/new?/save', 400)],
	'/(app)/visits/[visitId=id]': [
		readable('/visits/1'),
		{
			method: 'GET',
			path: '/visits/999999',
			expect: { anonymous: signInFirst, viewer: 404, officer: 404, admin: 404 }
		},
		officerWrite('/visits/1?/move', 400),
		officerWrite('/visits/1?/remove', 400),
		officerWrite('/visits/1', 404)
	],
	'/(app)/visits/[visitId=id]/edit': [
		officerPage('/visits/1/edit', 200),
		officerPage('/visits/999999/edit', 404),
		officerWrite('/visits/1/edit?/save', 400)
	],
	'/(app)/visits/[visitId=id]/items/new': [
		officerPage('/visits/1/items/new?kind=meal', 200),
		officerPage('/visits/1/items/new?kind=%00', 200),
		officerPage('/visits/999999/items/new', 404),
		officerWrite('/visits/1/items/new?/save', 400)
	],
	'/(app)/visits/[visitId=id]/items/[itemId=id]': [
		officerPage('/visits/1/items/1', 200),
		officerPage('/visits/1/items/999999', 404),
		officerWrite('/visits/1/items/1?/save', 400)
	],
	'/(app)/visits/[visitId=id]/print': [readable('/visits/1/print'), noActions('/visits/1/print')],
	'/(app)/visits/[visitId=id]/itinerary/[personId=id]': [
		readable('/visits/1/itinerary/4'),
		{
			method: 'GET',
			path: '/visits/1/itinerary/1',
			expect: { anonymous: signInFirst, viewer: 404, officer: 404, admin: 404 }
		},
		noActions('/visits/1/itinerary/4')
	],
	'/(app)/correspondence': [
		readable('/correspondence'),
		readable('/correspondence?year=2021&direction=outgoing&kind=letter&organization=1&awaiting=1'),
		noActions('/correspondence')
	],
	// The register as CSV: every signed-in role may export what it may read.
	'/(app)/correspondence/export.csv': [
		readable('/correspondence/export.csv'),
		readable('/correspondence/export.csv?year=2021&direction=bogus&awaiting=1'),
		noActions('/correspondence/export.csv')
	],
	'/(app)/correspondence/[correspondenceId=id]': [
		readable('/correspondence/1'),
		// Named actions only; an empty form names no file (attach) or no file to remove (detach).
		officerWrite('/correspondence/1', 404),
		officerWrite('/correspondence/1?/attach', 400),
		officerWrite('/correspondence/1?/detach', 400),
		// Registering a draft: an empty form gives no reference number.
		officerWrite('/correspondence/1?/register', 400),
		officerWrite('/correspondence/1?/discard', 400)
	],
	// The printable letter: only a document with a text of its own has one (a received note has its file).
	'/(app)/correspondence/[correspondenceId=id]/letter': [
		{
			method: 'GET',
			path: '/correspondence/1/letter',
			expect: { anonymous: signInFirst, viewer: 404, officer: 404, admin: 404 }
		},
		noActions('/correspondence/1/letter')
	],
	// An enclosed file: signed-in users only (tests/http/correspondence-files.test.ts downloads real ones).
	'/(app)/correspondence/[correspondenceId=id]/files/[fileId=id]': [
		{
			method: 'GET',
			path: '/correspondence/1/files/999999',
			expect: { anonymous: signInFirst, viewer: 404, officer: 404, admin: 404 }
		},
		noActions('/correspondence/1/files/999999')
	],
	'/(app)/correspondence/new': [
		officerPage('/correspondence/new', 200),
		officerPage('/correspondence/new?event=2', 200),
		officerWrite('/correspondence/new?/save', 400)
	],
	'/(app)/correspondence/[correspondenceId=id]/edit': [
		officerPage('/correspondence/1/edit', 200),
		officerPage('/correspondence/999999/edit', 404),
		officerWrite('/correspondence/1/edit?/save', 400)
	],
	'/(app)/venues': [readable('/venues'), noActions('/venues')],
	'/(app)/venues/new': [officerPage('/venues/new', 200), officerWrite('/venues/new?/save', 400)],
	'/(app)/venues/[venueId=id]/edit': [
		officerPage('/venues/1/edit', 200),
		officerPage('/venues/999999/edit', 404),
		officerWrite('/venues/1/edit?/save', 400)
	],
	'/(app)/account': [
		readable('/account'),
		// An empty form: every signed-in role may try, and gets the field messages.
		{
			method: 'POST',
			path: '/account?/changePassword',
			expect: { anonymous: 401, viewer: 400, officer: 400, admin: 400 }
		},
		// The daily reminder of one's action points: viewers follow none up.
		{
			method: 'POST',
			path: '/account?/reminders',
			expect: { anonymous: 401, viewer: 403, officer: 200, admin: 200 }
		}
	],
	'/(app)/account/two-factor': [
		readable('/account/two-factor'),
		{
			method: 'POST',
			path: '/account/two-factor?/confirm',
			expect: { anonymous: 401, viewer: 409, officer: 409, admin: 409 }
		},
		{
			method: 'POST',
			path: '/account/two-factor?/disable',
			expect: { anonymous: 401, viewer: 400, officer: 400, admin: 400 }
		}
	],
	// The language switcher: anyone may choose (kept on the account when signed in); an empty form is refused.
	'/language': [
		{ method: 'POST', path: '/language', expect: { anonymous: 400, viewer: 400, officer: 400, admin: 400 } },
		{ method: 'GET', path: '/language', expect: { anonymous: 405, viewer: 405, officer: 405, admin: 405 } }
	],
	'/(app)/logout': [
		{
			method: 'GET',
			path: '/logout',
			expect: { anonymous: signInFirst, viewer: 405, officer: 405, admin: 405 }
		}
	],
	'/(app)/admin/audit': [
		adminOnly('GET', '/admin/audit', 200),
		adminOnly('GET', '/admin/audit?entity=%3Cx%3E', 200)
	],
	'/(app)/admin/export': [adminOnly('GET', '/admin/export', 200), adminOnly('POST', '/admin/export', 405)],
	'/(app)/admin/export/archive': [
		adminOnly('POST', '/admin/export/archive', 200),
		adminOnly('GET', '/admin/export/archive', 405)
	],
	'/(app)/admin/api-tokens': [
		adminOnly('GET', '/admin/api-tokens', 200),
		adminOnly('POST', '/admin/api-tokens?/issue', 400),
		adminOnly('POST', '/admin/api-tokens?/revoke', 400)
	],
	'/(app)/admin/users': [
		adminOnly('GET', '/admin/users', 200),
		adminOnly('POST', '/admin/users?/create', 400),
		adminOnly('POST', '/admin/users?/disable', 400),
		adminOnly('POST', '/admin/users?/enable', 400),
		adminOnly('POST', '/admin/users?/endSessions', 400),
		adminOnly('POST', '/admin/users?/resetTwoFactor', 400),
		adminOnly('POST', '/admin/users?/requireTwoFactor', 200)
	]
};

/**
 * The read API: a bearer token is the only key. Whoever reads: no token, a token revoked or past its last
 * day, an administrator's session without a token, and a live token of each role (scope `read`, the
 * only scope there is).
 */
type ApiWho = 'anonymous' | 'revoked' | 'expired' | 'adminSession' | 'viewerToken' | 'officerToken';
const API_WHO: ApiWho[] = ['anonymous', 'revoked', 'expired', 'adminSession', 'viewerToken', 'officerToken'];

interface ApiCell {
	method: 'GET' | 'POST';
	path: string;
	expect: Record<ApiWho, number>;
}

const refusedWithout = { anonymous: 401, revoked: 401, expired: 401, adminSession: 401 } as const;
/** Read with either role's token; `status` is what a token gets. */
const apiRead = (path: string, status = 200): ApiCell => ({
	method: 'GET',
	path,
	expect: { ...refusedWithout, viewerToken: status, officerToken: status }
});
/** A write: no token's scope allows one. */
const apiWrite = (path: string): ApiCell => ({
	method: 'POST',
	path,
	expect: { ...refusedWithout, viewerToken: 405, officerToken: 405 }
});

const API_MATRIX: Record<string, ApiCell[]> = {
	'/api/v1/openapi.json': [apiRead('/api/v1/openapi.json'), apiWrite('/api/v1/openapi.json')],
	'/api/v1/events': [
		apiRead('/api/v1/events'),
		apiRead('/api/v1/events?when=past&kind=observance&limit=5'),
		apiRead('/api/v1/events?limit=0', 400),
		apiWrite('/api/v1/events')
	],
	'/api/v1/events/[eventId=id]': [
		apiRead('/api/v1/events/1'),
		apiRead('/api/v1/events/999999', 404),
		apiWrite('/api/v1/events/1')
	],
	'/api/v1/people': [apiRead('/api/v1/people'), apiWrite('/api/v1/people')],
	'/api/v1/people/[personId=id]': [
		apiRead('/api/v1/people/1'),
		apiRead('/api/v1/people/999999', 404),
		apiWrite('/api/v1/people/1')
	],
	'/api/v1/organizations': [apiRead('/api/v1/organizations'), apiWrite('/api/v1/organizations')],
	'/api/v1/organizations/[organizationId=id]': [
		apiRead('/api/v1/organizations/1'),
		apiRead('/api/v1/organizations/999999', 404),
		apiWrite('/api/v1/organizations/1')
	],
	'/api/v1/outcomes': [apiRead('/api/v1/outcomes'), apiWrite('/api/v1/outcomes')],
	'/api/v1/outcomes/[outcomeId=id]': [
		apiRead('/api/v1/outcomes/1'),
		apiRead('/api/v1/outcomes/999999', 404),
		apiWrite('/api/v1/outcomes/1')
	],
	'/api/v1/correspondence': [apiRead('/api/v1/correspondence'), apiWrite('/api/v1/correspondence')],
	'/api/v1/projects': [apiRead('/api/v1/projects'), apiWrite('/api/v1/projects')],
	'/api/v1/projects/[projectId=id]': [
		apiRead('/api/v1/projects/1'),
		apiRead('/api/v1/projects/999999', 404),
		apiWrite('/api/v1/projects/1')
	],
	'/api/v1/correspondence/[correspondenceId=id]': [
		apiRead('/api/v1/correspondence/1'),
		apiRead('/api/v1/correspondence/999999', 404),
		apiWrite('/api/v1/correspondence/1')
	],
	// Any other address under /api/v1, and an id that is no id.
	'/api/v1/[...rest]': [
		apiRead('/api/v1/nothing-here', 404),
		apiRead('/api/v1/events/not-an-id', 404),
		apiRead('/api/v1', 404),
		apiWrite('/api/v1/nothing-here')
	]
};

/** Every route the app has, as SvelteKit names it, read from src/routes. */
function appRouteIds(): string[] {
	const root = fileURLToPath(new URL('../../src/routes/', import.meta.url));
	const ids: string[] = [];
	const walk = (dir: string) => {
		const entries = readdirSync(dir);
		if (entries.some((f) => /^\+(page\.svelte|page\.server\.ts|page\.ts|server\.ts)$/.test(f))) {
			const id = `/${relative(root, dir).split('\\').join('/')}`;
			ids.push(id === '/' ? '/' : id.replace(/\/$/, ''));
		}
		for (const entry of entries) {
			if (statSync(join(dir, entry)).isDirectory()) walk(join(dir, entry));
		}
	};
	walk(root);
	return ids.sort();
}

test('the matrix names every route of the app', () => {
	expect([...Object.keys(MATRIX), ...Object.keys(API_MATRIX)].sort()).toEqual(appRouteIds());
});

describe('the authorization matrix', () => {
	let dir: string;
	let server: RunningServer;
	const cookies: Partial<Record<Who, string>> = {};

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'protokol-access-'));
		const databaseUrl = join(dir, 'protokol.db');
		server = await startServer({ databaseUrl });
		for (const role of ['viewer', 'officer', 'admin'] as const) {
			cookies[role] = await signInOverHttp(server, await addUser(databaseUrl, role));
		}
	});
	afterAll(async () => {
		await server?.stop();
		rmSync(dir, { recursive: true, force: true });
	});

	const cells = Object.entries(MATRIX).flatMap(([routeId, list]) =>
		list.flatMap((cell) => WHO.map((who) => ({ routeId, who, ...cell, expected: cell.expect[who] })))
	);

	test.each(cells)('$method $path as $who answers $expected', async ({ method, path, who, expected }) => {
		const headers: Record<string, string> = { origin: server.url, accept: 'text/html' };
		if (who !== 'anonymous') headers.cookie = cookies[who]!;
		if (method === 'POST') headers['content-type'] = 'application/x-www-form-urlencoded';
		const response = await fetch(`${server.url}${path}`, {
			method,
			headers,
			redirect: 'manual',
			body: method === 'POST' ? '' : undefined
		});
		if (typeof expected === 'string') {
			const [status, location] = expected.split(' ');
			expect(response.status).toBe(Number(status));
			expect(response.headers.get('location') ?? '').toMatch(new RegExp(`^${location}`));
		} else {
			expect(response.status).toBe(expected);
		}
	});
});

describe('the read API matrix', () => {
	let dir: string;
	let server: RunningServer;
	const headersOf: Partial<Record<ApiWho, Record<string, string>>> = {};

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'protokol-api-access-'));
		const databaseUrl = join(dir, 'protokol.db');
		server = await startServer({ databaseUrl });
		headersOf.anonymous = {};
		headersOf.adminSession = { cookie: await signInOverHttp(server, await addUser(databaseUrl, 'admin')) };
		headersOf.revoked = bearer(await addApiToken(databaseUrl, 'officer', 'revoked'));
		headersOf.expired = bearer(await addApiToken(databaseUrl, 'officer', 'expired'));
		headersOf.viewerToken = bearer(await addApiToken(databaseUrl, 'viewer'));
		headersOf.officerToken = bearer(await addApiToken(databaseUrl, 'officer'));
	});
	afterAll(async () => {
		await server?.stop();
		rmSync(dir, { recursive: true, force: true });
	});

	const cells = Object.entries(API_MATRIX).flatMap(([routeId, list]) =>
		list.flatMap((cell) => API_WHO.map((who) => ({ routeId, who, ...cell, expected: cell.expect[who] })))
	);

	test.each(cells)('$method $path as $who answers $expected', async ({ method, path, who, expected }) => {
		const response = await fetch(`${server.url}${path}`, {
			method,
			headers: { origin: server.url, ...headersOf[who] },
			redirect: 'manual',
			body: method === 'POST' ? '' : undefined
		});
		expect(response.status).toBe(expected);
		if (expected !== 200) expect(response.headers.get('content-type')).toBe('application/problem+json');
	});
});
