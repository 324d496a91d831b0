import { sql, type Kysely } from 'kysely';
import { columnTypes, flag, isPostgres, oneOf, rebuildSqliteTable, withoutForeignKeys } from '../schema-kit';

const KINDS_BEFORE = ['invitation', 'update', 'cancellation'];
const KINDS = [...KINDS_BEFORE, 'reminder'];
/** What only an invitation, update or cancellation carries: the iTIP method, SEQUENCE and calendar. */
const CALENDAR_COLUMNS = ['method', 'sequence', 'ics'];
const CALENDAR_ONLY =
	"kind = 'reminder' or (method is not null and sequence is not null and ics is not null)";

/**
 * The daily reminder (src/lib/server/reminders/): one digest e-mail a day to each officer with action
 * points overdue or due within a week. reminder_digest holds one row per officer and office day, written
 * in the same transaction as the message: its key is what makes the digest go once, whichever process
 * and however often the day's pass runs. The outbox takes a message of kind 'reminder', which is plain
 * text: no iTIP method, SEQUENCE or calendar. Officers may turn the digest off on their account page.
 */
export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(db);
	if (isPostgres(db)) {
		await sql`alter table outbox_message
			drop constraint outbox_message_kind_check,
			add constraint outbox_message_kind_check check (${oneOf('kind', KINDS)}),
			alter column method drop not null,
			alter column sequence drop not null,
			alter column ics drop not null,
			add constraint outbox_message_calendar_check check (${sql.raw(CALENDAR_ONLY)})`.execute(db);
	} else {
		await rebuildSqliteOutbox(db, (ddl) =>
			replaceOnce(ddl, kindCheck(KINDS_BEFORE), kindCheck(KINDS))
				.replace(/("(?:method|sequence|ics)" (?:text|integer)) not null/g, '$1')
				.replace(/\)$/, `, check (${CALENDAR_ONLY}))`)
		);
	}

	await db.schema
		.alterTable('user_account')
		// 1: the officer gets the daily digest of their action points (the default); 0: turned off.
		.addColumn('reminders', 'integer', (c) => c.notNull().defaultTo(1).check(flag('reminders')))
		.execute();

	await db.schema
		.createTable('reminder_digest')
		.addColumn('user_id', 'integer', (c) => c.notNull().references('user_account.id').onDelete('cascade'))
		// The office's day (OFFICE_TIME_ZONE) the digest is for.
		.addColumn('office_date', t.date, (c) => c.notNull())
		// The message that carries it; null once the outbox row is gone.
		.addColumn('outbox_message_id', 'integer', (c) => c.references('outbox_message.id').onDelete('set null'))
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.addPrimaryKeyConstraint('reminder_digest_pk', ['user_id', 'office_date'])
		.execute();
	await db.schema
		.createIndex('reminder_digest_message_idx')
		.on('reminder_digest')
		.column('outbox_message_id')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('reminder_digest').execute();
	await db.schema.alterTable('user_account').dropColumn('reminders').execute();
	await db.deleteFrom('outbox_message').where('kind', '=', 'reminder').execute();
	if (isPostgres(db)) {
		await sql`alter table outbox_message
			drop constraint outbox_message_calendar_check,
			drop constraint outbox_message_kind_check,
			add constraint outbox_message_kind_check check (${oneOf('kind', KINDS_BEFORE)}),
			alter column method set not null,
			alter column sequence set not null,
			alter column ics set not null`.execute(db);
	} else {
		await rebuildSqliteOutbox(db, (ddl) => {
			let restored = replaceOnce(ddl, kindCheck(KINDS), kindCheck(KINDS_BEFORE));
			for (const column of CALENDAR_COLUMNS) {
				restored = restored.replace(new RegExp(`("${column}" (?:text|integer))(?= check|,)`), '$1 not null');
			}
			return replaceOnce(restored, `, check (${CALENDAR_ONLY}))`, ')');
		});
	}
}

/** The CHECK on outbox_message.kind as SQLite keeps it in the table's definition. */
function kindCheck(kinds: string[]) {
	return `check ("kind" in (${kinds.map((k) => `'${k}'`).join(', ')}))`;
}

function replaceOnce(ddl: string, from: string, to: string): string {
	if (!ddl.includes(from)) throw new Error(`outbox_message is not as expected: no ${from}`);
	return ddl.replace(from, to);
}

/** SQLite changes a CHECK or NOT NULL only by building the table anew, from its own text changed. */
async function rebuildSqliteOutbox(db: Kysely<any>, change: (ddl: string) => string): Promise<void> {
	await withoutForeignKeys(db, (trx) => rebuildSqliteTable(trx, 'outbox_message', change));
}
