/**
 * Every list, search, feed, calendar, board and dossier query is served by an index in its order, on an
 * office of generated data: each page is loaded through its service with every query logged, and each
 * logged query's plan is read. A plan fails when it reads a whole table (SQLite: SCAN of a table;
 * PostgreSQL: a Seq Scan, with sequential scans and sorts switched off by planOfReadOnly so that one
 * left means no index could serve) or sorts rows in a temporary B-tree (PostgreSQL: a Sort node; for
 * the lists and search, marked strict, also one under a Limit, which still reads all it is given),
 * unless the page names that step below and says why it is bounded — an ordered walk that stops at the
 * page's limit, or a sort of the few rows one record owns. Nothing else may read a table whole.
 */
import type { Kysely, LogEvent } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseBoardQuery } from '$lib/server/actions/action-board.input';
import { getActionBoard } from '$lib/server/actions/action-board.service';
import { listAgreementsPage } from '$lib/server/agreements/agreement.service';
import { listAuditTrail, findEventHistory } from '$lib/server/audit/audit.service';
import { getCalendarDay, getCalendarMonth, getCalendarWeek } from '$lib/server/calendar/calendar.service';
import { listCorrespondencePage } from '$lib/server/correspondence/correspondence.service';
import type { Database } from '$lib/server/db/schema';
import { listOpenActionPointsOf } from '$lib/server/dossier/dossier.repository';
import { findDossier, refreshDossiers } from '$lib/server/dossier/dossier.service';
import { findEventPage, listEventsPage } from '$lib/server/events/event-read.service';
import { getGiftRegister, getGiftReport } from '$lib/server/gifts/gift.service';
import { listApiTokensPage } from '$lib/server/api-tokens/api-token.service';
import { systemActor } from '$lib/server/audit/audit';
import { listActionPointsToCarryOver } from '$lib/server/outcomes/outcome-thread.repository';
import { CARRY_COUNT_LIMIT } from '$lib/server/outcomes/outcome-thread.service';
import { listOutcomesPage } from '$lib/server/outcomes/outcome.service';
import { findItinerary, getVisitList, listLogisticsEvents } from '$lib/server/visits/visit.service';
import { createFeed, findFeedCalendar, findPublicCalendar } from '$lib/server/feeds/feed.service';
import { getHomePage } from '$lib/server/home/home.service';
import { findInvitationsPage } from '$lib/server/invitations/invitation.service';
import { findOrganizationPage, listOrganizationsPage } from '$lib/server/organizations/organization.service';
import { findPersonPage, listPeoplePage } from '$lib/server/people/person.service';
import { listProjectsPage } from '$lib/server/projects/project.service';
import { refreshSearchIndex, searchEverything, searchType } from '$lib/server/search/search.service';
import { SeatingGenerateInput } from '$lib/server/seating/seating.input';
import { findSeatingPlan, generateSeatingPlan } from '$lib/server/seating/seating.service';
import type { SortKey } from '$lib/server/pagination';
import { generateData, type Landmarks } from '../../db/generate/generate';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import {
	insertAuditEntries,
	insertEvent,
	insertGifts,
	insertPerson,
	insertVisits,
	stamps
} from '../helpers/factories';
import { officer } from '../helpers/actors';
import { planOf, planOfReadOnly } from '../helpers/query-plans';

/** The generated office's "today" (db/generate/generate.ts), in the morning. */
let NOW: Date;
let now: string;

/** The generator's landmarks, with cursors ten pages into the upcoming and the past lists. */
interface GeneratedOffice extends Landmarks {
	upcomingCursor: SortKey;
	pastCursor: SortKey;
	/** Feeds of a series and of the office calendar's bilateral meetings. */
	seriesFeedToken: string;
	kindFeedToken: string;
}

/**
 * Tables small in any office, read whole without harm: venues, series, accounts, settings; and the
 * lists of records waiting for their search document or dossier entries, empty when all is up to date
 * (read with a limit, to see whether anything waits).
 */
const SMALL_TABLES = new Set([
	'venue',
	'event_series',
	'user_account',
	'app_setting',
	'search_pending',
	'dossier_pending',
	// An office holds one agreement for a thousand events, one project for two thousand (db/generate).
	'agreement_party',
	'project_partner',
	'project_event'
]);

/** A sort: SQLite's temporary B-tree, PostgreSQL's Sort node. */
const SORTS = /USE TEMP B-TREE|Sort\s+\(cost/;

/** A step of a plan that a page may take, and why it stays bounded however large the office grows. */
interface Allowance {
	/** Which of the page's queries (a piece of its SQL). */
	query: RegExp;
	/** The step's text in the plan: SQLite's detail, PostgreSQL's node. */
	step: RegExp;
	why: string;
}

interface PageLoad {
	name: string;
	load: (db: Kysely<Database>, office: GeneratedOffice) => Promise<unknown>;
	allow?: Allowance[];
	/**
	 * PostgreSQL: a Sort under a Limit counts too (it reads all its input to keep the top rows), as
	 * SQLite's temporary B-tree always does — the lists and search, whose order an index must give.
	 */
	strict?: boolean;
}

const orderedWalk = (table: string, index: string, why: string): Allowance => ({
	query: new RegExp(`from "${table}"`),
	step: new RegExp(
		`SCAN \\w+ USING (COVERING )?INDEX ${index}|Index (Only )?Scan( Backward)? using ${index}`
	),
	why
});

/**
 * A sort of the rows one record owns (an event's participants, a person's posts): as many as it has.
 * SQLite's parameters are `+?` (src/lib/server/db/connection.ts), PostgreSQL's `$1`.
 */
const ownedBy = (column: string, why: string): Allowance => ({
	query: new RegExp(`"${column}" = (\\+?\\?|\\$\\d+)`),
	step: SORTS,
	why
});

/** A person's logistics of their visits (their itinerary in their feed), read from their memberships. */
const visitLogistics: Allowance = {
	query: /from "visit_member"/,
	step: SORTS,
	why: "one person's visits' items, found through their memberships, then put in time order"
};

/**
 * SQLite: the terms a searched word begins (search_term, one range of its key), the most frequent first:
 * as many as the index has terms beginning so (a handful for a whole word), not as many as documents.
 */
const prefixTerms: Allowance = {
	query: /from "search_term"/,
	step: /USE TEMP B-TREE FOR ORDER BY/,
	why: 'the terms one prefix begins, a range of the term list, put in order of frequency'
};

/** The upcoming list's two index ranges, each cut at the page's limit, put in order together. */
const twoRanges: Allowance = {
	query: /as "near"/,
	step: /USE TEMP B-TREE FOR ORDER BY|Sort\s+\(cost/,
	why: 'orders what the two ranges give, at most limit + 1 rows each'
};

/** The action-point board's counts: each over at most COUNT_LIMIT + 1 rows read in the board's order. */
const countWindow: Allowance = {
	query: /as "w" (left join "event" on "event"\."id" = "w"\."event_id" )?group by/,
	step: /USE TEMP B-TREE FOR GROUP BY|Sort\s+\(cost/,
	why: 'groups the first COUNT_LIMIT + 1 action points the other filters select, no more'
};

/** A dossier's open action points, sorted from its own outcomes: chosen only when it holds few. */
const fewOutcomesSorted: Allowance = {
	query: /from "dossier_entry" inner join "outcome"/,
	step: SORTS,
	why: 'a dossier holding at most COUNT_LIMIT outcomes; one holding more is read along the board (fromBoard)'
};

const FEW_PROJECTS = 'an office holds one project for two thousand events (db/generate)';

/** A dossier page: its few agreements and projects, and its action points sorted when it holds few outcomes. */
const dossierAllowances: Allowance[] = [
	{
		query: /\) as "dossier_entry" left join/,
		step: SORTS,
		why: "orders the timeline's page, at most limit + 1 entries cut from its index in that order"
	},
	{
		query: /cross join "agreement"/,
		step: SORTS,
		why: "orders the organisation's own agreements, read from its dossier entries, not the office's"
	},
	{
		query: /cross join "project"/,
		step: SORTS,
		why: "orders the organisation's own projects, read from its dossier entries, not the office's"
	},
	fewOutcomesSorted
];

const pages: PageLoad[] = [
	{
		name: 'upcoming events, first page',
		strict: true,
		load: (db) => listEventsPage(db, { when: 'upcoming', now }, { limit: 25 }),
		allow: [twoRanges]
	},
	{
		name: 'upcoming events, a deep page',
		strict: true,
		load: (db, office) =>
			listEventsPage(db, { when: 'upcoming', now }, { limit: 25, after: office.upcomingCursor }),
		allow: [twoRanges]
	},
	{
		name: 'past events, first page',
		strict: true,
		load: (db) => listEventsPage(db, { when: 'past', now }, { limit: 25 })
	},
	{
		name: 'past events, a deep page',
		strict: true,
		load: (db, office) => listEventsPage(db, { when: 'past', now }, { limit: 25, after: office.pastCursor })
	},
	{
		name: 'upcoming events of one kind',
		strict: true,
		load: (db) => listEventsPage(db, { when: 'upcoming', now, kind: 'forum' }, { limit: 25 }),
		allow: [twoRanges]
	},
	{
		name: 'upcoming events of one organisation',
		strict: true,
		load: (db, office) =>
			listEventsPage(db, { when: 'upcoming', now, organizationId: office.umbrella.id }, { limit: 25 }),
		allow: [
			twoRanges,
			{
				query: /"event_organization"/,
				step: SORTS,
				why: 'the events of one organisation are found through its own index entries, then put in order'
			}
		]
	},
	{
		name: 'upcoming events of one person',
		strict: true,
		load: (db, office) =>
			listEventsPage(db, { when: 'upcoming', now, personId: office.heavyPerson.id }, { limit: 25 }),
		allow: [twoRanges]
	},
	{
		name: 'past events of one person',
		strict: true,
		load: (db, office) =>
			listEventsPage(db, { when: 'past', now, personId: office.heavyPerson.id }, { limit: 25 })
	},
	{
		name: 'search, a word most documents hold',
		strict: true,
		load: (db, office) => searchEverything(db, office.commonWord),
		allow: [
			{
				query: /row_number\(\) over/,
				step: /USE TEMP B-TREE|Sort\s+\(cost/,
				why: 'ranks only the latest matches, a fixed number (SEARCH_WINDOW)'
			},
			prefixTerms
		]
	},
	{
		name: 'search, one kind, first page',
		strict: true,
		load: (db, office) => searchType(db, office.commonWord, 'event', { limit: 25 }),
		allow: [
			{
				query: /search_document/,
				step: /USE TEMP B-TREE FOR ORDER BY|Sort\s+\(cost/,
				why: 'orders only the latest matches, a fixed number (SEARCH_WINDOW)'
			},
			prefixTerms
		]
	},
	{
		name: "a person's feed",
		load: (db, office) => findFeedCalendar(db, office.heavyPerson.feedToken, { now: NOW }),
		allow: [visitLogistics]
	},
	{
		name: "an organisation's feed",
		load: (db, office) => findFeedCalendar(db, office.umbrella.feedToken, { now: NOW })
	},
	{
		name: "a series' feed",
		load: (db, office) => findFeedCalendar(db, office.seriesFeedToken, { now: NOW })
	},
	{
		name: "the office calendar's feed, one kind",
		load: (db, office) => findFeedCalendar(db, office.kindFeedToken, { now: NOW })
	},
	{
		name: 'the public events feed',
		load: (db) => findPublicCalendar(db, { now: NOW })
	},
	{
		name: 'calendar month',
		load: (db) => getCalendarMonth(db, { year: 2026, month: 12, zone: 'Asia/Baku', now })
	},
	{
		name: "calendar month, the busiest person's",
		load: (db, office) =>
			getCalendarMonth(db, {
				year: 2026,
				month: 12,
				zone: 'Asia/Baku',
				filter: { personId: office.heavyPerson.id },
				now
			})
	},
	{
		name: 'calendar week',
		load: (db) => getCalendarWeek(db, { date: now.slice(0, 10), zone: 'Asia/Baku', now })
	},
	{
		name: 'calendar day',
		load: (db) => getCalendarDay(db, { date: now.slice(0, 10), zone: 'Asia/Baku', now }),
		allow: [
			{
				query: /as "day" from \(select \* from \(select "event"/,
				step: /USE TEMP B-TREE FOR ORDER BY/,
				why: 'orders the events of one day, as its two index ranges give them, to take the first sixty'
			}
		]
	},
	{
		name: 'people',
		strict: true,
		load: (db) => listPeoplePage(db, { page: { limit: 25 } }),
		allow: [orderedWalk('person', 'person_sort_idx', 'every person read is shown; the limit stops it')]
	},
	{
		name: 'organisations',
		strict: true,
		load: (db) => listOrganizationsPage(db, { page: { limit: 25 } }),
		allow: [
			orderedWalk(
				'organization',
				'organization_sort_idx',
				'every organisation read is shown; the limit stops it'
			)
		]
	},
	{
		name: 'correspondence register',
		strict: true,
		load: (db) => listCorrespondencePage(db, { page: { limit: 25 } }),
		allow: [
			orderedWalk(
				'correspondence',
				'correspondence_dated_idx',
				'every letter read is shown; the limit stops it'
			)
		]
	},
	{
		name: 'agreements',
		strict: true,
		load: (db) => listAgreementsPage(db, { page: { limit: 25 } }, NOW),
		allow: [
			orderedWalk('agreement', 'agreement_register_idx', 'every agreement read is shown; the limit stops it')
		]
	},
	{
		name: 'projects',
		strict: true,
		load: (db) => listProjectsPage(db, { page: { limit: 25 } }),
		allow: [
			orderedWalk('project', 'project_title_idx', 'every project read is shown; the limit stops it'),
			{ query: /from "project"/, step: SORTS, why: FEW_PROJECTS }
		]
	},
	{
		// Read by the outcomes page and the read API's /outcomes alike.
		name: 'the outcomes register',
		load: (db) => listOutcomesPage(db, { page: { limit: 25 } }),
		allow: [
			{
				query: /from "outcome"/,
				step: /SCAN outcome\b|Index Scan Backward using outcome_pkey/,
				why: 'along the primary key, the latest first; the limit stops it'
			}
		]
	},
	{
		name: 'the API tokens page',
		load: (db) => listApiTokensPage(db, systemActor('query plans'), { limit: 50 }),
		allow: [
			{
				query: /from "api_token"/,
				step: /SCAN t\b|Index Scan Backward using api_token_pkey/,
				why: 'along the primary key, the latest issued first; the limit stops it'
			}
		]
	},
	{
		name: 'gifts register',
		load: (db) => getGiftRegister(db, { page: { limit: 25 } }),
		allow: [orderedWalk('gift', 'gift_given_on_idx', 'every gift read is shown; the limit stops it')]
	},
	{
		name: 'gifts register, one year, declared only',
		load: (db) =>
			getGiftRegister(db, { year: Number(now.slice(0, 4)) - 1, disposition: 'declared', page: { limit: 25 } })
	},
	{
		name: "a person's gifts of a year",
		load: (db, office) =>
			getGiftReport(db, { year: Number(now.slice(0, 4)), personId: office.heavyPerson.id }),
		allow: [
			{
				query: /from "gift"/,
				step: SORTS,
				why: "one person's gifts of one year, found through each side's index, then put in date order"
			}
		]
	},
	{
		name: 'visits',
		strict: true,
		load: (db) => getVisitList(db, { limit: 25 }),
		allow: [orderedWalk('visit', 'visit_starts_on_idx', 'every visit read is shown; the limit stops it')]
	},
	{
		name: "a visit member's itinerary",
		load: async (db, office) => {
			const { visits } = await getVisitList(db, { limit: 1 });
			return findItinerary(db, visits.items[0]!.id, office.heavyPerson.id);
		},
		allow: [
			orderedWalk('visit', 'visit_starts_on_idx', 'the first visit of the list; the limit stops it'),
			ownedBy('visit_id', "one visit's members and programme, as many as it holds")
		]
	},
	{
		name: "a member's logistics in their feed",
		load: (db, office) =>
			listLogisticsEvents(
				db,
				office.heavyPerson.id,
				{ from: new Date(NOW.getTime() - 365 * 86_400_000).toISOString(), to: now },
				2000
			),
		allow: [visitLogistics]
	},
	{
		name: 'action-point board',
		load: (db) => getActionBoard(db, parseBoardQuery(new URLSearchParams()), { limit: 25 }, NOW),
		allow: [
			countWindow,
			{
				query: /from "user_account"/,
				step: SORTS,
				why: "the office's officers, for the filter"
			}
		]
	},
	{
		name: 'action-point board, one kind of meeting, overdue',
		load: (db) =>
			getActionBoard(
				db,
				parseBoardQuery(new URLSearchParams({ meeting: 'bilateral_meeting', due: 'overdue' })),
				{ limit: 25 },
				NOW
			),
		allow: [countWindow, { query: /from "user_account"/, step: SORTS, why: "the office's officers" }]
	},
	{
		name: 'home page',
		load: (db, office) => getHomePage(db, { id: office.officer!.id, role: 'officer' }, { now: NOW }),
		allow: [
			{
				query: /as "mine"/,
				step: SORTS,
				why: "orders the officer's open outcomes, at most limit + 1 from each status"
			}
		]
	},
	{
		name: 'dossier of a busy organisation',
		load: (db, office) => findDossier(db, office.umbrella.id, {}, { limit: 50 }, NOW),
		allow: dossierAllowances
	},
	{
		name: 'dossier of a busy organisation, one year, its own records only',
		load: (db, office) =>
			findDossier(db, office.umbrella.id, { year: 2020, ownOnly: true }, { limit: 50 }, NOW),
		allow: dossierAllowances
	},
	{
		name: "a busy organisation's open action points, along the board",
		load: (db, office) => listOpenActionPointsOf(db, office.umbrella.id, 8, { fromBoard: true })
	},
	{
		name: "a busy organisation's action points to carry over to a meeting, in order",
		load: (db, office) => umbrellaCarryOver(db, office)
	},
	{
		name: 'an event page',
		load: (db, office) => findEventPage(db, office.longAgendaEventId, { carryOffers: true, now: NOW }),
		allow: [
			ownedBy('event_id', "one event's participants, delegations, agenda, outcomes and letters"),
			ownedBy('signed_event_id', 'the agreements signed at one event'),
			{ query: /from "project"/, step: /SCAN project|Sort\s+\(cost/, why: FEW_PROJECTS }
		]
	},
	{
		name: "an event's invitations",
		load: (db, office) => findInvitationsPage(db, office.longAgendaEventId, { limit: 25 }, NOW),
		allow: [ownedBy('event_id', "one event's participants and the messages sent to them")]
	},
	{
		name: "an event's seating plan, with guests' needs",
		load: async (db, office) => {
			const eventId = office.longAgendaEventId;
			const plan = await findSeatingPlan(db, officer, eventId);
			if (!plan?.plan) {
				const input = {
					layout: 'banquet',
					topShape: 'long',
					topSeats: '10',
					shape: 'round',
					seatsPerTable: '8'
				};
				await generateSeatingPlan(db, officer, eventId, null, SeatingGenerateInput.parse(input));
			}
			return findSeatingPlan(db, officer, eventId);
		},
		allow: [
			ownedBy('event_id', "one event's participants, in order of precedence, and their needs"),
			ownedBy('plan_id', "one plan's tables, seats and changes")
		]
	},
	{
		name: 'a person page',
		load: (db, office) => findPersonPage(db, office.heavyPerson.id, { privateContacts: true }),
		allow: [
			{
				query: /from "person_position"|from "person_redirect"/,
				step: SORTS,
				why: "one person's posts and the records merged into theirs"
			},
			{
				query: /"outcome"\."id" in \(select "latest"\."id"/,
				step: SORTS,
				why: 'orders the latest fifty outcomes one person owns, read along outcome_owner_person_idx'
			},
			ownedBy('signatory_person_id', 'the letters one person signed or was sent')
		]
	},
	{
		name: 'an organisation page',
		load: (db, office) => findOrganizationPage(db, office.umbrella.id)
	},
	{
		name: 'the audit trail',
		load: (db) => listAuditTrail(db, null, { limit: 50 }),
		allow: [orderedWalk('audit_entry', 'audit_entry_at_idx', 'every entry read is shown; the limit stops it')]
	},
	{
		name: "an event's history",
		load: (db, office) => findEventHistory(db, office.longAgendaEventId, { limit: 50 }),
		allow: [ownedBy('event_id', "one event's history")]
	}
];

/** `count` read API tokens, as years of integrations come and go would leave them. */
async function insertApiTokens(db: Kysely<Database>, count: number, until: Date) {
	const rows = Array.from({ length: count }, (_, i) => ({
		lookup_id: String(i).padStart(32, 'a'),
		secret_hash: 'f'.repeat(64),
		name: `Integration ${i}`,
		role: i % 2 === 0 ? ('viewer' as const) : ('officer' as const),
		created_at: new Date(until.getTime() - (count - i) * 3_600_000).toISOString(),
		revoked_at: i % 3 === 0 ? until.toISOString() : null
	}));
	for (let i = 0; i < rows.length; i += 500) {
		await db
			.insertInto('api_token')
			.values(rows.slice(i, i + 500))
			.execute();
	}
}

async function cursorTenPagesInto(db: Kysely<Database>, when: 'upcoming' | 'past'): Promise<SortKey> {
	let after: SortKey | undefined;
	for (let i = 0; i < 10; i++) {
		const page = await listEventsPage(db, { when, now }, { limit: 25, after });
		after = JSON.parse(Buffer.from(page.next!, 'base64url').toString('utf8')) as SortKey;
	}
	return after!;
}

/**
 * Rows of the records a page shows, looked up by their ids, written out or bound as one list
 * (src/lib/server/db/id-list.ts): as many as one page holds.
 */
const ofListedRecords =
	/"\w+"\."\w+" in \((\+?\?|\$\d+)(, (\+?\?|\$\d+))*\)|in \(select value from json_each\(\+?\?\)\)|= any\(array\(select jsonb_array_elements_text\(/;

/** The tables a query names, by the aliases the plans show. */
function tablesByAlias(sql: string): Map<string, string> {
	const aliases = new Map<string, string>();
	for (const [, table, alias] of sql.matchAll(/"(\w+)" as "(\w+)"/g)) aliases.set(alias!, table!);
	return aliases;
}

/** PostgreSQL: the nodes above line `at` of an EXPLAIN text, nearest first. */
function ancestors(lines: string[], at: number): string[] {
	const indent = (line: string) => line.search(/\S/);
	const found: string[] = [];
	let depth = indent(lines[at]!);
	for (let i = at - 1; i >= 0 && depth > 0; i--) {
		const line = lines[i]!;
		if (indent(line) < depth && /^\s*(->\s+)?[A-Z]/.test(line) && !/^\s*[A-Z][\w ]*:/.test(line)) {
			found.push(line);
			depth = indent(line);
		}
	}
	return found;
}

/** The steps of a plan that read a table whole or sort rows without bound, not allowed for this query. */
function unboundedSteps(
	handle: TestDatabase,
	plan: string,
	sql: string,
	allow: Allowance[],
	strict: boolean
): string[] {
	const allowed = (line: string) =>
		(ofListedRecords.test(sql) && SORTS.test(line)) ||
		allow.some((a) => a.query.test(sql) && a.step.test(line));
	const aliases = tablesByAlias(sql);
	const big = (name: string) => !SMALL_TABLES.has(aliases.get(name) ?? name);
	const lines = plan.split('\n');
	if (handle.engine === 'postgres') {
		return lines.filter((line, i) => {
			const seq = /Seq Scan on (\w+)/.exec(line);
			if (seq) return big(seq[1]!) && !allowed(line);
			if (!/^\s*(->\s+)?Sort\s+\(cost/.test(line)) return false;
			// A Sort under a Limit keeps only the rows it returns, but reads and orders all it is given: allowed
			// only where the page does not ask for an index in its order (strict: the lists and search).
			const limited = ancestors(lines, i).some((node) => /^\s*(->\s+)?Limit\b/.test(node));
			return (strict || !limited) && !allowed(line);
		});
	}
	const subqueries = new Set(
		lines.flatMap((line) => /^(?:MATERIALIZE|CO-ROUTINE) (\w+)/.exec(line)?.[1] ?? [])
	);
	return lines.filter((line) => {
		if (/USE TEMP B-TREE/.test(line)) return !allowed(line);
		const scan = /^SCAN (\w+)/.exec(line);
		if (!scan || /VIRTUAL TABLE|CONSTANT ROW/.test(line)) return false;
		return !subqueries.has(scan[1]!) && big(scan[1]!) && !allowed(line);
	});
}

/** A feed of the first series, or of the office's bilateral meetings, made as an officer would. */
async function feedTokenOf(db: Kysely<Database>, of: 'series' | 'kind') {
	if (of === 'kind') return (await createFeed(db, officer, { kind: 'bilateral_meeting' }, NOW)).token;
	const series = await db.selectFrom('event_series').select('id').orderBy('id').executeTakeFirstOrThrow();
	return (await createFeed(db, officer, { seriesId: series.id }, NOW)).token;
}

/** What a meeting the umbrella organisation hosts after today offers to carry over, read in order. */
function umbrellaCarryOver(db: Kysely<Database>, office: GeneratedOffice) {
	const meeting = {
		id: office.longAgendaEventId,
		start_at: new Date(NOW.getTime() + 86_400_000).toISOString()
	};
	return listActionPointsToCarryOver(db, meeting, [office.umbrella.id], {
		limit: CARRY_COUNT_LIMIT + 1,
		inOrder: true
	});
}

describeEachEngine('query plans on a generated office', (engine) => {
	let handle: TestDatabase;
	const log: LogEvent[] = [];
	let office: GeneratedOffice;

	beforeAll(async () => {
		handle = await engine.open({ onQuery: (event) => log.push(event) });
		const { landmarks } = await generateData(handle, {
			events: 6000,
			officer: { email: 'officer@protokol.test', password: 'not used here' }
		});
		NOW = new Date(`${landmarks.today}T09:00:00Z`);
		now = NOW.toISOString();
		await insertAuditEntries(handle.db, 6000, NOW);
		await insertGifts(handle.db, 6000, NOW, landmarks.heavyPerson.id);
		await insertApiTokens(handle.db, 3000, NOW);
		await insertVisits(handle.db, 1500, NOW, landmarks.heavyPerson.id);
		office = {
			...landmarks,
			upcomingCursor: await cursorTenPagesInto(handle.db, 'upcoming'),
			pastCursor: await cursorTenPagesInto(handle.db, 'past'),
			seriesFeedToken: await feedTokenOf(handle.db, 'series'),
			kindFeedToken: await feedTokenOf(handle.db, 'kind')
		};
		// What the server does at start: the dossiers and the search index are up to date before the first page.
		await refreshDossiers(handle.db);
		await refreshSearchIndex(handle.db);
	}, 300_000);
	afterAll(async () => {
		await handle?.cleanup();
	});

	describe.each(pages)('$name', ({ load, allow = [], strict = false }) => {
		test('reads no table whole and sorts nothing unbounded', async () => {
			log.length = 0;
			await load(handle.db, office);
			const queries = [...log];
			expect(queries.length).toBeGreaterThan(0);
			const found: string[] = [];
			for (const { query } of queries) {
				if (!/^\s*(select|with)/i.test(query.sql)) continue;
				const plan = await planOfReadOnly(handle, query);
				const steps = unboundedSteps(handle, plan, query.sql, allow, strict);
				if (steps.length > 0) found.push(`${steps.join('; ')}\n  in: ${query.sql}\n  plan:\n${plan}`);
			}
			expect(found).toEqual([]);
			// PostgreSQL analyses before each plan: a page of ten queries takes a while on a busy machine.
		}, 120_000);
	});

	test("a calendar month counts its busy days' events from the start index alone", async () => {
		// A busy day: more events than a month's cell shows, so that the month counts the rest.
		for (let hour = 6; hour < 14; hour++) {
			await insertEvent(handle.db, {
				start_at: `2026-12-16T${String(hour).padStart(2, '0')}:00:00.000Z`,
				end_at: `2026-12-16T${String(hour).padStart(2, '0')}:30:00.000Z`
			});
		}
		log.length = 0;
		await getCalendarMonth(handle.db, { year: 2026, month: 12, zone: 'Asia/Baku', now });
		const counts = log.find(({ query }) => /count\(\*\) as "n"/i.test(query.sql));
		expect(counts, 'the month counts the events of its busy days').toBeDefined();
		const plan = await planOfReadOnly(handle, counts!.query);
		// Each day reads the events that start in the seven days before it, to find those still running:
		// the index carries their ends, so the ones that ended before the day cost no read of their row.
		// PostgreSQL's choice between an index-only scan and a bitmap depends on its visibility map.
		expect(plan).toMatch(handle.engine === 'sqlite' ? /COVERING INDEX event_start_idx/ : /event_start_idx/);
	}, 120_000);

	test('on PostgreSQL a calendar month is two short statements, each planned once for all its days', async () => {
		if (handle.engine !== 'postgres') return;
		log.length = 0;
		await getCalendarMonth(handle.db, { year: 2026, month: 12, zone: 'Asia/Baku', now });
		const [list, counts] = log.map(({ query }) => query);
		expect(counts, 'the month lists its days and counts its busy ones').toBeDefined();
		for (const query of [list!, counts!]) {
			// A union of a branch a day was 50 000 characters and 560 values for a month: PostgreSQL took
			// longer to parse and plan it than to run it. The days are now arrays of bounds, read by unnest.
			expect(query.sql).toMatch(/ from unnest\(/);
			expect(query.sql.length).toBeLessThan(3000);
			expect(query.parameters.length).toBeLessThan(20);
			const plan = await planOfReadOnly(handle, query);
			// Each day's keys are chosen in the start index (which carries the ends): the index-only scan or,
			// on a fresh visibility map, a bitmap of it.
			expect(plan).toMatch(/Function Scan on s[\s\S]*event_start_idx/);
		}
		// The events' rows are read for the events chosen alone.
		expect(await planOfReadOnly(handle, list!)).toMatch(/Index Scan using event_pkey on event\b/);
	}, 120_000);

	test("a person's calendar month reads each day's events from the person's participations", async () => {
		log.length = 0;
		const filter = { personId: office.heavyPerson.id };
		await getCalendarMonth(handle.db, { year: 2026, month: 12, zone: 'Asia/Baku', filter, now });
		const list = log.find(({ query }) => /"ep"\."person_id" = /.test(query.sql));
		expect(list, "the month lists the person's events").toBeDefined();
		// Each day a range of the person's participations in time order (they carry the start), not every
		// event of the week tested against all the person's participations (10 000 at a million events).
		const plan = await planOfReadOnly(handle, list!.query);
		expect(plan).toMatch(
			handle.engine === 'sqlite'
				? /SEARCH ep USING (COVERING )?INDEX event_participant_person_start_idx \(person_id=\? AND event_start_at>\? AND event_start_at<\?\)/
				: /Index (Only )?Scan using event_participant_person_start_idx on event_participant ep .*\n\s+Index Cond: \(\(person_id = \d+\) AND \(event_start_at < s\.all_day_until\) AND \(event_start_at >= s\.lookback\)\)/
		);
	}, 120_000);

	test("a busy organisation's action points to carry over are read along the open ones' index", async () => {
		log.length = 0;
		await umbrellaCarryOver(handle.db, office);
		const plan = await planOfReadOnly(handle, log.at(-1)!.query);
		// In the offer's order, each looked up in the dossier, stopping at the limit: not all the open action
		// points of a dossier holding a quarter of the office's outcomes, read and sorted.
		expect(plan).toMatch(
			handle.engine === 'sqlite'
				? /SEARCH outcome USING INDEX outcome_open_action_idx \(kind=\?\)/
				: /Index Scan using outcome_open_action_idx on outcome/
		);
	}, 120_000);

	test("the home page's unanswered letters probe each letter's links, never hash the office's", async () => {
		log.length = 0;
		await getHomePage(handle.db, { id: office.officer!.id, role: 'officer' }, { now: NOW });
		const letters = log.find(({ query }) => /from "correspondence_event" as "ce"/.test(query.sql));
		expect(letters, 'the home page lists the letters waiting for an answer').toBeDefined();
		// Two NOT EXISTS, each an anti-join probe: under NOT (… OR …) PostgreSQL hashed every leads_to link
		// in the office (80 000 at a million events) before reading the first letter.
		expect(letters!.query.sql).not.toMatch(/not \(exists/);
		const plan = await planOfReadOnly(handle, letters!.query);
		expect(plan).toMatch(
			handle.engine === 'sqlite'
				? /SEARCH ce USING (COVERING )?INDEX \w+ \(correspondence_id=\?\)/
				: /Anti Join[\s\S]*Index Cond: \(correspondence_id = correspondence\.id\)/
		);
		expect(plan).not.toMatch(/hashed SubPlan/);
	}, 120_000);

	test("the board's count by kind of meeting cuts its window before joining the events", async () => {
		log.length = 0;
		await getActionBoard(handle.db, parseBoardQuery(new URLSearchParams()), { limit: 25 }, NOW);
		const byMeeting = log.find(({ query }) => /group by "event"\."kind"/.test(query.sql));
		expect(byMeeting, 'the board counts by kind of meeting').toBeDefined();
		// Joined inside the window, its thousand rows looked dear enough to PostgreSQL to start parallel
		// workers for them at a million events; cut first, the window is one short walk of outcome_board_idx.
		expect(byMeeting!.query.sql).toMatch(/limit (\+?\?|\$\d+)\) as "w" left join "event"/);
		if (handle.engine === 'postgres') {
			const plan = await planOfReadOnly(handle, byMeeting!.query);
			expect(plan).toMatch(/Limit .*\n\s*->\s+Index Scan using outcome_board_idx/);
			expect(plan).not.toMatch(/Gather/);
		}
	}, 120_000);

	test("a dossier's timeline joins what its entries show to the page's entries alone", async () => {
		log.length = 0;
		await findDossier(handle.db, office.umbrella.id, {}, { limit: 50 }, NOW);
		const timeline = log.find(({ query }) => /"via"\."name" as "via_name"/.test(query.sql));
		expect(timeline, 'the dossier reads its timeline').toBeDefined();
		// Around the whole dossier, PostgreSQL took 6 ms to plan the ten-table join at a million events (it
		// ran in 0.5); around the page's entries, under one.
		expect(timeline!.query.sql).toMatch(
			/^select .* from \(select .* from "dossier_entry" .* limit (\+?\?|\$\d+)\) as "dossier_entry" left join/
		);
		const plan = await planOfReadOnly(handle, timeline!.query);
		expect(plan).toMatch(
			handle.engine === 'sqlite'
				? /CO-ROUTINE dossier_entry\nSEARCH dossier_entry USING (COVERING )?INDEX dossier_entry_timeline_idx/
				: /Limit .*\n\s*->\s+Index Scan Backward using dossier_entry_timeline_idx/
		);
	}, 120_000);
});

/** Pages that show how many records there are: every count reads at most a limited window. */
const counting: PageLoad[] = [
	{
		name: 'the action-point board',
		load: (db) => getActionBoard(db, parseBoardQuery(new URLSearchParams()), { limit: 25 }, NOW)
	},
	{
		name: 'the action-point board, filtered by status',
		load: (db) =>
			getActionBoard(db, parseBoardQuery(new URLSearchParams({ status: 'done' })), { limit: 25 }, NOW)
	},
	{
		name: 'the dossier of a busy organisation',
		load: (db, office) => findDossier(db, office.umbrella.id, {}, { limit: 50 }, NOW)
	},
	{
		name: 'the dossier of a busy organisation, one year',
		load: (db, office) => findDossier(db, office.umbrella.id, { year: 2020 }, { limit: 50 }, NOW)
	},
	{
		name: 'the home page',
		load: (db, office) => getHomePage(db, { id: office.officer!.id, role: 'officer' }, { now: NOW })
	},
	{
		name: "the busiest person's page",
		load: (db, office) => findPersonPage(db, office.heavyPerson.id, { privateContacts: true })
	},
	{
		// Ranks and counts the latest SEARCH_WINDOW matches, however many documents hold the word.
		name: 'search, a word most documents hold',
		load: (db, office) => searchEverything(db, office.commonWord)
	}
];

/** An aggregate in a query: a count, a sum or a grouping. */
const AGGREGATE = /\b(count|sum)\(|group by/i;

/**
 * A count that reads what it counts through a LIMIT: the whole query has one at the level of its rows
 * (`… limit ?) as "w"`, `… limit ?) as "held"`), or counts one record's rows in a correlated subquery of a
 * query that is itself limited. Without it, a count reads every row that matches, as many as the office
 * holds (the board counted a hundred thousand action points four times a page).
 */
function unlimitedAggregates(sql: string): boolean {
	return AGGREGATE.test(sql) && !/limit (\+?\?|\$\d+)/i.test(sql);
}

describeEachEngine('counts on a generated office', (engine) => {
	let handle: TestDatabase;
	const log: LogEvent[] = [];
	let office: Landmarks;

	beforeAll(async () => {
		handle = await engine.open({ onQuery: (event) => log.push(event) });
		({ landmarks: office } = await generateData(handle, {
			events: 3000,
			officer: { email: 'officer@protokol.test', password: 'not used here' }
		}));
		NOW = new Date(`${office.today}T09:00:00Z`);
		now = NOW.toISOString();
		await refreshDossiers(handle.db);
		await refreshSearchIndex(handle.db);
	}, 300_000);
	afterAll(async () => {
		await handle?.cleanup();
	});

	describe.each(counting)('$name', ({ load }) => {
		test('counts through a limit, never every matching row', async () => {
			log.length = 0;
			await load(handle.db, {
				...office,
				upcomingCursor: [],
				pastCursor: [],
				seriesFeedToken: '',
				kindFeedToken: ''
			});
			const counts = log.map((event) => event.query.sql).filter((sql) => AGGREGATE.test(sql));
			expect(counts.length).toBeGreaterThan(0);
			expect(counts.filter(unlimitedAggregates)).toEqual([]);
		});
	});

	test("a person's agenda roles are looked up by (event, person) for the events shown", async () => {
		// From the person alone, the read goes through every event they ever attended (10 000 here).
		log.length = 0;
		await findPersonPage(handle.db, office.heavyPerson.id, { privateContacts: true });
		const roles = log.find((event) => /from "agenda_item_role"/.test(event.query.sql))!;
		// One index condition on both the person and the event: SQLite's "(person_id=? AND event_id=?)" or
		// the other way round, PostgreSQL's "Index Cond: ((event_id = ANY (…)) AND (person_id = $1))".
		expect(await planOf(handle, roles.query)).toMatch(
			/\((person_id=\? AND event_id=\?|event_id=\? AND person_id=\?)\)|Index Cond: .*event_id = ANY.*person_id = |Index Cond: .*person_id = .*event_id = ANY/
		);
	});

	test("the past list's later pages are bounded by their cursor alone, not by now as well", async () => {
		// With both bounds on the start, SQLite seeks to now and walks every event back to the cursor.
		const first = await listEventsPage(handle.db, { when: 'past', now }, { limit: 25 });
		const after = JSON.parse(Buffer.from(first.next!, 'base64url').toString('utf8')) as SortKey;
		log.length = 0;
		const next = await listEventsPage(handle.db, { when: 'past', now }, { limit: 25, after });
		const list = log.find((event) => /from "event" left join "venue"/.test(event.query.sql))!;
		expect(list.query.sql).toMatch(
			/\("event"\."start_at", "event"\."id"\) < \((\+?\?|\$\d+), (\+?\?|\$\d+)\)/
		);
		expect(list.query.sql).not.toMatch(/"event"\."start_at" < (\+?\?|\$\d+)/);
		// The same page as before: the one after the first, in the list's order.
		const last = first.items.at(-1)!;
		const at = (item: { startAt: string }) => new Date(item.startAt).getTime();
		expect(next.items).toHaveLength(25);
		expect(next.items.map((item) => item.id)).not.toContain(last.id);
		expect(next.items.every((item) => at(item) <= at(last))).toBe(true);
	});
});

describeEachEngine("a participation carries its event's start", (engine) => {
	let handle: TestDatabase;
	beforeAll(async () => {
		handle = await engine.open();
	});
	afterAll(async () => {
		await handle?.cleanup();
	});

	const startsOf = async (personId: number) =>
		(
			await handle.db
				.selectFrom('event_participant')
				.select('event_start_at')
				.where('person_id', '=', personId)
				.execute()
		).map((row) => new Date(row.event_start_at!).toISOString());

	test('a new participation takes its start, and moving the event moves it', async () => {
		const { db } = handle;
		const event = await insertEvent(db, {
			start_at: '2027-05-01T08:00:00.000Z',
			end_at: '2027-05-01T09:00:00.000Z'
		});
		const person = await insertPerson(db);
		await db
			.insertInto('event_participant')
			.values({ event_id: event.id, person_id: person.id, role: 'guest', ...stamps() })
			.execute();
		expect(await startsOf(person.id)).toEqual(['2027-05-01T08:00:00.000Z']);
		await db
			.updateTable('event')
			.set({ start_at: '2027-06-02T10:00:00.000Z', end_at: '2027-06-02T11:00:00.000Z' })
			.where('id', '=', event.id)
			.execute();
		expect(await startsOf(person.id)).toEqual(['2027-06-02T10:00:00.000Z']);
	});
});
