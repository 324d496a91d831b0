import { sql, type Kysely } from 'kysely';
import { columnTypes, flag, idColumn, oneOf } from '../schema-kit';

export const EVENT_KINDS = [
	'observance',
	'forum',
	'debrief',
	'bilateral_meeting',
	'multilateral_meeting',
	'official_visit',
	'working_visit',
	'council_session',
	'training',
	'signing_ceremony',
	'reception',
	'other'
];
export const EVENT_STATUSES = ['draft', 'planned', 'confirmed', 'held', 'postponed', 'cancelled'];
// How sure we are of the recorded start: sources often give a date without a time, or only a period.
const TIMING_CERTAINTIES = ['exact', 'time_assumed', 'date_assumed'];
const HOST_ROLES = ['host', 'co_host'];
const AGENDA_ITEM_KINDS = [
	'opening_remarks',
	'speech',
	'video_message',
	'presentation',
	'panel',
	'exchange_of_views',
	'signing',
	'break',
	'closing'
];
const AGENDA_ROLES = ['chair', 'moderator', 'speaker', 'presenter', 'video_message'];
const PARTICIPANT_ROLES = [
	'host',
	'head_of_delegation',
	'delegation_member',
	'speaker',
	'observer',
	'press',
	'guest'
];
const RSVP_STATUSES = ['invited', 'accepted', 'tentative', 'declined', 'attended', 'no_show'];

export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(db);

	// International Migrants Day each year, the IOM Council's regular sessions …
	await db.schema
		.createTable('event_series')
		.addColumn('id', 'integer', idColumn(db))
		.addColumn('name', 'text', (c) => c.notNull().unique())
		.addColumn('description', 'text')
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.addColumn('updated_at', t.instant, (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('event')
		.addColumn('id', 'integer', idColumn(db))
		.addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', EVENT_KINDS)))
		.addColumn('title', 'text', (c) => c.notNull())
		// Theme or slogan, e.g. "Harnessing the potential of human mobility".
		.addColumn('theme', 'text')
		.addColumn('description', 'text')
		// Instants in UTC; time_zone is the IANA zone the event is held and shown in.
		.addColumn('start_at', t.instant, (c) => c.notNull())
		.addColumn('end_at', t.instant, (c) => c.notNull())
		.addColumn('time_zone', 'text', (c) => c.notNull())
		.addColumn('timing', 'text', (c) =>
			c.notNull().defaultTo('exact').check(oneOf('timing', TIMING_CERTAINTIES))
		)
		.addColumn('venue_id', 'integer', (c) => c.references('venue.id').onDelete('restrict'))
		.addColumn('online_url', 'text')
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(oneOf('status', EVENT_STATUSES)))
		// Why an event was postponed or cancelled; kept and shown.
		.addColumn('status_reason', 'text')
		.addColumn('series_id', 'integer', (c) => c.references('event_series.id').onDelete('set null'))
		// 1 when anonymous visitors may see the title, date, venue and published agenda.
		.addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(0).check(flag('is_public')))
		// RFC 5545: the UID never changes; SEQUENCE rises with every change attendees must see.
		.addColumn('ical_uid', 'text', (c) => c.notNull().unique())
		.addColumn('ical_sequence', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.addColumn('updated_at', t.instant, (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addCheckConstraint('event_ends_after_start', sql`end_at >= start_at`)
		.execute();
	await db.schema.createIndex('event_start_idx').on('event').columns(['start_at', 'id']).execute();
	await db.schema.createIndex('event_kind_start_idx').on('event').columns(['kind', 'start_at']).execute();
	await db.schema.createIndex('event_status_start_idx').on('event').columns(['status', 'start_at']).execute();
	await db.schema.createIndex('event_series_idx').on('event').columns(['series_id', 'start_at']).execute();
	await db.schema.createIndex('event_venue_idx').on('event').columns(['venue_id', 'start_at']).execute();

	await db.schema
		.createTable('event_organization')
		.addColumn('event_id', 'integer', (c) => c.notNull().references('event.id').onDelete('cascade'))
		.addColumn('organization_id', 'integer', (c) =>
			c.notNull().references('organization.id').onDelete('restrict')
		)
		.addColumn('role', 'text', (c) => c.notNull().check(oneOf('role', HOST_ROLES)))
		// Order in which hosts are named ("the SMS together with IOM").
		.addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
		.addPrimaryKeyConstraint('event_organization_pk', ['event_id', 'organization_id'])
		.execute();
	await db.schema
		.createIndex('event_organization_org_idx')
		.on('event_organization')
		.columns(['organization_id', 'event_id'])
		.execute();

	// A side at the table: a bilateral meeting has two, each with a head of delegation.
	await db.schema
		.createTable('delegation')
		.addColumn('id', 'integer', idColumn(db))
		.addColumn('event_id', 'integer', (c) => c.notNull().references('event.id').onDelete('cascade'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('organization_id', 'integer', (c) => c.references('organization.id').onDelete('set null'))
		.addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
		.addUniqueConstraint('delegation_event_name_uq', ['event_id', 'name'])
		.execute();

	await db.schema
		.createTable('event_participant')
		.addColumn('id', 'integer', idColumn(db))
		.addColumn('event_id', 'integer', (c) => c.notNull().references('event.id').onDelete('cascade'))
		.addColumn('person_id', 'integer', (c) => c.notNull().references('person.id').onDelete('restrict'))
		.addColumn('role', 'text', (c) => c.notNull().check(oneOf('role', PARTICIPANT_ROLES)))
		.addColumn('delegation_id', 'integer', (c) => c.references('delegation.id').onDelete('set null'))
		// Title, rank and organisation as they stood at this event: people move on, the record must not.
		.addColumn('position_at_event', 'text')
		.addColumn('rank_at_event', 'text')
		.addColumn('organization_id', 'integer', (c) => c.references('organization.id').onDelete('set null'))
		// Officer's override of the order of precedence; null means the computed order.
		.addColumn('precedence', 'integer')
		.addColumn('rsvp_status', 'text', (c) =>
			c.notNull().defaultTo('invited').check(oneOf('rsvp_status', RSVP_STATUSES))
		)
		.addColumn('invited_at', t.instant)
		.addColumn('responded_at', t.instant)
		.addColumn('notes', 'text')
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.addColumn('updated_at', t.instant, (c) => c.notNull())
		.addUniqueConstraint('event_participant_event_person_uq', ['event_id', 'person_id'])
		.execute();
	await db.schema
		.createIndex('event_participant_person_idx')
		.on('event_participant')
		.columns(['person_id', 'event_id'])
		.execute();
	// Events an organisation attended (the organisation page, the events filter).
	await db.schema
		.createIndex('event_participant_organization_idx')
		.on('event_participant')
		.columns(['organization_id', 'event_id'])
		.execute();
	await db.schema
		.createIndex('event_participant_delegation_idx')
		.on('event_participant')
		.column('delegation_id')
		.execute();

	await db.schema
		.createTable('agenda_item')
		.addColumn('id', 'integer', idColumn(db))
		.addColumn('event_id', 'integer', (c) => c.notNull().references('event.id').onDelete('cascade'))
		// Order within the event's programme, from 1.
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', AGENDA_ITEM_KINDS)))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('start_at', t.instant)
		.addColumn('end_at', t.instant)
		.addColumn('notes', 'text')
		// 1 when the item may appear on the public programme.
		.addColumn('is_published', 'integer', (c) => c.notNull().defaultTo(1).check(flag('is_published')))
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.addColumn('updated_at', t.instant, (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addCheckConstraint(
			'agenda_item_ends_after_start',
			sql`start_at is null or end_at is null or end_at >= start_at`
		)
		.execute();
	await db.schema
		.createIndex('agenda_item_event_idx')
		.on('agenda_item')
		.columns(['event_id', 'position'])
		.execute();

	await db.schema
		.createTable('agenda_item_role')
		.addColumn('agenda_item_id', 'integer', (c) =>
			c.notNull().references('agenda_item.id').onDelete('cascade')
		)
		.addColumn('participant_id', 'integer', (c) =>
			c.notNull().references('event_participant.id').onDelete('cascade')
		)
		.addColumn('role', 'text', (c) => c.notNull().check(oneOf('role', AGENDA_ROLES)))
		// Order of speakers within one item.
		.addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
		.addPrimaryKeyConstraint('agenda_item_role_pk', ['agenda_item_id', 'participant_id', 'role'])
		.execute();
	await db.schema
		.createIndex('agenda_item_role_participant_idx')
		.on('agenda_item_role')
		.column('participant_id')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'agenda_item_role',
		'agenda_item',
		'event_participant',
		'delegation',
		'event_organization',
		'event',
		'event_series'
	]) {
		await db.schema.dropTable(table).execute();
	}
}
