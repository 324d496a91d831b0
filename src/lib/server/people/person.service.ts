/** Reading the directory of people: the list and the person page. Each costs a fixed number of queries. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { toPage, type Page, type PageRequest } from '../pagination';
import {
	findPerson,
	listAgendaRolesOfPerson,
	listCorrespondenceOfPerson,
	listOutcomesOwnedByPerson,
	listParticipationsOfPerson,
	listPeople,
	type PersonFilter
} from './person.repository';
import { toPersonListItem, toPersonPageView, type PersonListItem, type PersonPageView } from './person.view';

const PERSON_PAGE_LIMITS = { participations: 50, outcomes: 50, correspondence: 50 } as const;

/** One query: a page of people, alphabetically, with their current organisation. */
export async function listPeoplePage(
	db: Kysely<Database>,
	{ page, ...filter }: PersonFilter & { page: PageRequest }
): Promise<Page<PersonListItem>> {
	const rows = await listPeople(db, filter, page);
	const result = toPage(rows, page, (row) => [row.family_name, row.given_name, row.id]);
	return { ...result, items: result.items.map(toPersonListItem) };
}

/**
 * Everything the person page shows, or null when there is no such person. Private contact details are
 * in it only for readers who may see them (officers and administrators). Five queries at most: the
 * person; then their events, outcomes and correspondence; then their agenda roles at the events listed.
 */
export async function getPersonPage(
	db: Kysely<Database>,
	personId: number,
	reader: { privateContacts: boolean }
): Promise<PersonPageView | null> {
	const person = await findPerson(db, personId, reader);
	if (!person) return null;
	const limits = PERSON_PAGE_LIMITS;
	const [participations, outcomes, correspondence] = await Promise.all([
		listParticipationsOfPerson(db, personId, limits.participations),
		listOutcomesOwnedByPerson(db, personId, limits.outcomes),
		listCorrespondenceOfPerson(db, personId, limits.correspondence)
	]);
	const shownEventIds = participations.slice(0, limits.participations).map((p) => p.id);
	const agendaRoles = await listAgendaRolesOfPerson(db, personId, shownEventIds);
	return toPersonPageView(person, { participations, agendaRoles, outcomes, correspondence }, limits);
}
