import { sql, type Kysely } from 'kysely';
import { columnTypes, flag, isPostgres, oneOf } from '../schema-kit';

/**
 * The partner dossier's timeline (src/lib/server/dossier/): one row per record and per organisation it
 * is "with" — the organisations linked to it and every organisation above those — so that a partner's
 * whole timeline, sub-organisations included, is one index range read newest first, at any size.
 *
 * Triggers note every change that can move a record in or out of a dossier in dossier_pending, on both
 * engines and whoever writes, as the search index does; the dossier service turns what is pending into
 * entries before a dossier answers (and once at start). An organisation moved to another parent is noted
 * itself: every record in its dossier is then worked out again.
 */
const RECORD_TYPES = ['event', 'correspondence', 'outcome', 'agreement', 'project'];
const ROLES = [
	'host',
	'co_host',
	'participant',
	'sender',
	'recipient',
	'owner',
	'party',
	'partner',
	'meeting'
];

/**
 * Which writes note which record: the table, the record type it feeds, the column holding that record's
 * id, and the columns whose update matters (an RSVP or a renamed title moves nothing in a dossier).
 */
const NOTES: [table: string, recordType: string, idColumn: string, updated: string[]][] = [
	['event', 'event', 'id', ['start_at', 'time_zone']],
	['event_organization', 'event', 'event_id', ['event_id', 'organization_id', 'role']],
	['event_participant', 'event', 'event_id', ['event_id', 'organization_id']],
	['delegation', 'event', 'event_id', ['event_id', 'organization_id']],
	['outcome', 'outcome', 'id', ['event_id', 'owner_organization_id']],
	['outcome_party', 'outcome', 'outcome_id', ['outcome_id', 'organization_id']],
	[
		'correspondence',
		'correspondence',
		'id',
		['dated_on', 'sender_organization_id', 'recipient_organization_id']
	],
	['agreement', 'agreement', 'id', ['signed_on', 'approved_on', 'in_force_on']],
	['agreement_party', 'agreement', 'agreement_id', ['agreement_id', 'organization_id']],
	['project', 'project', 'id', ['start_on']],
	['project_partner', 'project', 'project_id', ['project_id', 'organization_id']]
];

function triggerName(table: string, when: string) {
	return `${table}_dossier_note${when ? `_${when}` : ''}`;
}

/** SQLite: note `row`.`column` unless it is null or already noted. */
function noteSqlite(recordType: string, row: 'new' | 'old', column: string) {
	const id = sql.raw(`${row}.${column}`);
	return sql`insert into dossier_pending (record_type, record_id)
		select ${sql.lit(recordType)}, ${id}
		where ${id} is not null and not exists (
			select 1 from dossier_pending where record_type = ${sql.lit(recordType)} and record_id = ${id}
		);`;
}

export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(db);

	await db.schema
		.createTable('dossier_pending')
		.addColumn('record_type', 'text', (c) => c.notNull())
		.addColumn('record_id', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('dossier_pending_pk', ['record_type', 'record_id'])
		.execute();

	await db.schema
		.createTable('dossier_entry')
		// Whose dossier the row is in.
		.addColumn('organization_id', 'integer', (c) =>
			c.notNull().references('organization.id').onDelete('cascade')
		)
		.addColumn('record_type', 'text', (c) => c.notNull().check(oneOf('record_type', RECORD_TYPES)))
		.addColumn('record_id', 'integer', (c) => c.notNull())
		// When it happened: an event's start, a letter's date, an agreement's signature, a project's start.
		.addColumn('occurred_at', t.instant, (c) => c.notNull())
		// The year as the record gives it (an event's in its own zone), for the filter.
		.addColumn('year', 'integer', (c) => c.notNull())
		// 1: this organisation itself is linked; 0: only one below it is.
		.addColumn('direct', 'integer', (c) => c.notNull().check(flag('direct')))
		// The linked organisation nearest below, when not direct.
		.addColumn('via_organization_id', 'integer', (c) => c.references('organization.id').onDelete('set null'))
		// How the nearest linked organisation takes part.
		.addColumn('role', 'text', (c) => c.notNull().check(oneOf('role', ROLES)))
		.addPrimaryKeyConstraint('dossier_entry_pk', ['record_type', 'record_id', 'organization_id'])
		.execute();
	// One index per way the timeline is read, each in the timeline's order: everything, one kind, and the
	// same two without the sub-organisations.
	const indexes: [string, string[]][] = [
		['dossier_entry_timeline_idx', ['organization_id', 'occurred_at', 'record_type', 'record_id']],
		['dossier_entry_kind_idx', ['organization_id', 'record_type', 'occurred_at', 'record_id']],
		['dossier_entry_own_idx', ['organization_id', 'direct', 'occurred_at', 'record_type', 'record_id']],
		['dossier_entry_own_kind_idx', ['organization_id', 'direct', 'record_type', 'occurred_at', 'record_id']]
	];
	for (const [name, columns] of indexes) {
		await db.schema.createIndex(name).on('dossier_entry').columns(columns).execute();
	}
	await db.schema
		.createIndex('dossier_entry_via_idx')
		.on('dossier_entry')
		.column('via_organization_id')
		.execute();

	if (isPostgres(db)) {
		// tg_argv: the record type, then the column holding its id. Both rows of an update are noted: a
		// participant moved to another event leaves the first one's dossiers.
		await sql`create function dossier_pending_note() returns trigger language plpgsql
			set search_path from current as $$
			declare
				ids integer[];
				id integer;
			begin
				if tg_op = 'DELETE' then
					ids := array[(to_jsonb(old) ->> tg_argv[1])::integer];
				elsif tg_op = 'UPDATE' then
					ids := array[(to_jsonb(old) ->> tg_argv[1])::integer, (to_jsonb(new) ->> tg_argv[1])::integer];
				else
					ids := array[(to_jsonb(new) ->> tg_argv[1])::integer];
				end if;
				foreach id in array ids loop
					if id is not null then
						insert into dossier_pending (record_type, record_id) values (tg_argv[0], id)
							on conflict do nothing;
					end if;
				end loop;
				return null;
			end
		$$`.execute(db);
		for (const [table, recordType, column, updated] of NOTES) {
			const args = sql`${sql.lit(recordType)}, ${sql.lit(column)}`;
			await sql`create trigger ${sql.id(triggerName(table, ''))}
				after insert or delete or update of ${sql.join(updated.map((c) => sql.id(c)))} on ${sql.table(table)}
				for each row execute function dossier_pending_note(${args})`.execute(db);
		}
		await sql`create trigger ${sql.id(triggerName('organization', ''))}
			after update of parent_id on organization for each row
			when (old.parent_id is distinct from new.parent_id)
			execute function dossier_pending_note('organization', 'id')`.execute(db);
	} else {
		for (const [table, recordType, column, updated] of NOTES) {
			const columns = sql.join(updated.map((c) => sql.id(c)));
			await sql`create trigger ${sql.id(triggerName(table, 'insert'))} after insert on ${sql.table(table)}
				begin ${noteSqlite(recordType, 'new', column)} end`.execute(db);
			await sql`create trigger ${sql.id(triggerName(table, 'delete'))} after delete on ${sql.table(table)}
				begin ${noteSqlite(recordType, 'old', column)} end`.execute(db);
			await sql`create trigger ${sql.id(triggerName(table, 'update'))}
				after update of ${columns} on ${sql.table(table)}
				begin ${noteSqlite(recordType, 'old', column)} ${noteSqlite(recordType, 'new', column)} end`.execute(db);
		}
		await sql`create trigger ${sql.id(triggerName('organization', 'update'))}
			after update of parent_id on organization
			when old.parent_id is not new.parent_id
			begin ${noteSqlite('organization', 'new', 'id')} end`.execute(db);
	}

	// Everything already recorded waits for its entries.
	for (const recordType of RECORD_TYPES) {
		await db
			.insertInto('dossier_pending')
			.columns(['record_type', 'record_id'])
			.expression(db.selectFrom(recordType).select([sql.lit(recordType).as('record_type'), 'id']))
			.execute();
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	const tables = [...NOTES.map(([table]) => table), 'organization'];
	if (isPostgres(db)) {
		for (const table of tables) {
			await sql`drop trigger ${sql.id(triggerName(table, ''))} on ${sql.table(table)}`.execute(db);
		}
		await sql`drop function dossier_pending_note()`.execute(db);
	} else {
		for (const [table] of NOTES) {
			for (const when of ['insert', 'delete', 'update']) {
				await sql`drop trigger ${sql.id(triggerName(table, when))}`.execute(db);
			}
		}
		await sql`drop trigger ${sql.id(triggerName('organization', 'update'))}`.execute(db);
	}
	await db.schema.dropTable('dossier_entry').execute();
	await db.schema.dropTable('dossier_pending').execute();
}
