import { sql, type Kysely } from 'kysely';
import { addSearchNotes, columnTypes, dropSearchNotes, idColumn, isPostgres, oneOf } from '../schema-kit';

/**
 * Cooperation projects: a title, the partner organisations, the programme or instrument it runs under
 * (Twinning, TAIEX, MIEUX …), when it started and ended as precisely as the sources say ("since 2014"),
 * where it stands, our focal point, and the events, outcomes, letters and agreements it links to.
 */
const PROGRAMMES = ['twinning', 'taiex', 'mieux', 'joint_project', 'technical_cooperation', 'other'];
const STATES = ['planned', 'ongoing', 'completed'];
const PRECISIONS = ['year', 'month', 'day'];

/** The records a project links to, each in a table of its own so that every link is a foreign key. */
const LINKS = [
	['project_event', 'event_id', 'event'],
	['project_outcome', 'outcome_id', 'outcome'],
	['project_correspondence', 'correspondence_id', 'correspondence'],
	['project_agreement', 'agreement_id', 'agreement']
] as const;

/**
 * A date known to a year, a month or a day, stored as its first day with the precision beside it: both
 * or neither, and the date on the first of its month (or year) when it is known no better.
 */
function approximateDate(db: Kysely<any>, date: string, precision: string) {
	const part = (unit: 'month' | 'day') =>
		isPostgres(db)
			? sql`extract(${sql.raw(unit)} from ${sql.ref(date)})`
			: sql`cast(strftime(${sql.lit(unit === 'month' ? '%m' : '%d')}, ${sql.ref(date)}) as integer)`;
	const [on, known] = [sql.ref(date), sql.ref(precision)];
	// Both sides of every comparison are set in the second branch: a CHECK lets a null result pass.
	return sql`(${on} is null and ${known} is null) or (${on} is not null and ${known} is not null and (
		${known} = 'day'
		or (${known} = 'month' and ${part('day')} = 1)
		or (${known} = 'year' and ${part('day')} = 1 and ${part('month')} = 1)))`;
}

export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(db);

	await db.schema
		.createTable('project')
		.addColumn('id', 'integer', idColumn(db))
		.addColumn('title', 'text', (c) => c.notNull())
		// Null when it runs under no named programme.
		.addColumn('programme', 'text', (c) => c.check(oneOf('programme', PROGRAMMES)))
		.addColumn('state', 'text', (c) => c.notNull().defaultTo('ongoing').check(oneOf('state', STATES)))
		// Start and end, each its first day and how much of it is known; no end: open-ended.
		.addColumn('start_on', t.date)
		.addColumn('start_precision', 'text', (c) => c.check(oneOf('start_precision', PRECISIONS)))
		.addColumn('end_on', t.date)
		.addColumn('end_precision', 'text', (c) => c.check(oneOf('end_precision', PRECISIONS)))
		// Our focal point: who at the office follows the project.
		.addColumn('focal_person_id', 'integer', (c) => c.references('person.id').onDelete('set null'))
		.addColumn('description', 'text')
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.addColumn('updated_at', t.instant, (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addCheckConstraint('project_start_known', approximateDate(db, 'start_on', 'start_precision'))
		.addCheckConstraint('project_end_known', approximateDate(db, 'end_on', 'end_precision'))
		// An end known only to its month or year is stored as that month's or year's first day, which may
		// come before a start within it ("March 2014 to 2014").
		.addCheckConstraint(
			'project_ends_after_start',
			sql`start_on is null or end_on is null or end_on >= start_on or end_precision in ('month', 'year')`
		)
		.execute();
	// The list's order, alphabetical.
	await db.schema.createIndex('project_title_idx').on('project').columns(['title', 'id']).execute();
	await db.schema.createIndex('project_focal_person_idx').on('project').column('focal_person_id').execute();

	await db.schema
		.createTable('project_partner')
		.addColumn('project_id', 'integer', (c) => c.notNull().references('project.id').onDelete('cascade'))
		.addColumn('organization_id', 'integer', (c) =>
			c.notNull().references('organization.id').onDelete('restrict')
		)
		.addPrimaryKeyConstraint('project_partner_pk', ['project_id', 'organization_id'])
		.execute();
	await db.schema
		.createIndex('project_partner_org_idx')
		.on('project_partner')
		.column('organization_id')
		.execute();

	for (const [table, column, target] of LINKS) {
		await db.schema
			.createTable(table)
			.addColumn('project_id', 'integer', (c) => c.notNull().references('project.id').onDelete('cascade'))
			.addColumn(column, 'integer', (c) => c.notNull().references(`${target}.id`).onDelete('cascade'))
			.addPrimaryKeyConstraint(`${table}_pk`, ['project_id', column])
			.execute();
		await db.schema.createIndex(`${table}_target_idx`).on(table).column(column).execute();
	}

	await addSearchNotes(db, 'project');
}

export async function down(db: Kysely<any>): Promise<void> {
	await dropSearchNotes(db, 'project');
	await db.deleteFrom('search_pending').where('entity_type', '=', 'project').execute();
	await db.deleteFrom('search_document').where('entity_type', '=', 'project').execute();
	for (const [table] of [...LINKS].reverse()) await db.schema.dropTable(table).execute();
	await db.schema.dropTable('project_partner').execute();
	await db.schema.dropTable('project').execute();
}
