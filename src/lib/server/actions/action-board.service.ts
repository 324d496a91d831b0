/**
 * The action-point board: every action point across all events that the filters select, soonest due
 * first, with the counts beside each filter's choices. A fixed number of queries whatever the size of
 * the data: the page of rows, the total and the counts (each window over at most COUNT_LIMIT + 1
 * action points: the filters' own, and one more for each of the status, and due, meeting and officer
 * when filtered by them), the officers; with a partner, bringing the dossiers
 * up to date first (one query when nothing changed); the person and organisations chosen, by id; and a
 * name typed into the chooser, searched once.
 */
import type { Kysely } from 'kysely';
import { officeToday } from '../calendar/calendar.settings';
import type { Database } from '../db/schema';
import { refreshDossiers } from '../dossier/dossier.service';
import { formatPersonName } from '../../format/names';
import { organizationRef } from '../organizations/organization.ref';
import { everyPage, toPage, type PageRequest } from '../pagination';
import { searchForLinks } from '../search/search.service';
import { listActiveOfficers } from '../users/user.repository';
import { boardDays, type BoardQuery } from './action-board.input';
import {
	COUNT_LIMIT,
	countBoardByDue,
	countBoardByMeeting,
	countBoardByOfficer,
	countBoardByStatus,
	countBoardWindow,
	findBoardPerson,
	listBoardActionPoints,
	listBoardOrganizations,
	type BoardFilter,
	type BoardRow
} from './action-board.repository';
import {
	toBoardItem,
	toDueChoices,
	toMeetingChoices,
	toOfficerChoices,
	toStatusChoices,
	type ActionBoardView,
	type BoardItem
} from './action-board.view';

const keyOf = (row: BoardRow) => [row.due_key, row.id];

/** The board as the filters in its URL select it, one page of it, judged by the office's today. */
export async function getActionBoard(
	db: Kysely<Database>,
	query: BoardQuery,
	request: PageRequest,
	now = new Date()
): Promise<ActionBoardView> {
	const { find, ...filter } = query;
	const today = officeToday(now);
	const days = boardDays(today);
	if (filter.partnerId) await refreshDossiers(db);
	const organizationIds = [filter.organizationId, filter.partnerId].filter((id) => id !== undefined);
	// A facet whose filter is set counts a window of its own; the others count the window of them all.
	const [rows, window, byStatus, byDue, byMeeting, byOfficer, officers, person, organizations, found] =
		await Promise.all([
			listBoardActionPoints(db, filter, days, request),
			countBoardWindow(db, filter, days),
			countBoardByStatus(db, filter, days),
			filter.due ? countBoardByDue(db, filter, days) : null,
			filter.meeting ? countBoardByMeeting(db, filter, days) : null,
			filter.officerId ? countBoardByOfficer(db, filter, days) : null,
			listActiveOfficers(db),
			filter.personId ? findBoardPerson(db, filter.personId) : null,
			listBoardOrganizations(db, organizationIds),
			find ? searchForLinks(db, find, ['person', 'organization']) : null
		]);
	const page = toPage(rows, request, keyOf);
	const named = (id: number | undefined) => {
		const row = organizations.find((o) => o.id === id);
		return row ? organizationRef(row.id, row.name, row.acronym) : null;
	};
	return {
		today,
		items: { ...page, items: page.items.map((row) => toBoardItem(row, today)) },
		total: Math.min(window.total, COUNT_LIMIT),
		totalMore: window.total > COUNT_LIMIT,
		countLimit: COUNT_LIMIT,
		facets: {
			status: toStatusChoices(byStatus, COUNT_LIMIT),
			due: toDueChoices(byDue ?? window.byDue, COUNT_LIMIT),
			meeting: toMeetingChoices(byMeeting ?? window.byMeeting, COUNT_LIMIT),
			officer: toOfficerChoices(officers, byOfficer ?? window.byOfficer, COUNT_LIMIT)
		},
		chosen: {
			person: person ? { id: person.id, name: formatPersonName(person) } : null,
			organization: named(filter.organizationId),
			partner: named(filter.partnerId)
		},
		found
	};
}

/** Every action point the filters select, in the board's order, a page at a time: the CSV export. */
export async function* listActionBoardPages(
	db: Kysely<Database>,
	filter: BoardFilter,
	now = new Date()
): AsyncGenerator<BoardItem[]> {
	const today = officeToday(now);
	const days = boardDays(today);
	if (filter.partnerId) await refreshDossiers(db);
	const pages = everyPage((request) => listBoardActionPoints(db, filter, days, request), keyOf);
	for await (const rows of pages) yield rows.map((row) => toBoardItem(row, today));
}
