import { sql, type Kysely } from 'kysely';
import {
	columnTypes,
	createFeedChangeTrigger,
	dropFeedChangeTrigger,
	idColumn,
	isPostgres
} from '../schema-kit';

/**
 * When each feed's content last changed, known without building the feed: a journal of changes by
 * scope, written by triggers whoever writes, read with one index seek per scope.
 *
 * feed_change.scope names what changed: 'office' (any event that is not a draft, or was one), 'public'
 * (an event that is or was public), 'series:<id>', 'person:<id>', 'organization:<id>' (the events of
 * a series, of a participant, hosted by or attended for an organisation), and 'all' (a venue's name or
 * address, which every event there shows). changed_at is the database's clock when the change was
 * written. Rows are only ever added (concurrent writers never wait for one another on a hot row); the
 * older rows of a scope are pruned (src/lib/server/feeds/feed.repository.ts `pruneFeedChanges`).
 *
 * With it, event_public_start_idx, for the office's open feed of public events.
 *
 * An event deleted leaves its participations and hosts deleted by their foreign keys, whose triggers
 * note the people and organisations; a participation or host moved notes both its old and new scope.
 */
const TRIGGERS: {
	table: string;
	op: 'insert' | 'update' | 'delete';
	/** Columns whose change matters (update only). */
	columns?: string[];
	/** When the row matters at all; `differs` spells "column changed" for the engine. */
	when?: (differs: (column: string) => string) => string;
	scopes: string;
}[] = [
	{
		table: 'event',
		op: 'insert',
		when: () => `new.status <> 'draft'`,
		scopes: eventScopes(['new'], false)
	},
	{
		table: 'event',
		op: 'update',
		when: () => `old.status <> 'draft' or new.status <> 'draft'`,
		scopes: eventScopes(['old', 'new'], true)
	},
	{
		table: 'event',
		op: 'delete',
		when: () => `old.status <> 'draft'`,
		scopes: eventScopes(['old'], false)
	},
	...memberTriggers('event_participant', ['person_id', 'organization_id', 'event_id'], (row) => [
		`select 'person:' || ${row}.person_id as scope`,
		`select 'organization:' || ${row}.organization_id where ${row}.organization_id is not null`
	]),
	...memberTriggers('event_organization', ['organization_id', 'event_id'], (row) => [
		`select 'organization:' || ${row}.organization_id as scope`
	]),
	{
		table: 'venue',
		op: 'update',
		columns: ['name', 'address', 'city'],
		when: (differs) => ['name', 'address', 'city'].map(differs).join(' or '),
		scopes: `select 'all' as scope`
	}
];

/** An event's scopes: always the office's; public and series of each row; people and hosts of `new`. */
function eventScopes(rows: ('old' | 'new')[], withMembers: boolean): string {
	const parts = [`select 'office' as scope`];
	for (const row of rows) {
		parts.push(`select 'public' where ${row}.is_public = 1`);
		parts.push(`select 'series:' || ${row}.series_id where ${row}.series_id is not null`);
	}
	if (withMembers) {
		parts.push(`select 'person:' || ep.person_id from event_participant ep where ep.event_id = new.id`);
		parts.push(
			`select 'organization:' || ep.organization_id from event_participant ep
				where ep.event_id = new.id and ep.organization_id is not null`
		);
		parts.push(
			`select 'organization:' || eo.organization_id from event_organization eo where eo.event_id = new.id`
		);
	}
	return parts.join('\n\t\t\tunion ');
}

/** A membership row (participation, host): its own scopes, of the old and the new row. */
function memberTriggers(table: string, columns: string[], scopes: (row: 'old' | 'new') => string[]) {
	return [
		{ table, op: 'insert' as const, scopes: scopes('new').join('\n\t\t\tunion ') },
		{
			table,
			op: 'update' as const,
			columns,
			when: (differs: (column: string) => string) => columns.map(differs).join(' or '),
			scopes: [...scopes('old'), ...scopes('new')].join('\n\t\t\tunion ')
		},
		{ table, op: 'delete' as const, scopes: scopes('old').join('\n\t\t\tunion ') }
	];
}

const nameOf = (t: { table: string; op: string }) => `${t.table}_feed_change_${t.op}`;

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('feed_change')
		// A key of its own, so that an export reads the table along it like any other.
		.addColumn('id', 'integer', idColumn(db))
		.addColumn('scope', 'text', (c) => c.notNull())
		.addColumn('changed_at', columnTypes(db).instant, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('feed_change_scope_idx')
		.on('feed_change')
		.columns(['scope', 'changed_at'])
		.execute();
	// The office's public feed reads the public events of its window, in order, and no others.
	await db.schema
		.createIndex('event_public_start_idx')
		.on('event')
		.columns(['is_public', 'start_at', 'id'])
		.execute();
	const pg = isPostgres(db);
	const differs = pg
		? (column: string) => `old.${column} is distinct from new.${column}`
		: (column: string) => `old.${column} is not new.${column}`;
	for (const trigger of TRIGGERS) {
		await createFeedChangeTrigger(db, {
			name: nameOf(trigger),
			on: `${trigger.op}${trigger.columns ? ` of ${trigger.columns.join(', ')}` : ''} on ${trigger.table}`,
			when: trigger.when?.(differs),
			scopes: trigger.scopes
		});
	}
	// Whatever changed before this journal began is older than this.
	const now = pg ? 'clock_timestamp()' : `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
	await sql.raw(`insert into feed_change (scope, changed_at) values ('all', ${now})`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const trigger of TRIGGERS) await dropFeedChangeTrigger(db, nameOf(trigger), trigger.table);
	await db.schema.dropIndex('event_public_start_idx').execute();
	await db.schema.dropTable('feed_change').execute();
}
