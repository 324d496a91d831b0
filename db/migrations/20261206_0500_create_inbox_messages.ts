import { sql, type Kysely } from 'kysely';
import {
	columnTypes,
	idColumn,
	isPostgres,
	oneOf,
	rebuildSqliteTable,
	withoutForeignKeys
} from '../schema-kit';

const OUTCOMES = ['applied', 'refused', 'proposed', 'refreshed'];
const DECISIONS = ['accepted', 'declined'];
const KINDS_BEFORE = ['invitation', 'update', 'cancellation', 'reminder'];
const KINDS = [...KINDS_BEFORE, 'proposal_declined'];
const METHODS_BEFORE = ['REQUEST', 'CANCEL'];
const METHODS = [...METHODS_BEFORE, 'DECLINECOUNTER'];

/**
 * Replies by e-mail (src/lib/server/inbox/): one row per iTIP message read from the office's mailbox
 * (IMAP_URL), written in the same transaction as what the message changed. Its key — mailbox, UIDVALIDITY
 * and UID, and the Message-ID — is what makes each message count once, whichever process reads it and
 * however often. The outbox takes a DECLINECOUNTER, sent when an officer declines a proposed new time.
 */
export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(db);
	await db.schema
		.createTable('inbox_message')
		.addColumn('id', 'integer', idColumn(db))
		// The mailbox as IMAP_URL names it, without the password: user@host:port/folder.
		.addColumn('mailbox', 'text', (c) => c.notNull())
		// RFC 3501: a UID means the same message only while the mailbox's UIDVALIDITY stays the same.
		.addColumn('uid_validity', 'bigint', (c) => c.notNull())
		.addColumn('uid', 'bigint', (c) => c.notNull())
		.addColumn('message_id', 'text')
		.addColumn('from_address', 'text')
		.addColumn('subject', 'text')
		.addColumn('received_at', t.instant, (c) => c.notNull())
		// The iTIP METHOD (REPLY, COUNTER, REFRESH …); null when the calendar part could not be read.
		.addColumn('method', 'text')
		// applied: the answer was recorded; refused: nothing changed, `reason` says why; proposed: a
		// COUNTER waits for an officer (`decision`); refreshed: the invitation was sent again.
		.addColumn('outcome', 'text', (c) => c.notNull().check(oneOf('outcome', OUTCOMES)))
		.addColumn('reason', 'text')
		.addColumn('event_id', 'integer', (c) => c.references('event.id').onDelete('set null'))
		.addColumn('participant_id', 'integer', (c) => c.references('event_participant.id').onDelete('set null'))
		// The ATTENDEE the message speaks for, lower-cased, and the PARTSTAT it gave.
		.addColumn('attendee_address', 'text')
		.addColumn('partstat', 'text')
		// DTSTAMP: when the attendee's program made the message.
		.addColumn('sent_at', t.instant)
		.addColumn('sequence', 'integer')
		// A COUNTER's proposed DTSTART and DTEND, and what the attendee wrote (COMMENT).
		.addColumn('proposed_start_at', t.instant)
		.addColumn('proposed_end_at', t.instant)
		.addColumn('comment', 'text')
		.addColumn('decision', 'text', (c) => c.check(oneOf('decision', DECISIONS)))
		.addColumn('decided_at', t.instant)
		.addColumn('decided_by_user_id', 'integer', (c) => c.references('user_account.id').onDelete('set null'))
		// Until when one process is marking the message in the mailbox (\\Seen, the keyword, the move):
		// two that both moved it would leave two copies. Another may take over once this has passed.
		.addColumn('marking_until', t.instant)
		.addUniqueConstraint('inbox_message_imap_key', ['mailbox', 'uid_validity', 'uid'])
		.execute();
	// The same message seen again (copied, or the mailbox's UIDVALIDITY reset) is known by its Message-ID.
	await db.schema
		.createIndex('inbox_message_message_id_key')
		.on('inbox_message')
		.column('message_id')
		.unique()
		.where(sql.ref('message_id'), 'is not', null)
		.execute();
	// The inbox page by outcome, newest first; the event page's proposals waiting.
	await db.schema
		.createIndex('inbox_message_outcome_idx')
		.on('inbox_message')
		.columns(['outcome', 'id'])
		.execute();
	await db.schema
		.createIndex('inbox_message_event_idx')
		.on('inbox_message')
		.columns(['event_id', 'outcome'])
		.execute();
	await db.schema
		.createIndex('inbox_message_participant_idx')
		.on('inbox_message')
		.column('participant_id')
		.execute();
	await db.schema
		.createIndex('inbox_message_decided_by_idx')
		.on('inbox_message')
		.column('decided_by_user_id')
		.execute();

	await changeOutboxChecks(db, { kinds: [KINDS_BEFORE, KINDS], methods: [METHODS_BEFORE, METHODS] });
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('inbox_message').execute();
	await db.deleteFrom('outbox_message').where('kind', '=', 'proposal_declined').execute();
	await changeOutboxChecks(db, { kinds: [KINDS, KINDS_BEFORE], methods: [METHODS, METHODS_BEFORE] });
}

type FromTo = [string[], string[]];

async function changeOutboxChecks(db: Kysely<any>, { kinds, methods }: { kinds: FromTo; methods: FromTo }) {
	if (isPostgres(db)) {
		await sql`alter table outbox_message
			drop constraint outbox_message_kind_check,
			add constraint outbox_message_kind_check check (${oneOf('kind', kinds[1])}),
			drop constraint outbox_message_method_check,
			add constraint outbox_message_method_check check (${oneOf('method', methods[1])})`.execute(db);
		return;
	}
	// SQLite changes a CHECK only by building the table anew, from its own text changed.
	await withoutForeignKeys(db, (trx) =>
		rebuildSqliteTable(trx, 'outbox_message', (ddl) =>
			replaceOnce(
				replaceOnce(ddl, inCheck('kind', kinds[0]), inCheck('kind', kinds[1])),
				inCheck('method', methods[0]),
				inCheck('method', methods[1])
			)
		)
	);
}

/** A column's CHECK as SQLite keeps it in the table's definition. */
function inCheck(column: string, values: string[]) {
	return `check ("${column}" in (${values.map((v) => `'${v}'`).join(', ')}))`;
}

function replaceOnce(ddl: string, from: string, to: string): string {
	if (!ddl.includes(from)) throw new Error(`outbox_message is not as expected: no ${from}`);
	return ddl.replace(from, to);
}
