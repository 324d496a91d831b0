/**
 * The directory of people: the list and the person page (each a fixed number of queries), adding a
 * person and editing one (optimistic concurrency through its version).
 */
import type { Kysely, Transaction } from 'kysely';
import { formatPersonName } from '../../format/names';
import { m } from '../../paraglide/messages.js';
import { recordAction, type Actor } from '../audit/audit';
import { diffColumns } from '../audit/changes';
import type { Database, Person } from '../db/schema';
import { NotFound, RuleViolation, StaleRecord } from '../errors';
import { formCheckbox, formText } from '../validation';
import type { PersonCreateInput, PersonFormValues } from './person.input';
import { getNamedChoices, type ChooserField, type NamedChoices } from '../choosers/chooser.service';
import { toPage, type Page, type PageRequest } from '../pagination';
import {
	clearNameKeys,
	findOrganizationId,
	findOtherPersonWithEmail,
	findPerson,
	findPersonRow,
	insertPerson,
	listAgendaRolesOfPerson,
	listCorrespondenceOfPerson,
	countOutcomesOwnedByPerson,
	listOutcomesOwnedByPerson,
	listParticipationsOfPerson,
	listPeople,
	listPeopleByNameKeyOrEmail,
	listPeopleWithoutNameKey,
	updateNameKey,
	updatePersonRow,
	type PersonFilter
} from './person.repository';
import {
	toPersonListItem,
	toPersonMatchView,
	toPersonPageView,
	toPersonSummary,
	type PersonListItem,
	type PersonMatchView,
	type PersonPageView,
	type PersonSummary
} from './person.view';
import { authorize } from '../auth/authorize';
import { nameKey } from '../search/search.text';
import { deleteRedirectFrom, listRedirectsTo } from './person-merge.repository';
import { listPositionsOfPerson } from './person-position.repository';
import { versionColumns } from '../content/content-versions.input';

/** `outcomeCount`: the outcomes a person owns are counted this far, as the dossier's records are. */
const PERSON_PAGE_LIMITS = {
	participations: 50,
	outcomes: 50,
	outcomeCount: 1000,
	correspondence: 50,
	merged: 20
} as const;

/** One query: a page of people, alphabetically, with their current organisation. */
export async function listPeoplePage(
	db: Kysely<Database>,
	{ page, ...filter }: PersonFilter & { page: PageRequest }
): Promise<Page<PersonListItem>> {
	const rows = await listPeople(db, filter, page);
	const result = toPage(rows, page, (row) => [row.sort_key ?? '', row.id]);
	return { ...result, items: result.items.map(toPersonListItem) };
}

/**
 * Everything the person page shows, or null when there is no such person. Private contact details are
 * in it only for readers who may see them (officers and administrators). Eight queries at most: the
 * person; then their events, their latest outcomes and how many they own (up to a limit), correspondence,
 * posts over time and the records merged into them; then their agenda roles at the events listed.
 */
export async function findPersonPage(
	db: Kysely<Database>,
	personId: number,
	reader: { privateContacts: boolean }
): Promise<PersonPageView | null> {
	const person = await findPerson(db, personId, reader);
	if (!person) return null;
	const limits = PERSON_PAGE_LIMITS;
	const [participations, outcomes, outcomeCount, correspondence, positions, merged] = await Promise.all([
		listParticipationsOfPerson(db, personId, limits.participations),
		listOutcomesOwnedByPerson(db, personId, limits.outcomes),
		countOutcomesOwnedByPerson(db, personId, limits.outcomeCount),
		listCorrespondenceOfPerson(db, personId, limits.correspondence),
		listPositionsOfPerson(db, personId),
		listRedirectsTo(db, personId, limits.merged)
	]);
	const shownEventIds = participations.slice(0, limits.participations).map((p) => p.id);
	const agendaRoles = await listAgendaRolesOfPerson(db, personId, shownEventIds);
	return toPersonPageView(
		person,
		{ participations, agendaRoles, outcomes, outcomeCount, correspondence, positions, merged },
		limits
	);
}

/** At most this many likely matches are shown before a new person is added. */
const LIKELY_MATCHES_SHOWN = 10;
/** Names keyed in one transaction when keys are missing. */
const NAME_KEY_BATCH = 500;

/** The spelling keys a new person's names are looked up by: the name, and the name in own script. */
function nameKeysOf(input: Pick<PersonCreateInput, 'givenName' | 'familyName' | 'nativeName'>): string[] {
	const keys = [nameKey(input.givenName, input.familyName), nameKey(input.nativeName)];
	return [...new Set(keys.filter(Boolean))];
}

/**
 * Who in the directory may already be the person described: the same e-mail address in any case, or the
 * same name once folded and spelled in one script — "Vüsal Hüseynov", "Vusal Huseynov", "Вусал Гусейнов"
 * and "Гусейнов Вусал" are one name (nameKey in search/search.text.ts). Looked up through indexes, never
 * by reading the directory: one query, after one that checks every name has its key (and keys the few
 * that have not, see refreshNameKeys).
 */
export async function listLikelyDuplicates(
	db: Kysely<Database>,
	input: Pick<PersonCreateInput, 'givenName' | 'familyName' | 'nativeName' | 'email'>
): Promise<PersonMatchView[]> {
	await refreshNameKeys(db);
	const nameKeys = nameKeysOf(input);
	const rows = await listPeopleByNameKeyOrEmail(db, {
		nameKeys,
		email: input.email,
		limit: LIKELY_MATCHES_SHOWN
	});
	return rows.map((row) => toPersonMatchView(row, nameKeys));
}

/**
 * Writes the name key of every person who has none (rows from before the key, or written by another
 * program, such as the benchmark's loader): one query when all have theirs. Upkeep, not a change anyone
 * made: not audited.
 */
export async function refreshNameKeys(db: Kysely<Database>): Promise<number> {
	let done = 0;
	for (;;) {
		const rows = await listPeopleWithoutNameKey(db, NAME_KEY_BATCH);
		if (rows.length === 0) return done;
		const write = async (tx: Kysely<Database>) => {
			for (const row of rows) await updateNameKey(tx, row.id, nameKey(row.given_name, row.family_name));
		};
		// Inside a write's transaction (adding a person) the keys go with it.
		await (db.isTransaction ? write(db) : db.transaction().execute(write));
		done += rows.length;
		if (rows.length < NAME_KEY_BATCH) return done;
	}
}

/** Writes every name key again, e.g. after the way keys are made has changed (npm run db:reindex). */
export async function rebuildNameKeys(db: Kysely<Database>): Promise<number> {
	await clearNameKeys(db);
	return refreshNameKeys(db);
}

/**
 * Adds a person to the directory inside the caller's transaction, with its audit entry: for services
 * that create a person as part of something larger (inviting them to an event). The organisation must
 * exist, and no one else in the directory may have the same e-mail address. `notTheSameAs` names the
 * likely matches the officer said this is not, for the audit entry.
 */
export async function addPersonInTransaction(
	tx: Transaction<Database>,
	actor: Actor,
	input: PersonCreateInput,
	audit: { eventId?: number; notTheSameAs?: readonly PersonMatchView[] } = {}
): Promise<PersonSummary> {
	await checkPersonReferences(tx, input, null);
	const now = new Date().toISOString();
	const person = await insertPerson(tx, {
		...personColumns(input),
		name_key: nameKey(input.givenName, input.familyName),
		created_at: now,
		updated_at: now
	});
	await deleteRedirectFrom(tx, person.id);
	const overridden = audit.notTheSameAs ?? [];
	await recordAction(tx, actor, {
		action: 'person.create',
		entityType: 'person',
		entityId: person.id,
		eventId: audit.eventId ?? null,
		after: overridden.length > 0 ? { ...input, notTheSameAs: overridden.map((match) => match.id) } : input
	});
	return toPersonSummary(person);
}

/** What adding a person came to: added, or held back because they may be in the directory already. */
export type PersonCreateResult =
	{ status: 'created'; person: PersonSummary } | { status: 'likely-duplicates'; matches: PersonMatchView[] };

/**
 * Adds a person to the directory, with its audit entry — unless someone in it may be the same person
 * (listLikelyDuplicates): then nothing is written and the matches come back, for the officer to open one
 * of them or to say it is someone else (`someoneElse`), which adds the person and records which matches
 * they are not.
 */
export async function createPerson(
	db: Kysely<Database>,
	actor: Actor,
	input: PersonCreateInput,
	options: { someoneElse?: boolean } = {}
): Promise<PersonCreateResult> {
	authorize(actor, 'officer');
	return db.transaction().execute(async (tx): Promise<PersonCreateResult> => {
		const matches = await listLikelyDuplicates(tx, input);
		if (matches.length > 0 && !options.someoneElse) return { status: 'likely-duplicates', matches };
		return {
			status: 'created',
			person: await addPersonInTransaction(tx, actor, input, { notTheSameAs: matches })
		};
	});
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
		throw new RuleViolation(m.people_error_no_organization(), {
			organizationId: m.person_organization_invalid()
		});
	}
	if (input.email !== null) {
		const sameEmail = await findOtherPersonWithEmail(tx, input.email, exceptId);
		if (sameEmail) {
			const message = m.people_error_email_taken({
				name: `${sameEmail.given_name} ${sameEmail.family_name}`
			});
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
		...versionColumns('position', {
			locale: input.positionLocale,
			az: input.positionAz,
			en: input.positionEn,
			ru: input.positionRu
		}),
		organization_id: input.organizationId,
		email: input.email,
		phone: input.phone,
		contact_public: input.contactPublic ? (1 as const) : (0 as const),
		preferred_locale: input.preferredLocale,
		notes: input.notes
	};
}

/** A person as the edit form shows it. */
export function toPersonFormValues(row: Person): PersonFormValues {
	return {
		honorific: formText(row.honorific),
		givenName: row.given_name,
		familyName: row.family_name,
		nativeName: formText(row.native_name),
		rank: formText(row.rank),
		precedenceLevel: formText(row.precedence_level),
		headsOrganization: formCheckbox(row.heads_organization),
		position: formText(row.position),
		positionLocale: formText(row.position_locale),
		positionAz: formText(row.position_az),
		positionEn: formText(row.position_en),
		positionRu: formText(row.position_ru),
		organizationId: formText(row.organization_id),
		email: formText(row.email),
		phone: formText(row.phone),
		contactPublic: formCheckbox(row.contact_public),
		preferredLocale: formText(row.preferred_locale),
		notes: formText(row.notes),
		version: String(row.version)
	};
}

/** The person form's fields chosen by name. */
export const PERSON_CHOOSERS: Record<string, ChooserField> = { organizationId: { kind: 'organization' } };

/** The organisation the person form's values name (its chooser finds any other). One query at most. */
export async function getPersonFormChoices(
	db: Kysely<Database>,
	values: { organizationId?: string } = {}
): Promise<NamedChoices> {
	return getNamedChoices(db, { organization: [values.organizationId] });
}

/** The person's edit form with the organisation it names, or null when there is no such person. */
export async function findPersonForm(
	db: Kysely<Database>,
	personId: number
): Promise<{ name: string; values: PersonFormValues; named: NamedChoices } | null> {
	const row = await findPersonRow(db, personId);
	if (!row) return null;
	const values = toPersonFormValues(row);
	return { name: formatPersonName(row), values, named: await getPersonFormChoices(db, values) };
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
		if (!current) throw new NotFound(m.people_not_found());
		const stale = () => new StaleRecord(toPersonFormValues(current), m.people_error_stale());
		if (current.version !== version) throw stale();
		await checkPersonReferences(tx, input, personId);
		const next = personColumns(input);
		const diff = diffColumns(current, next);
		if (!diff.changed) return;
		const written = await updatePersonRow(tx, personId, version, {
			...next,
			name_key: nameKey(input.givenName, input.familyName),
			updated_at: now.toISOString()
		});
		if (!written) throw stale();
		await recordAction(tx, actor, {
			action: 'person.update',
			entityType: 'person',
			entityId: personId,
			before: diff.before,
			after: diff.after
		});
	});
}
