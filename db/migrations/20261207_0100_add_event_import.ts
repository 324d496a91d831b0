import { sql, type Kysely } from 'kysely';
import { isPostgres, oneOf, rebuildSqliteTable, withoutForeignKeys } from '../schema-kit';

const OUTCOMES_BEFORE = ['applied', 'refused', 'proposed', 'refreshed'];
const OUTCOMES = [...OUTCOMES_BEFORE, 'invitation'];

/**
 * Partners' invitations come in (src/lib/server/inbox/invitation-import.service.ts): an event imported
 * from a partner's iCalendar REQUEST keeps the partner's UID beside its own, so that a later update or
 * CANCEL of that UID finds it. The event's own `ical_uid` stays Protokol's: the invitations the office
 * sends for it are the office's calendar objects, with the office as ORGANIZER, and must not take the
 * partner's UID (a guest holding both would see one overwrite the other). A REQUEST or CANCEL found in
 * the office's mailbox waits in the inbox (outcome `invitation`) with its calendar until an officer
 * imports it.
 */
export async function up(db: Kysely<any>): Promise<void> {
	// The partner's UID, and for one occurrence of a recurring invitation its RECURRENCE-ID as a UTC
	// instant ('' for an event that does not recur): together they name the partner's calendar object.
	await db.schema.alterTable('event').addColumn('import_uid', 'text').execute();
	await db.schema.alterTable('event').addColumn('import_occurrence', 'text').execute();
	// The partner's SEQUENCE last imported: an older or equal one changes nothing.
	await db.schema.alterTable('event').addColumn('import_sequence', 'integer').execute();
	// The partner's ORGANIZER address, lower-cased, shown on the event's import.
	await db.schema.alterTable('event').addColumn('import_organizer', 'text').execute();
	await db.schema
		.createIndex('event_import_key')
		.on('event')
		.columns(['import_uid', 'import_occurrence'])
		.unique()
		.where(sql.ref('import_uid'), 'is not', null)
		.execute();
	// The calendar object of an invitation waiting in the inbox (at most IMAP_MAX_ICS_BYTES).
	await db.schema.alterTable('inbox_message').addColumn('ics', 'text').execute();
	await changeOutcomeCheck(db, OUTCOMES_BEFORE, OUTCOMES);
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.deleteFrom('inbox_message').where('outcome', '=', 'invitation').execute();
	await changeOutcomeCheck(db, OUTCOMES, OUTCOMES_BEFORE);
	await db.schema.alterTable('inbox_message').dropColumn('ics').execute();
	await db.schema.dropIndex('event_import_key').execute();
	for (const column of ['import_organizer', 'import_sequence', 'import_occurrence', 'import_uid']) {
		await db.schema.alterTable('event').dropColumn(column).execute();
	}
}

async function changeOutcomeCheck(db: Kysely<any>, from: string[], to: string[]) {
	if (isPostgres(db)) {
		await sql`alter table inbox_message
			drop constraint inbox_message_outcome_check,
			add constraint inbox_message_outcome_check check (${oneOf('outcome', to)})`.execute(db);
		return;
	}
	// SQLite changes a CHECK only by building the table anew, from its own text changed.
	await withoutForeignKeys(db, (trx) =>
		rebuildSqliteTable(trx, 'inbox_message', (ddl) => {
			const before = inCheck('outcome', from);
			if (!ddl.includes(before)) throw new Error(`inbox_message is not as expected: no ${before}`);
			return ddl.replace(before, inCheck('outcome', to));
		})
	);
}

/** A column's CHECK as SQLite keeps it in the table's definition. */
function inCheck(column: string, values: string[]) {
	return `check ("${column}" in (${values.map((v) => `'${v}'`).join(', ')}))`;
}
