/**
 * Rows with sensible defaults, for tests that need something to exist. Each takes the fields the test
 * cares about and fills in the rest; each returns the inserted row.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type {
	Agreement,
	Correspondence,
	Database,
	EventRow,
	NewAgreement,
	NewCorrespondence,
	NewOutcome,
	NewProject,
	NewUserAccount,
	NewEvent,
	NewOrganization,
	NewPerson,
	NewVenue,
	Organization,
	Outcome,
	Person,
	Project,
	Venue
} from '$lib/server/db/schema';
import { AGREEMENT_PARTIES } from '$lib/server/agreements/agreement.repository';
import { replaceLinks } from '$lib/server/db/links';
import { PROJECT_PARTNERS } from '$lib/server/projects/project.repository';
import { sortKey } from '$lib/format/collation';
import { nameKey } from '$lib/server/search/search.text';

type Db = Kysely<Database>;

/** Created and last changed now, as every versioned row needs. */
export function stamps() {
	const now = new Date().toISOString();
	return { created_at: now, updated_at: now };
}

/** A person taking part in an event as a speaker, for their organisation if one is given. */
export async function insertParticipation(
	db: Db,
	eventId: number,
	personId: number,
	organizationId: number | null = null
): Promise<void> {
	await db
		.insertInto('event_participant')
		.values({
			event_id: eventId,
			person_id: personId,
			organization_id: organizationId,
			role: 'speaker',
			...stamps()
		})
		.execute();
}

export function insertOrganization(db: Db, fields: Partial<NewOrganization> = {}): Promise<Organization> {
	return db
		.insertInto('organization')
		.values(
			withSortKey({
				name: 'State Migration Service',
				acronym: 'SMS',
				kind: 'government_body' as const,
				country_code: 'AZ',
				...stamps(),
				...fields
			})
		)
		.returningAll()
		.executeTakeFirstOrThrow();
}

/** The sort key the repositories write with a name (unless `sort_key` is given). */
function withSortKey<T extends { name: string; sort_key?: string | null }>(values: T): T {
	return { sort_key: sortKey(values.name), ...values };
}

/**
 * A person, with the name key the people service and the sort key its repository would write (unless
 * `name_key` or `sort_key` is given).
 */
export function insertPerson(db: Db, fields: Partial<NewPerson> = {}): Promise<Person> {
	const values = { honorific: 'Mr', given_name: 'Vusal', family_name: 'Huseynov', ...stamps(), ...fields };
	return db
		.insertInto('person')
		.values({
			name_key: nameKey(values.given_name, values.family_name),
			sort_key: sortKey(values.family_name, values.given_name),
			...values
		})
		.returningAll()
		.executeTakeFirstOrThrow();
}

export function insertCorrespondence(
	db: Db,
	fields: Partial<NewCorrespondence> = {}
): Promise<Correspondence> {
	return db
		.insertInto('correspondence')
		.values({ kind: 'letter', dated_on: '2021-09-02', subject: 'Champion countries', ...stamps(), ...fields })
		.returningAll()
		.executeTakeFirstOrThrow();
}

export function insertVenue(db: Db, fields: Partial<NewVenue> = {}): Promise<Venue> {
	return db
		.insertInto('venue')
		.values(
			withSortKey({
				name: 'State Migration Service headquarters',
				city: 'Baku',
				country_code: 'AZ',
				time_zone: 'Asia/Baku',
				...stamps(),
				...fields
			})
		)
		.returningAll()
		.executeTakeFirstOrThrow();
}

/** An hour-long meeting starting now, in Baku, without a venue unless one is given. */
export function insertEvent(db: Db, fields: Partial<NewEvent> = {}): Promise<EventRow> {
	const start = new Date();
	const end = new Date(start.getTime() + 60 * 60 * 1000);
	return db
		.insertInto('event')
		.values({
			kind: 'bilateral_meeting',
			title: 'Meeting with the IOM Chief of Mission',
			start_at: start.toISOString(),
			end_at: end.toISOString(),
			time_zone: 'Asia/Baku',
			ical_uid: `${randomUUID()}@protokol.test`,
			...stamps(),
			...fields
		})
		.returningAll()
		.executeTakeFirstOrThrow();
}

/** An agreement between the given parties (none unless given), with no dates: a draft. */
export async function insertAgreement(
	db: Db,
	fields: Partial<NewAgreement> = {},
	partyIds: number[] = []
): Promise<Agreement> {
	const agreement = await db
		.insertInto('agreement')
		.values({ title: 'Cooperation Agreement between the SMS and IOM', ...stamps(), ...fields })
		.returningAll()
		.executeTakeFirstOrThrow();
	await replaceLinks(db, AGREEMENT_PARTIES, agreement.id, partyIds);
	return agreement;
}

/** An ongoing project with the given partners (none unless given) and no dates. */
export async function insertProject(
	db: Db,
	fields: Partial<NewProject> = {},
	partnerIds: number[] = []
): Promise<Project> {
	const project = await db
		.insertInto('project')
		.values({ title: 'Regional Training Center on Migration', ...stamps(), ...fields })
		.returningAll()
		.executeTakeFirstOrThrow();
	await replaceLinks(db, PROJECT_PARTNERS, project.id, partnerIds);
	return project;
}

/** An open action point, recorded without an event unless one is given, with its parties if any. */
export async function insertActionPoint(
	db: Db,
	fields: Partial<NewOutcome> = {},
	partyIds: number[] = []
): Promise<Outcome> {
	const outcome = await db
		.insertInto('outcome')
		.values({ kind: 'action_point', title: 'Adjust the work plan', ...stamps(), ...fields })
		.returningAll()
		.executeTakeFirstOrThrow();
	if (partyIds.length > 0) {
		await db
			.insertInto('outcome_party')
			.values(partyIds.map((organization_id) => ({ outcome_id: outcome.id, organization_id })))
			.execute();
	}
	return outcome;
}

/** Many outcomes at once, a few hundred a statement (each engine limits a statement's parameters). */
export async function insertOutcomes(db: Db, rows: NewOutcome[]): Promise<void> {
	for (let start = 0; start < rows.length; start += 200) {
		await db
			.insertInto('outcome')
			.values(rows.slice(start, start + 200))
			.execute();
	}
}

/** A user account straight in the database (no usable password): an officer unless told otherwise. */
export function insertUserAccount(db: Db, fields: Partial<NewUserAccount> = {}) {
	const name = fields.name ?? 'Leyla Mammadova';
	return db
		.insertInto('user_account')
		.values({
			email: `${name.toLowerCase().replace(/\W+/g, '.')}@migration.example`,
			name,
			role: 'officer',
			password_hash: '-',
			password_changed_at: new Date().toISOString(),
			...stamps(),
			...fields
		})
		.returningAll()
		.executeTakeFirstOrThrow();
}

/** IOM with its mission in Azerbaijan under it: a partner with a sub-organisation. */
export async function insertIomWithMission(db: Db) {
	const iom = await insertOrganization(db, {
		name: 'International Organization for Migration',
		acronym: 'IOM'
	});
	const mission = await insertOrganization(db, {
		name: 'IOM Mission in Azerbaijan',
		acronym: null,
		parent_id: iom.id
	});
	return { iom, mission };
}

/**
 * `count` audit entries about events, an hour apart up to `until`, in batches: a trail long enough for
 * its list's plan to matter (the data generator writes none).
 */
export async function insertAuditEntries(db: Db, count: number, until: Date) {
	const events = await db.selectFrom('event').select('id').orderBy('id').limit(count).execute();
	const rows = Array.from({ length: count }, (_, i) => {
		const eventId = events.length > 0 ? events[i % events.length]!.id : null;
		return {
			at: new Date(until.getTime() - (count - i) * 60 * 60 * 1000).toISOString(),
			actor_label: 'Leyla Mammadova',
			action: 'event.update',
			entity_type: 'event',
			entity_id: eventId,
			event_id: eventId
		};
	});
	for (let i = 0; i < rows.length; i += 500) {
		await db
			.insertInto('audit_entry')
			.values(rows.slice(i, i + 500))
			.execute();
	}
}

/**
 * `count` gifts over the last years, received and given in turn, between the first hundred people and
 * the first twenty organisations, `heavyPersonId` receiving every tenth: a register long enough for its
 * plans to matter (the data generator writes none).
 */
export async function insertGifts(db: Db, count: number, until: Date, heavyPersonId: number) {
	const people = await db.selectFrom('person').select('id').orderBy('id').limit(100).execute();
	const organizations = await db.selectFrom('organization').select('id').orderBy('id').limit(20).execute();
	const rows = Array.from({ length: count }, (_, i) => ({
		direction: i % 2 === 0 ? ('received' as const) : ('given' as const),
		given_on: new Date(until.getTime() - i * 18 * 60 * 60 * 1000).toISOString().slice(0, 10),
		giver_person_id: people[i % people.length]!.id,
		giver_organization_id: organizations[i % organizations.length]!.id,
		recipient_person_id: i % 10 === 0 ? heavyPersonId : people[(i + 7) % people.length]!.id,
		description: `Gift ${i}`,
		value_minor: 1000 + i,
		currency: 'AZN',
		disposition: i % 3 === 0 ? ('declared' as const) : ('kept' as const),
		...stamps()
	}));
	for (let i = 0; i < rows.length; i += 500) {
		await db
			.insertInto('gift')
			.values(rows.slice(i, i + 500))
			.execute();
	}
}

/**
 * `count` visits of two days each, one every three days back from `until`, of IOM's delegation: the
 * heavy person and two others in each, with an arrival for everyone, a dinner for the heavy person and
 * a departure. What the list and itinerary plans need (the data generator writes none).
 */
export async function insertVisits(db: Db, count: number, until: Date, heavyPersonId: number) {
	const people = await db.selectFrom('person').select('id').orderBy('id').limit(50).execute();
	const day = (i: number, plus = 0) =>
		new Date(until.getTime() - (i * 3 - plus) * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
	for (let i = 0; i < count; i++) {
		const { id } = await db
			.insertInto('visit')
			.values({
				title: `Visit ${i}`,
				kind: i % 2 === 0 ? 'official' : 'working',
				starts_on: day(i),
				ends_on: day(i, 1),
				time_zone: 'Asia/Baku',
				...stamps()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const members = [
			heavyPersonId,
			...[people[i % 50]!.id, people[(i + 1) % 50]!.id].filter((p) => p !== heavyPersonId)
		];
		await db
			.insertInto('visit_member')
			.values(members.map((person_id, position) => ({ visit_id: id, person_id, position })))
			.execute();
		const item = (position: number, kind: 'arrival' | 'meal' | 'departure', date: string, hour: number) => ({
			visit_id: id,
			position,
			kind,
			title: kind,
			start_at: `${date}T${String(hour).padStart(2, '0')}:00:00.000Z`,
			end_at: `${date}T${String(hour + 1).padStart(2, '0')}:00:00.000Z`,
			time_zone: 'Asia/Baku',
			for_everyone: kind === 'meal' ? (0 as const) : (1 as const),
			...stamps()
		});
		const items = await db
			.insertInto('visit_item')
			.values([
				item(0, 'arrival', day(i), 5),
				item(1, 'meal', day(i), 15),
				item(2, 'departure', day(i, 1), 14)
			])
			.returning('id')
			.execute();
		await db
			.insertInto('visit_item_person')
			.values({ item_id: items[1]!.id, person_id: heavyPersonId })
			.execute();
	}
}
