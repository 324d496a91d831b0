import { type Kysely } from 'kysely';
import { columnTypes, idColumn, oneOf } from '../schema-kit';
// A migration never changes once shipped, so its lists are safe to share with later ones.
import { EVENT_KINDS, EVENT_STATUSES } from './20261124_1801_create_events';

const MESSAGE_KINDS = ['invitation', 'update', 'cancellation'];
const ITIP_METHODS = ['REQUEST', 'CANCEL'];
const MESSAGE_STATUSES = ['queued', 'sending', 'sent', 'failed'];

/**
 * Calendar subscriptions and the e-mail outbox (src/lib/server/feeds/, src/lib/server/invitations/).
 * A feed is a secret URL "<id>.<secret>" (only SHA-256 of the secret stored) for the events a filter
 * selects: one person's, one organisation's, one series', or the office calendar's with its filters.
 * The outbox holds every invitation, update and cancellation from the moment the change that causes it
 * commits until the SMTP server has taken it, and afterwards as the record of what was sent.
 */
export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(db);

	await db.schema
		.createTable('calendar_feed')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('secret_hash', 'text', (c) => c.notNull())
		// What a subscribing client calls the calendar (X-WR-CALNAME).
		.addColumn('name', 'text', (c) => c.notNull())
		// The filter; all null is the whole office calendar.
		.addColumn('person_id', 'integer', (c) => c.references('person.id').onDelete('cascade'))
		.addColumn('organization_id', 'integer', (c) => c.references('organization.id').onDelete('cascade'))
		.addColumn('series_id', 'integer', (c) => c.references('event_series.id').onDelete('cascade'))
		.addColumn('event_kind', 'text', (c) => c.check(oneOf('event_kind', EVENT_KINDS)))
		.addColumn('event_status', 'text', (c) => c.check(oneOf('event_status', EVENT_STATUSES)))
		.addColumn('created_by_user_id', 'integer', (c) => c.references('user_account.id').onDelete('set null'))
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.addColumn('revoked_at', t.instant)
		.addColumn('last_used_at', t.instant)
		.execute();
	await db.schema.createIndex('calendar_feed_person_idx').on('calendar_feed').column('person_id').execute();
	await db.schema
		.createIndex('calendar_feed_organization_idx')
		.on('calendar_feed')
		.column('organization_id')
		.execute();
	await db.schema.createIndex('calendar_feed_series_idx').on('calendar_feed').column('series_id').execute();

	await db.schema
		.createTable('outbox_message')
		.addColumn('id', 'integer', idColumn(db))
		// Kept when the event or person goes: the outbox is also the record of what was sent.
		.addColumn('event_id', 'integer', (c) => c.references('event.id').onDelete('set null'))
		.addColumn('person_id', 'integer', (c) => c.references('person.id').onDelete('set null'))
		.addColumn('to_address', 'text', (c) => c.notNull())
		.addColumn('to_name', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', MESSAGE_KINDS)))
		.addColumn('method', 'text', (c) => c.notNull().check(oneOf('method', ITIP_METHODS)))
		// The event's iCalendar SEQUENCE this message carries.
		.addColumn('sequence', 'integer', (c) => c.notNull())
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('text_body', 'text', (c) => c.notNull())
		.addColumn('ics', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) =>
			c.notNull().defaultTo('queued').check(oneOf('status', MESSAGE_STATUSES))
		)
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('next_attempt_at', t.instant, (c) => c.notNull())
		// While a worker sends it; a worker that died leaves it to be taken again after this.
		.addColumn('claimed_until', t.instant)
		.addColumn('last_error', 'text')
		// The Message-ID the SMTP server accepted.
		.addColumn('message_id', 'text')
		.addColumn('created_by_user_id', 'integer', (c) => c.references('user_account.id').onDelete('set null'))
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.addColumn('sent_at', t.instant)
		.execute();
	await db.schema
		.createIndex('outbox_message_due_idx')
		.on('outbox_message')
		.columns(['status', 'next_attempt_at'])
		.execute();
	await db.schema
		.createIndex('outbox_message_event_idx')
		.on('outbox_message')
		.columns(['event_id', 'id'])
		.execute();

	// The SEQUENCE of the last invitation or update this participant was sent; null: never invited by
	// e-mail. Updates and cancellations go to those who have one.
	await db.schema.alterTable('event_participant').addColumn('calendar_sequence_sent', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('event_participant').dropColumn('calendar_sequence_sent').execute();
	await db.schema.dropTable('outbox_message').execute();
	await db.schema.dropTable('calendar_feed').execute();
}
