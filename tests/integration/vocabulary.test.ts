/**
 * Every closed vocabulary in src/lib/vocabulary.ts against the CHECK constraint of the column that
 * holds it: each listed value goes in, a value outside the list does not. Adding a value in one place
 * and not the other fails here, on both engines.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Database, NewParticipant } from '$lib/server/db/schema';
import {
	type AgendaItemKind,
	type CorrespondenceKind,
	agendaItemKinds,
	apiTokenRoles,
	apiTokenScopes,
	agendaRoles,
	correspondenceDirections,
	correspondenceEventLinks,
	correspondenceKinds,
	datePrecisions,
	eventKinds,
	eventStatuses,
	hostRoles,
	organizationKinds,
	outcomeKinds,
	outcomeStatuses,
	participantRoles,
	projectProgrammes,
	projectStates,
	rsvpStatuses,
	timingCertainties,
	topicSides,
	userRoles
} from '$lib/vocabulary';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertEvent, insertOrganization, insertPerson, insertProject } from '../helpers/factories';

type Db = Kysely<Database>;

interface ClosedColumn {
	column: string;
	values: readonly string[];
	/** Inserts one row holding `value` in the column, with whatever else the row needs. */
	insert(db: Db, value: string): Promise<unknown>;
}

const NOT_IN_ANY_VOCABULARY = 'not_a_listed_value';

/** Keeps each case's `insert` typed by its own vocabulary; the refused value is the one deliberate lie. */
function closedColumn<T extends string>(
	column: string,
	vocabulary: { values: readonly T[] },
	insert: (db: Db, value: T) => Promise<unknown>
): ClosedColumn {
	return { column, values: vocabulary.values, insert: (db, value) => insert(db, value as T) };
}

function now() {
	return new Date().toISOString();
}

async function insertApiTokenRow(db: Db, fields: { role?: string; scope?: string }) {
	const lookupId = randomUUID().replace(/-/g, '');
	return db
		.insertInto('api_token')
		.values({
			lookup_id: lookupId,
			secret_hash: 'a'.repeat(64),
			name: 'Vocabulary check',
			role: (fields.role ?? 'viewer') as 'viewer',
			scope: (fields.scope ?? 'read') as 'read',
			created_at: now()
		})
		.execute();
}

async function insertParticipant(db: Db, fields: Pick<Partial<NewParticipant>, 'role' | 'rsvp_status'> = {}) {
	const event = await insertEvent(db);
	const person = await insertPerson(db);
	return db
		.insertInto('event_participant')
		.values({
			event_id: event.id,
			person_id: person.id,
			role: 'guest',
			...fields,
			created_at: now(),
			updated_at: now()
		})
		.returningAll()
		.executeTakeFirstOrThrow();
}

async function insertAgendaItem(db: Db, eventId: number, kind: AgendaItemKind = 'speech') {
	return db
		.insertInto('agenda_item')
		.values({
			event_id: eventId,
			position: 1,
			kind,
			title: 'Opening remarks',
			created_at: now(),
			updated_at: now()
		})
		.returningAll()
		.executeTakeFirstOrThrow();
}

async function insertCorrespondence(db: Db, kind: CorrespondenceKind = 'note_verbale') {
	return db
		.insertInto('correspondence')
		.values({
			kind,
			dated_on: '2021-12-01',
			subject: 'Invitation to International Migrants Day',
			created_at: now(),
			updated_at: now()
		})
		.returningAll()
		.executeTakeFirstOrThrow();
}

const closedColumns: ClosedColumn[] = [
	closedColumn('organization.kind', organizationKinds, (db, kind) => insertOrganization(db, { kind })),
	closedColumn('event.kind', eventKinds, (db, kind) => insertEvent(db, { kind })),
	closedColumn('event.status', eventStatuses, (db, status) => insertEvent(db, { status })),
	closedColumn('event.timing', timingCertainties, (db, timing) => insertEvent(db, { timing })),
	closedColumn('event_organization.role', hostRoles, async (db, role) => {
		const event = await insertEvent(db);
		const organization = await insertOrganization(db);
		return db
			.insertInto('event_organization')
			.values({ event_id: event.id, organization_id: organization.id, role })
			.execute();
	}),
	closedColumn('agenda_item.kind', agendaItemKinds, async (db, kind) => {
		const event = await insertEvent(db);
		return insertAgendaItem(db, event.id, kind);
	}),
	closedColumn('agenda_item_role.role', agendaRoles, async (db, role) => {
		const participant = await insertParticipant(db);
		const item = await insertAgendaItem(db, participant.event_id);
		return db
			.insertInto('agenda_item_role')
			.values({ agenda_item_id: item.id, participant_id: participant.id, role })
			.execute();
	}),
	closedColumn('event_participant.role', participantRoles, (db, role) => insertParticipant(db, { role })),
	closedColumn('event_participant.rsvp_status', rsvpStatuses, (db, rsvp_status) =>
		insertParticipant(db, { rsvp_status })
	),
	closedColumn('outcome.kind', outcomeKinds, (db, kind) =>
		db
			.insertInto('outcome')
			.values({ kind, title: 'Memorandum of understanding', created_at: now(), updated_at: now() })
			.execute()
	),
	closedColumn('outcome.status', outcomeStatuses, (db, status) =>
		db
			.insertInto('outcome')
			.values({
				kind: 'action_point',
				title: 'Share the draft',
				status,
				created_at: now(),
				updated_at: now()
			})
			.execute()
	),
	closedColumn('correspondence.kind', correspondenceKinds, (db, kind) => insertCorrespondence(db, kind)),
	closedColumn('correspondence.direction', correspondenceDirections, (db, direction) =>
		db
			.insertInto('correspondence')
			.values({
				kind: 'letter',
				direction,
				dated_on: '2021-09-02',
				subject: 'Champion countries',
				created_at: now(),
				updated_at: now()
			})
			.execute()
	),
	closedColumn('correspondence_event.link', correspondenceEventLinks, async (db, link) => {
		const event = await insertEvent(db);
		const letter = await insertCorrespondence(db);
		return db
			.insertInto('correspondence_event')
			.values({ correspondence_id: letter.id, event_id: event.id, link })
			.execute();
	}),
	closedColumn('project.programme', projectProgrammes, (db, programme) => insertProject(db, { programme })),
	closedColumn('project.state', projectStates, (db, state) => insertProject(db, { state })),
	closedColumn('project.start_precision', datePrecisions, (db, precision) =>
		insertProject(db, { start_on: '2014-01-01', start_precision: precision })
	),
	closedColumn('project.end_precision', datePrecisions, (db, precision) =>
		insertProject(db, { end_on: '2014-01-01', end_precision: precision })
	),
	closedColumn('topic.raised_by', topicSides, async (db, raised_by) => {
		const event = await insertEvent(db);
		return db
			.insertInto('topic')
			.values({
				event_id: event.id,
				position: 1,
				title: 'Joint projects',
				raised_by,
				created_at: now(),
				updated_at: now()
			})
			.execute();
	}),
	closedColumn('user_account.role', userRoles, (db, role) =>
		db
			.insertInto('user_account')
			.values({
				email: `${role}-${randomUUID()}@protokol.test`,
				name: 'Test User',
				role,
				password_hash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
				password_changed_at: now(),
				created_at: now(),
				updated_at: now()
			})
			.execute()
	),
	closedColumn('api_token.role', apiTokenRoles, (db, role) => insertApiTokenRow(db, { role })),
	closedColumn('api_token.scope', apiTokenScopes, (db, scope) => insertApiTokenRow(db, { scope }))
];

describeEachEngine('closed vocabularies', (engine) => {
	let handle: TestDatabase;
	beforeAll(async () => {
		handle = await engine.open();
	});
	afterAll(async () => {
		await handle?.cleanup();
	});

	test.each(closedColumns)('every listed $column is accepted', async ({ values, insert }) => {
		expect(values.length).toBeGreaterThan(0);
		for (const value of values) {
			await expect(insert(handle.db, value), value).resolves.toBeDefined();
		}
	});

	test.each(closedColumns)('a $column outside the list is refused', async ({ values, insert }) => {
		expect(values).not.toContain(NOT_IN_ANY_VOCABULARY);
		await expect(insert(handle.db, NOT_IN_ANY_VOCABULARY)).rejects.toThrow(/check constraint/i);
	});
});
