/**
 * The directory of people: the list and the person page (each a fixed number of queries), adding a
 * person and editing one (optimistic concurrency through its version).
 */
import type { Kysely, Transaction } from 'kysely';
import { formatPersonName } from '../../format/names';
import { recordAction, type Actor } from '../audit/audit';
import { diffColumns } from '../audit/changes';
import type { Database, Person } from '../db/schema';
import { NotFound, RuleViolation, StaleRecord } from '../errors';
import type { PersonCreateInput, PersonFormValues } from './person.input';
import { listOrganizationOptions } from '../organizations/organization.repository';
import { toPage, type Page, type PageRequest } from '../pagination';
import {
	findOrganizationId,
	findOtherPersonWithEmail,
	findPerson,
	findPersonRow,
	insertPerson,
	listAgendaRolesOfPerson,
	listCorrespondenceOfPerson,
	listOutcomesOwnedByPerson,
	listParticipationsOfPerson,
	listPeople,
	listPersonOptions,
	updatePersonRow,
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
import { authorize } from '../auth/authorize';

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
export async function findPersonPage(
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
	await checkPersonReferences(tx, input, null);
	const now = new Date().toISOString();
	const person = await insertPerson(tx, { ...personColumns(input), created_at: now, updated_at: now });
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
	authorize(actor, 'officer');
	return db.transaction().execute((tx) => addPersonInTransaction(tx, actor, input));
}

/**
 * The organisation must exist, and no one else in the directory may have the same e-mail address:
 * refused with the message beside the field.
 */
async function checkPersonReferences(
	tx: Kysely<Database>,
	input: PersonCreateInput,
	exceptId: number | null
) {
	if (input.organizationId !== null && !(await findOrganizationId(tx, input.organizationId))) {
		throw new RuleViolation('There is no such organisation.', {
			organizationId: 'Choose an organisation from the list.'
		});
	}
	if (input.email !== null) {
		const sameEmail = await findOtherPersonWithEmail(tx, input.email, exceptId);
		if (sameEmail) {
			const message = `${sameEmail.given_name} ${sameEmail.family_name} has this e-mail address already.`;
			throw new RuleViolation(message, { email: message });
		}
	}
}

function personColumns(input: PersonCreateInput) {
	return {
		honorific: input.honorific,
		given_name: input.givenName,
		family_name: input.familyName,
		native_name: input.nativeName,
		rank: input.rank,
		precedence_level: input.precedenceLevel,
		heads_organization: input.headsOrganization ? (1 as const) : (0 as const),
		position: input.position,
		organization_id: input.organizationId,
		email: input.email,
		phone: input.phone,
		contact_public: input.contactPublic ? (1 as const) : (0 as const),
		notes: input.notes
	};
}

/** A person as the edit form shows it. */
export function toPersonFormValues(row: Person): PersonFormValues {
	const text = (value: string | null) => value ?? '';
	return {
		honorific: text(row.honorific),
		givenName: row.given_name,
		familyName: row.family_name,
		nativeName: text(row.native_name),
		rank: text(row.rank),
		precedenceLevel: row.precedence_level === null ? '' : String(row.precedence_level),
		headsOrganization: row.heads_organization === 1 ? 'on' : '',
		position: text(row.position),
		organizationId: row.organization_id === null ? '' : String(row.organization_id),
		email: text(row.email),
		phone: text(row.phone),
		contactPublic: row.contact_public === 1 ? 'on' : '',
		notes: text(row.notes),
		version: String(row.version)
	};
}

export type OrganizationChoice = readonly [number, string];
export type Choice = readonly [number, string];

/** The people and organisations of the directory, by name, for the lists of a form. Two queries. */
export async function getDirectoryChoices(
	db: Kysely<Database>
): Promise<{ people: Choice[]; organizations: Choice[] }> {
	const [people, organizations] = await Promise.all([listPersonOptions(db), getPersonFormChoices(db)]);
	return { people: people.map((p) => [p.id, formatPersonName(p)] as const), organizations };
}

/** The organisations a person may belong to, for the form's list. One query. */
export async function getPersonFormChoices(db: Kysely<Database>): Promise<OrganizationChoice[]> {
	return (await listOrganizationOptions(db)).map((o) => [o.id, o.name] as const);
}

/** The person's edit form with its choices, or null when there is no such person. Two queries. */
export async function findPersonForm(
	db: Kysely<Database>,
	personId: number
): Promise<{ name: string; values: PersonFormValues; organizations: OrganizationChoice[] } | null> {
	const [row, organizations] = await Promise.all([findPersonRow(db, personId), getPersonFormChoices(db)]);
	return row ? { name: formatPersonName(row), values: toPersonFormValues(row), organizations } : null;
}

/**
 * Saves the person's fields if nobody saved them since `version` was read; otherwise StaleRecord with
 * their version, and nothing written. What changed is audited, before and after. A change of title or
 * organisation does not rewrite past events: each participation keeps what the person held then.
 */
export async function revisePerson(
	db: Kysely<Database>,
	actor: Actor,
	personId: number,
	version: number,
	input: PersonCreateInput,
	now = new Date()
): Promise<void> {
	authorize(actor, 'officer');
	await db.transaction().execute(async (tx) => {
		const current = await findPersonRow(tx, personId);
		if (!current) throw new NotFound('There is no such person.');
		const stale = () =>
			new StaleRecord(
				toPersonFormValues(current),
				'Someone else saved this person after you opened the form. Their version is in the form now; what you typed is beside it.'
			);
		if (current.version !== version) throw stale();
		await checkPersonReferences(tx, input, personId);
		const next = personColumns(input);
		const diff = diffColumns(current, next);
		if (!diff.changed) return;
		if (!(await updatePersonRow(tx, personId, version, { ...next, updated_at: now.toISOString() })))
			throw stale();
		await recordAction(tx, actor, {
			action: 'person.update',
			entityType: 'person',
			entityId: personId,
			before: diff.before,
			after: diff.after
		});
	});
}
