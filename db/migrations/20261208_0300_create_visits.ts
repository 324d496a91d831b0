import { sql, type Kysely } from 'kysely';
import { columnTypes, createFeedChangeTrigger, dropFeedChangeTrigger, idColumn, oneOf } from '../schema-kit';

/**
 * The programme of an official or working visit: the visiting delegation (its organisation and its
 * members, in order, the head first), the host, the dates and the zone the programme is read in, and
 * the programme's items in order. An item either links a meeting that is an event of its own
 * (visit_item.event_id: its time is the event's, never a copy) or is a piece of logistics — arrival,
 * departure, transfer, meal, hotel, free time — with its own start and end in UTC and its IANA zone.
 * A logistics item concerns every member (for_everyone = 1) or only the people of visit_item_person.
 *
 * Each change notes 'person:<id>' in feed_change (20261207_0300) for every member it may concern, so
 * their personal feed's ETag moves when an item of their itinerary does.
 */
const KINDS = ['official', 'working'];
const TIMINGS = ['exact', 'time_assumed', 'date_assumed'];
const ITEM_KINDS = ['meeting', 'arrival', 'departure', 'transfer', 'meal', 'hotel', 'free_time'];

const TRIGGERS: { table: string; op: 'insert' | 'update' | 'delete'; scopes: string }[] = [
	...(['insert', 'delete'] as const).flatMap((op) => {
		const row = op === 'insert' ? 'new' : 'old';
		return [
			{ table: 'visit_member', op, scopes: `select 'person:' || ${row}.person_id as scope` },
			{ table: 'visit_item_person', op, scopes: `select 'person:' || ${row}.person_id as scope` },
			{
				table: 'visit_item',
				op,
				scopes: `select 'person:' || vm.person_id as scope from visit_member vm where vm.visit_id = ${row}.visit_id`
			}
		];
	}),
	{
		table: 'visit_item',
		op: 'update',
		scopes: `select 'person:' || vm.person_id as scope from visit_member vm where vm.visit_id = new.visit_id`
	},
	{
		table: 'visit',
		op: 'update',
		scopes: `select 'person:' || vm.person_id as scope from visit_member vm where vm.visit_id = new.id`
	}
];

const nameOf = (t: { table: string; op: string }) => `${t.table}_feed_change_${t.op}`;

export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(db);
	const organization = (c: any) => c.references('organization.id').onDelete('restrict');
	await db.schema
		.createTable('visit')
		.addColumn('id', 'integer', idColumn(db))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', KINDS)))
		// The visiting delegation's organisation, and the host's.
		.addColumn('organization_id', 'integer', organization)
		.addColumn('host_organization_id', 'integer', organization)
		.addColumn('starts_on', t.date, (c) => c.notNull())
		.addColumn('ends_on', t.date, (c) => c.notNull())
		// The IANA zone the programme is read in, day by day.
		.addColumn('time_zone', 'text', (c) => c.notNull())
		// 'date_assumed': the sources do not give the dates (as an event's timing says it).
		.addColumn('timing', 'text', (c) => c.notNull().defaultTo('exact').check(oneOf('timing', TIMINGS)))
		.addColumn('notes', 'text')
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.addColumn('updated_at', t.instant, (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addCheckConstraint('visit_dates_in_order', sql`ends_on >= starts_on`)
		.execute();
	await db.schema.createIndex('visit_starts_on_idx').on('visit').columns(['starts_on', 'id']).execute();
	await db.schema.createIndex('visit_organization_idx').on('visit').column('organization_id').execute();
	await db.schema
		.createIndex('visit_host_organization_idx')
		.on('visit')
		.column('host_organization_id')
		.execute();

	await db.schema
		.createTable('visit_member')
		.addColumn('visit_id', 'integer', (c) => c.notNull().references('visit.id').onDelete('cascade'))
		.addColumn('person_id', 'integer', (c) => c.notNull().references('person.id').onDelete('restrict'))
		// 0 heads the delegation; then the order the officer gave.
		.addColumn('position', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('visit_member_pk', ['visit_id', 'person_id'])
		.execute();
	await db.schema.createIndex('visit_member_person_idx').on('visit_member').column('person_id').execute();

	await db.schema
		.createTable('visit_item')
		.addColumn('id', 'integer', idColumn(db))
		.addColumn('visit_id', 'integer', (c) => c.notNull().references('visit.id').onDelete('cascade'))
		// The programme's order: new items go where their start falls; the officer may move them.
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', ITEM_KINDS)))
		// A meeting: the event it is. Deleting the event takes it out of the programme.
		.addColumn('event_id', 'integer', (c) => c.references('event.id').onDelete('cascade'))
		// Logistics: what, when (UTC, read in time_zone), where; null for a meeting, which has its event's.
		.addColumn('title', 'text')
		.addColumn('start_at', t.instant)
		.addColumn('end_at', t.instant)
		.addColumn('time_zone', 'text')
		.addColumn('place', 'text')
		// A transfer's destination (place is where it leaves from).
		.addColumn('destination', 'text')
		// Arrival and departure: the flight (or train) and who greets or sees off.
		.addColumn('flight', 'text')
		.addColumn('greeter', 'text')
		// A transfer: the vehicle and its driver.
		.addColumn('vehicle', 'text')
		.addColumn('driver', 'text')
		.addColumn('notes', 'text')
		// 1: every member of the delegation; 0: only the people of visit_item_person.
		.addColumn('for_everyone', 'integer', (c) =>
			c
				.notNull()
				.defaultTo(1)
				.check(sql`for_everyone in (0, 1)`)
		)
		.addColumn('timing', 'text', (c) => c.notNull().defaultTo('exact').check(oneOf('timing', TIMINGS)))
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.addColumn('updated_at', t.instant, (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addCheckConstraint('visit_item_meeting_is_event', sql`(kind = 'meeting') = (event_id is not null)`)
		.addCheckConstraint(
			'visit_item_logistics_whole',
			sql`kind = 'meeting' or (title is not null and start_at is not null and end_at is not null
				and time_zone is not null and end_at >= start_at)`
		)
		.execute();
	await db.schema
		.createIndex('visit_item_order_idx')
		.on('visit_item')
		.columns(['visit_id', 'position'])
		.execute();
	await db.schema.createIndex('visit_item_event_idx').on('visit_item').column('event_id').execute();

	await db.schema
		.createTable('visit_item_person')
		.addColumn('item_id', 'integer', (c) => c.notNull().references('visit_item.id').onDelete('cascade'))
		.addColumn('person_id', 'integer', (c) => c.notNull().references('person.id').onDelete('restrict'))
		.addPrimaryKeyConstraint('visit_item_person_pk', ['item_id', 'person_id'])
		.execute();
	await db.schema
		.createIndex('visit_item_person_person_idx')
		.on('visit_item_person')
		.column('person_id')
		.execute();

	for (const trigger of TRIGGERS) {
		await createFeedChangeTrigger(db, {
			name: nameOf(trigger),
			on: `${trigger.op} on ${trigger.table}`,
			scopes: trigger.scopes
		});
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const trigger of TRIGGERS) await dropFeedChangeTrigger(db, nameOf(trigger), trigger.table);
	await db.schema.dropTable('visit_item_person').execute();
	await db.schema.dropTable('visit_item').execute();
	await db.schema.dropTable('visit_member').execute();
	await db.schema.dropTable('visit').execute();
}
