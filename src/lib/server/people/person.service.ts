/**
 * The directory of people: the list and the person page (each a fixed number of queries), and adding a
 * person.
 */
import type { Kysely, Transaction } from 'kysely';
import { recordAction, type Actor } from '../audit/audit';
import type { Database } from '../db/schema';
import { RuleViolation } from '../errors';
import type { PersonCreateInput } from './person.input';
import { toPage, type Page, type PageRequest } from '../pagination';
import {
	findPerson,
	insertPerson,
	listAgendaRolesOfPerson,
	listCorrespondenceOfPerson,
	listOutcomesOwnedByPerson,
	listParticipationsOfPerson,
	listPeople,
	type PersonFilter
} from './person.repository';
import {
	toPersonListItem,
	toPersonPageView,
	toPersonSummary,
	type PersonListItem,
	type PersonPageView,
	type PersonSummary
} from './person.view';

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

/**
 * Adds a person to the directory inside the caller's transaction, with its audit entry: for services
 * that create a person as part of something larger (inviting them to an event). The organisation must
 * exist, and no one else in the directory may have the same e-mail address.
 */
export async function addPersonInTransaction(
	tx: Transaction<Database>,
	actor: Actor,
	input: PersonCreateInput,
	audit: { eventId?: number } = {}
): Promise<PersonSummary> {
	if (input.organizationId !== null) {
		const organization = await tx
			.selectFrom('organization')
			.select('id')
			.where('id', '=', input.organizationId)
			.executeTakeFirst();
		if (!organization) {
			throw new RuleViolation('There is no such organisation.', {
				organizationId: 'Choose an organisation from the list.'
			});
		}
	}
	if (input.email !== null) {
		const sameEmail = await tx
			.selectFrom('person')
			.select(['given_name', 'family_name'])
			.where((eb) => eb(eb.fn('lower', ['email']), '=', input.email!.toLowerCase()))
			.executeTakeFirst();
		if (sameEmail) {
			const message = `${sameEmail.given_name} ${sameEmail.family_name} has this e-mail address already.`;
			throw new RuleViolation(message, { email: message });
		}
	}
	const now = new Date().toISOString();
	const person = await insertPerson(tx, {
		honorific: input.honorific,
		given_name: input.givenName,
		family_name: input.familyName,
		native_name: input.nativeName,
		rank: input.rank,
		precedence_level: input.precedenceLevel,
		heads_organization: input.headsOrganization ? 1 : 0,
		position: input.position,
		organization_id: input.organizationId,
		email: input.email,
		phone: input.phone,
		contact_public: input.contactPublic ? 1 : 0,
		notes: input.notes,
		created_at: now,
		updated_at: now
	});
	await recordAction(tx, actor, {
		action: 'person.create',
		entityType: 'person',
		entityId: person.id,
		eventId: audit.eventId ?? null,
		after: input
	});
	return toPersonSummary(person);
}

/** Adds a person to the directory, with its audit entry. */
export async function createPerson(
	db: Kysely<Database>,
	actor: Actor,
	input: PersonCreateInput
): Promise<PersonSummary> {
	return db.transaction().execute((tx) => addPersonInTransaction(tx, actor, input));
}
