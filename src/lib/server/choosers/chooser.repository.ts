/**
 * Queries of the choosers: the words of records' names (chooser_word, kept beside the search documents)
 * and the few columns a chooser shows of the records found. Kysely only: no rules, no HTTP.
 */
import type { Kysely } from 'kysely';
import type { ChooserKind, Database } from '../db/schema';
import { currentPostColumns } from '../people/current-post';

type Db = Kysely<Database>;

export interface ChooserWord {
	entity_type: ChooserKind;
	word: string;
	entity_id: number;
}

/** Half-open range of words: those starting with a prefix. */
export interface WordRange {
	from: string;
	to: string;
}

/** Removes the words of these records and writes the new ones (a record that is gone has none). */
export async function replaceChooserWords(
	db: Db,
	keys: { entity_type: ChooserKind; entity_id: number }[],
	words: ChooserWord[]
): Promise<void> {
	for (const type of new Set(keys.map((key) => key.entity_type))) {
		const ids = keys.filter((key) => key.entity_type === type).map((key) => key.entity_id);
		await db
			.deleteFrom('chooser_word')
			.where('entity_type', '=', type)
			.where('entity_id', 'in', ids)
			.execute();
	}
	// Well under both engines' limits on bound parameters per statement.
	for (let i = 0; i < words.length; i += 2000) {
		await db
			.insertInto('chooser_word')
			.values(words.slice(i, i + 2000))
			.onConflict((oc) => oc.doNothing())
			.execute();
	}
}

export async function listVenuesToIndex(db: Db, ids: number[]) {
	if (ids.length === 0) return [];
	return db.selectFrom('venue').select(['id', 'name', 'city']).where('id', 'in', ids).execute();
}

/**
 * Ids of records of one kind that have a word in one of `probes` (each searched on its own, in the
 * order of the primary key, `limit` at most) and, for each of `others`, a word in one of its ranges
 * (checked per candidate through chooser_word_entity_idx). An id may come more than once.
 */
export async function findChooserCandidates(
	db: Db,
	kind: ChooserKind,
	probes: WordRange[],
	others: WordRange[][],
	limit: number
): Promise<number[]> {
	const probe = (range: WordRange) => {
		let query = db
			.selectFrom('chooser_word as w')
			.select('w.entity_id')
			.where('w.entity_type', '=', kind)
			.where('w.word', '>=', range.from)
			.where('w.word', '<', range.to);
		for (const ranges of others) {
			query = query.where(({ exists, selectFrom }) =>
				exists(
					selectFrom('chooser_word as o')
						.select('o.entity_id')
						.where('o.entity_type', '=', kind)
						.whereRef('o.entity_id', '=', 'w.entity_id')
						.where((eb) =>
							eb.or(ranges.map((r) => eb.and([eb('o.word', '>=', r.from), eb('o.word', '<', r.to)])))
						)
						// Checked per record found, in the probe's order: without it PostgreSQL joins every
						// record having the other word, then sorts.
						.limit(1)
						.offset(0)
				)
			);
		}
		return query.orderBy('w.word').orderBy('w.entity_id').limit(limit);
	};
	// One query a probe: each is one range of the index, read in its order until the limit.
	const found: number[] = [];
	for (const range of probes) {
		for (const row of await probe(range).execute()) found.push(row.entity_id);
	}
	return found;
}

export async function listOrganizationChoiceRows(db: Db, ids: readonly number[]) {
	if (ids.length === 0) return [];
	return db
		.selectFrom('organization')
		.select(['id', 'name', 'acronym', 'city', 'country_code'])
		.where('id', 'in', ids)
		.execute();
}

export async function listPersonChoiceRows(db: Db, ids: readonly number[]) {
	if (ids.length === 0) return [];
	return db
		.selectFrom('person')
		.leftJoin('organization', 'organization.id', 'person.organization_id')
		.select([
			'person.id',
			'person.honorific',
			'person.given_name',
			'person.family_name',
			'person.native_name',
			...currentPostColumns('person', 'position'),
			'person.name_key',
			'organization.name as organization_name',
			'organization.acronym as organization_acronym'
		])
		.where('person.id', 'in', ids)
		.execute();
}

export async function listCorrespondenceChoiceRows(db: Db, ids: readonly number[]) {
	if (ids.length === 0) return [];
	return db
		.selectFrom('correspondence')
		.leftJoin('organization as sender', 'sender.id', 'correspondence.sender_organization_id')
		.select([
			'correspondence.id',
			'correspondence.reference_number',
			'correspondence.dated_on',
			'correspondence.subject',
			'sender.name as sender_name',
			'sender.acronym as sender_acronym'
		])
		.where('correspondence.id', 'in', ids)
		.execute();
}

export async function listVenueChoiceRows(db: Db, ids: readonly number[]) {
	if (ids.length === 0) return [];
	return db
		.selectFrom('venue')
		.select(['id', 'name', 'city', 'country_code', 'time_zone'])
		.where('id', 'in', ids)
		.execute();
}
