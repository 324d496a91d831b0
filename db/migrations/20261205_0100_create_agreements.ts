import { sql, type Kysely } from 'kysely';
import { addSearchNotes, columnTypes, dropSearchNotes, flag, idColumn } from '../schema-kit';

/**
 * Agreements become a register of their own. An agreement lives by its dates — signed, approved by an
 * act, in force, until it expires or is terminated — and where it stands follows from them, while an
 * outcome's follow-up status is set by hand: kept as outcomes, an agreement in force read "Done".
 *
 * The outcomes of kind 'agreement' move here with their parties, the event they were recorded at becoming
 * the event where they were signed. What an agreement has no column for (a responsible person or
 * organisation, a due date, later events that followed it up) is written into its summary, so nothing
 * is lost. The outcome columns only agreements used (signed_on, signed_place, approved_on, in_force_on)
 * stay behind, empty: SQLite cannot drop a column that a CHECK constraint names without rebuilding the
 * table. No outcome may take kind 'agreement' any more (src/lib/vocabulary.ts), though its CHECK still
 * lists it for the same reason.
 */
export async function up(db: Kysely<any>): Promise<void> {
	const t = columnTypes(db);

	await db.schema
		.createTable('agreement')
		.addColumn('id', 'integer', idColumn(db))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('summary', 'text')
		// Signed: when, where, and at which event (a signing ceremony, a council session), when it is ours.
		.addColumn('signed_on', t.date)
		// 1 when it is known to be signed but the sources give no date ("the Joint Declaration … was signed").
		.addColumn('signed_undated', 'integer', (c) => c.notNull().defaultTo(0).check(flag('signed_undated')))
		.addColumn('signed_place', 'text')
		.addColumn('signed_event_id', 'integer', (c) => c.references('event.id').onDelete('set null'))
		// Approved (ratified, decreed): when, and by what act ("Decree of the President … of 23 February 2017").
		.addColumn('approved_on', t.date)
		.addColumn('approval_act', 'text')
		.addColumn('in_force_on', t.date)
		// The last day it is in force when it expires by its own terms; null when it runs without end.
		.addColumn('in_force_until', t.date)
		// The day a termination (denunciation, an agreement replacing it) took effect.
		.addColumn('terminated_on', t.date)
		.addColumn('created_at', t.instant, (c) => c.notNull())
		.addColumn('updated_at', t.instant, (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addCheckConstraint('agreement_signed_once', sql`signed_undated = 0 or signed_on is null`)
		.addCheckConstraint(
			'agreement_approved_after_signing',
			sql`approved_on is null or signed_on is null or approved_on >= signed_on`
		)
		.addCheckConstraint(
			'agreement_in_force_after_signing',
			sql`in_force_on is null or signed_on is null or in_force_on >= signed_on`
		)
		.addCheckConstraint(
			'agreement_ends_after_entry_into_force',
			sql`in_force_until is null or in_force_on is null or in_force_until >= in_force_on`
		)
		.addCheckConstraint(
			'agreement_terminated_after_signing',
			sql`terminated_on is null or signed_on is null or terminated_on >= signed_on`
		)
		.execute();
	// The register's order: the latest signature first, those not signed (or of no known date) last. The
	// same expression, spelled the same, is the key in agreements/agreement.repository.ts.
	await sql`create index agreement_register_idx
		on agreement ((coalesce(signed_on, '0001-01-01')), id)`.execute(db);
	await db.schema
		.createIndex('agreement_signed_event_idx')
		.on('agreement')
		.column('signed_event_id')
		.execute();

	// The parties: at least two organisations (the EU and the Republic of Azerbaijan; SMS and IOM).
	await db.schema
		.createTable('agreement_party')
		.addColumn('agreement_id', 'integer', (c) => c.notNull().references('agreement.id').onDelete('cascade'))
		.addColumn('organization_id', 'integer', (c) =>
			c.notNull().references('organization.id').onDelete('restrict')
		)
		.addPrimaryKeyConstraint('agreement_party_pk', ['agreement_id', 'organization_id'])
		.execute();
	await db.schema
		.createIndex('agreement_party_org_idx')
		.on('agreement_party')
		.column('organization_id')
		.execute();

	// Notes and letters about the agreement: proposing it, transmitting it, notifying its entry into force.
	await db.schema
		.createTable('agreement_correspondence')
		.addColumn('agreement_id', 'integer', (c) => c.notNull().references('agreement.id').onDelete('cascade'))
		.addColumn('correspondence_id', 'integer', (c) =>
			c.notNull().references('correspondence.id').onDelete('cascade')
		)
		.addPrimaryKeyConstraint('agreement_correspondence_pk', ['agreement_id', 'correspondence_id'])
		.execute();
	await db.schema
		.createIndex('agreement_correspondence_letter_idx')
		.on('agreement_correspondence')
		.column('correspondence_id')
		.execute();

	await addSearchNotes(db, 'agreement');
	await moveAgreementOutcomes(db);
}

/** What an outcome held that an agreement has no column for, as lines for its summary. */
async function leftOver(db: Kysely<any>, outcome: Record<string, any>): Promise<string[]> {
	const lines: string[] = [];
	const owner = await db
		.selectFrom('outcome')
		.leftJoin('person', 'person.id', 'outcome.owner_person_id')
		.leftJoin('organization', 'organization.id', 'outcome.owner_organization_id')
		.select(['person.given_name', 'person.family_name', 'organization.name'])
		.where('outcome.id', '=', outcome.id)
		.executeTakeFirstOrThrow();
	const responsible = [owner.given_name && `${owner.given_name} ${owner.family_name}`, owner.name];
	if (responsible.some(Boolean)) lines.push(`Responsible: ${responsible.filter(Boolean).join(', ')}.`);
	if (outcome.due_on) lines.push(`Due: ${outcome.due_on}.`);
	const followUps = await db
		.selectFrom('outcome_follow_up')
		.innerJoin('event', 'event.id', 'outcome_follow_up.event_id')
		.select(['event.title', 'outcome_follow_up.note'])
		.where('outcome_follow_up.outcome_id', '=', outcome.id)
		.orderBy('event.start_at')
		.execute();
	for (const f of followUps) lines.push(`Followed up at ${f.title}${f.note ? `: ${f.note}` : '.'}`);
	return lines;
}

async function moveAgreementOutcomes(db: Kysely<any>) {
	const outcomes = await db
		.selectFrom('outcome')
		.selectAll()
		.where('kind', '=', 'agreement')
		.orderBy('id')
		.execute();
	for (const o of outcomes) {
		const summary = [o.text, ...(await leftOver(db, o))].filter(Boolean).join('\n');
		const { id } = await db
			.insertInto('agreement')
			.values({
				title: o.title,
				summary: summary || null,
				signed_on: o.signed_on,
				signed_place: o.signed_place,
				signed_event_id: o.event_id,
				approved_on: o.approved_on,
				in_force_on: o.in_force_on,
				created_at: o.created_at,
				updated_at: o.updated_at
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await db
			.insertInto('agreement_party')
			.columns(['agreement_id', 'organization_id'])
			.expression(
				db
					.selectFrom('outcome_party')
					.select([sql.lit(Number(id)).as('agreement_id'), 'organization_id'])
					.where('outcome_id', '=', o.id)
			)
			.execute();
	}
	// Their parties and follow-ups go with them (on delete cascade).
	await db.deleteFrom('outcome').where('kind', '=', 'agreement').execute();
}

/** Agreements go back to being outcomes with their parties; what only agreements hold is lost. */
export async function down(db: Kysely<any>): Promise<void> {
	const agreements = await db.selectFrom('agreement').selectAll().orderBy('id').execute();
	for (const a of agreements) {
		const { id } = await db
			.insertInto('outcome')
			.values({
				event_id: a.signed_event_id,
				kind: 'agreement',
				title: a.title,
				text: a.summary,
				signed_on: a.signed_on,
				signed_place: a.signed_place,
				approved_on: a.approved_on,
				in_force_on: a.in_force_on,
				created_at: a.created_at,
				updated_at: a.updated_at
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await db
			.insertInto('outcome_party')
			.columns(['outcome_id', 'organization_id'])
			.expression(
				db
					.selectFrom('agreement_party')
					.select([sql.lit(Number(id)).as('outcome_id'), 'organization_id'])
					.where('agreement_id', '=', a.id)
			)
			.execute();
	}
	await dropSearchNotes(db, 'agreement');
	await db.deleteFrom('search_pending').where('entity_type', '=', 'agreement').execute();
	await db.deleteFrom('search_document').where('entity_type', '=', 'agreement').execute();
	for (const table of ['agreement_correspondence', 'agreement_party', 'agreement']) {
		await db.schema.dropTable(table).execute();
	}
}
