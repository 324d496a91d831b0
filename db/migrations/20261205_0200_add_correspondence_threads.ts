import { sql, type Kysely } from 'kysely';
import { flag, idColumn, oneOf } from '../schema-kit';

const DIRECTIONS = ['incoming', 'outgoing'];

/**
 * Correspondence gets a direction and threads. A document came in or went out; one that came in may
 * need a reply, and it awaits one until a document is recorded as in reply to it. A note verbale that
 * transmits a letter names it (`transmits_id`): that was an enclosure row pointing at the letter, and the
 * enclosures of a document are its files from now on (20261205_0201), so the enclosure rows become
 * transmittals and their table goes. Only the demo data ever wrote that table (no form did).
 *
 * A reference number is unique per sender organisation. Documents with no sender or no reference are
 * not compared (NULLs are distinct in a unique index, on both engines).
 */
export async function up(db: Kysely<any>): Promise<void> {
	const duplicates = await db
		.selectFrom('correspondence')
		.select(['sender_organization_id', 'reference_number', (eb) => eb.fn.countAll().as('n')])
		.where('sender_organization_id', 'is not', null)
		.where('reference_number', 'is not', null)
		.groupBy(['sender_organization_id', 'reference_number'])
		.having((eb) => eb.fn.countAll(), '>', 1)
		.execute();
	if (duplicates.length > 0) {
		const listed = duplicates
			.map((d) => `reference ${d.reference_number} from organisation ${d.sender_organization_id}`)
			.join('; ');
		throw new Error(
			`Two documents of one sender share a reference number (${listed}). Correct them, then migrate again.`
		);
	}

	await db.schema
		.alterTable('correspondence')
		// Whether the office received the document or sent it. Null for documents registered before this
		// was asked; their form asks for it at the next save.
		.addColumn('direction', 'text', (c) => c.check(oneOf('direction', DIRECTIONS)))
		.execute();
	await db.schema
		.alterTable('correspondence')
		// 1: an incoming document the office must answer; it awaits a reply until one is recorded.
		.addColumn('reply_expected', 'integer', (c) => c.notNull().defaultTo(0).check(flag('reply_expected')))
		.execute();
	await db.schema
		.alterTable('correspondence')
		// The document this one answers.
		.addColumn('in_reply_to_id', 'integer', (c) => c.references('correspondence.id').onDelete('set null'))
		.execute();
	await db.schema
		.alterTable('correspondence')
		// The document this one carries with it: a note verbale transmitting a letter.
		.addColumn('transmits_id', 'integer', (c) => c.references('correspondence.id').onDelete('set null'))
		.execute();
	await db.schema
		.createIndex('correspondence_in_reply_to_idx')
		.on('correspondence')
		.column('in_reply_to_id')
		.execute();
	await db.schema
		.createIndex('correspondence_transmits_idx')
		.on('correspondence')
		.column('transmits_id')
		.execute();
	await db.schema
		.createIndex('correspondence_sender_reference_key')
		.on('correspondence')
		.columns(['sender_organization_id', 'reference_number'])
		.unique()
		.execute();

	// The first recorded document each one enclosed is the one it transmits (written last, so it stays).
	const transmitted = await db
		.selectFrom('correspondence_enclosure')
		.select(['correspondence_id', 'enclosed_correspondence_id'])
		.where('enclosed_correspondence_id', 'is not', null)
		.orderBy('correspondence_id')
		.orderBy('position', 'desc')
		.orderBy('id', 'desc')
		.execute();
	for (const row of transmitted) {
		await db
			.updateTable('correspondence')
			.set({ transmits_id: row.enclosed_correspondence_id })
			.where('id', '=', row.correspondence_id)
			.execute();
	}
	await db.schema.dropTable('correspondence_enclosure').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('correspondence_enclosure')
		.addColumn('id', 'integer', idColumn(db))
		.addColumn('correspondence_id', 'integer', (c) =>
			c.notNull().references('correspondence.id').onDelete('cascade')
		)
		.addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('description', 'text', (c) => c.notNull())
		.addColumn('page_count', 'integer', (c) => c.check(sql`page_count is null or page_count > 0`))
		.addColumn('enclosed_correspondence_id', 'integer', (c) =>
			c.references('correspondence.id').onDelete('set null')
		)
		.execute();
	await db.schema
		.createIndex('correspondence_enclosure_parent_idx')
		.on('correspondence_enclosure')
		.column('correspondence_id')
		.execute();
	await db.schema
		.createIndex('correspondence_enclosure_enclosed_idx')
		.on('correspondence_enclosure')
		.column('enclosed_correspondence_id')
		.execute();
	const transmittals = await db
		.selectFrom('correspondence as c')
		.innerJoin('correspondence as t', 't.id', 'c.transmits_id')
		.select(['c.id', 't.id as enclosed_id', 't.reference_number', 't.subject'])
		.execute();
	for (const t of transmittals) {
		await db
			.insertInto('correspondence_enclosure')
			.values({
				correspondence_id: t.id,
				position: 0,
				description: t.reference_number ? `${t.reference_number}: ${t.subject}` : t.subject,
				enclosed_correspondence_id: t.enclosed_id
			})
			.execute();
	}

	await db.schema.dropIndex('correspondence_sender_reference_key').execute();
	await db.schema.dropIndex('correspondence_transmits_idx').execute();
	await db.schema.dropIndex('correspondence_in_reply_to_idx').execute();
	for (const column of ['transmits_id', 'in_reply_to_id', 'reply_expected', 'direction']) {
		await db.schema.alterTable('correspondence').dropColumn(column).execute();
	}
}
