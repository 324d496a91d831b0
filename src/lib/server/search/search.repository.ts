/**
 * Queries of the search index: the one module with engine-specific search SQL. SQLite matches through
 * the FTS5 table search_document_fts (bm25 ranking), PostgreSQL through the tsvector column
 * search_document.document (ts_rank); both read the folded terms that search.text.ts writes, so the
 * same words match on both. Kysely only: no rules, no HTTP.
 */
import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';
import { pageByKeyset } from '../db/keyset';
import type { Database, PendingEntityType, SearchEntityType } from '../db/schema';
import type { PageRequest } from '../pagination';
import { spellingsOf, type SearchTerms } from './search.text';

type Db = Kysely<Database>;

export type DocumentKey = { entity_type: SearchEntityType; entity_id: number };

/** A record on the pending list: a searched one, or a venue, whose name only the choosers keep. */
export type PendingKey = { entity_type: PendingEntityType; entity_id: number };

export interface SearchDocument extends DocumentKey {
	title: string;
	detail: string | null;
	body: string | null;
	title_terms: string;
	body_terms: string;
}

export interface SearchHitRow extends DocumentKey {
	title: string;
	detail: string | null;
	body: string | null;
	/** Higher is better; comparable only within one query. */
	score: number;
}

function isPostgres(db: Db): boolean {
	return db.getExecutor().adapter instanceof PostgresAdapter;
}

// --- Keeping the index current -------------------------------------------------------------------

export async function hasPendingDocuments(db: Db): Promise<boolean> {
	const row = await db.selectFrom('search_pending').select('entity_id').limit(1).executeTakeFirst();
	return row !== undefined;
}

/**
 * Takes up to `limit` pending records off the list and returns them. Run inside the transaction that
 * writes their documents: a change made meanwhile puts its record back on the list (on PostgreSQL the
 * trigger's insert waits for this delete to commit, and a row a change in progress holds is left for
 * the next refresh), so nothing is lost.
 */
export async function claimPendingDocuments(db: Db, limit: number): Promise<PendingKey[]> {
	let pending = db.selectFrom('search_pending').select(['entity_type', 'entity_id']).limit(limit);
	// PostgreSQL: not the rows a change still in progress holds (migration 20261207_0701); nor waiting for them.
	if (db.getExecutor().adapter instanceof PostgresAdapter) pending = pending.forUpdate().skipLocked();
	return db
		.deleteFrom('search_pending')
		.where((eb) =>
			eb(eb.refTuple('entity_type', 'entity_id'), 'in', pending.$asTuple('entity_type', 'entity_id'))
		)
		.returning(['entity_type', 'entity_id'])
		.execute();
}

const SEARCHED_TABLES = [
	'event',
	'person',
	'organization',
	'outcome',
	'correspondence',
	'agreement',
	'project',
	'venue'
] as const satisfies readonly PendingEntityType[];

/** Puts every searchable record on the pending list (after a change to how documents are made). */
export async function markEverythingPending(db: Db): Promise<void> {
	for (const table of SEARCHED_TABLES) {
		await db
			.insertInto('search_pending')
			.columns(['entity_type', 'entity_id'])
			.expression(
				db
					.selectFrom(table)
					.select([sql.lit(table).as('entity_type'), 'id as entity_id'])
					// SQLite reads ON CONFLICT after a SELECT without WHERE as part of a join.
					.where(sql<boolean>`true`)
			)
			.onConflict((oc) => oc.doNothing())
			.execute();
	}
}

/** Removes the documents of these records and writes the new ones (a record that is gone has none). */
export async function replaceDocuments(db: Db, keys: DocumentKey[], documents: SearchDocument[]) {
	const byType = new Map<SearchEntityType, number[]>();
	for (const key of keys)
		byType.set(key.entity_type, [...(byType.get(key.entity_type) ?? []), key.entity_id]);
	if (byType.size > 0) {
		await db
			.deleteFrom('search_document')
			.where((eb) =>
				eb.or(
					[...byType].map(([type, ids]) => eb.and([eb('entity_type', '=', type), eb('entity_id', 'in', ids)]))
				)
			)
			.execute();
	}
	if (documents.length > 0) await db.insertInto('search_document').values(documents).execute();
}

export async function listEventsToIndex(db: Db, ids: number[]) {
	if (ids.length === 0) return [];
	return db
		.selectFrom('event')
		.select([
			'id',
			'title',
			'title_az',
			'title_en',
			'title_ru',
			'theme',
			'description',
			'status_reason',
			'kind',
			'status',
			'start_at',
			'time_zone'
		])
		.where('id', 'in', ids)
		.execute();
}

export async function listPeopleToIndex(db: Db, ids: number[]) {
	if (ids.length === 0) return [];
	return db
		.selectFrom('person')
		.select([
			'id',
			'honorific',
			'given_name',
			'family_name',
			'native_name',
			'rank',
			'position',
			'position_az',
			'position_en',
			'position_ru',
			'notes'
		])
		.where('id', 'in', ids)
		.execute();
}

export async function listOrganizationsToIndex(db: Db, ids: number[]) {
	if (ids.length === 0) return [];
	return db
		.selectFrom('organization')
		.select(['id', 'name', 'name_az', 'name_en', 'name_ru', 'acronym', 'kind', 'city', 'notes'])
		.where('id', 'in', ids)
		.execute();
}

export async function listOutcomesToIndex(db: Db, ids: number[]) {
	if (ids.length === 0) return [];
	return db
		.selectFrom('outcome')
		.select(['id', 'kind', 'title', 'text', 'status'])
		.where('id', 'in', ids)
		.execute();
}

export async function listCorrespondenceToIndex(db: Db, ids: number[]) {
	if (ids.length === 0) return [];
	return db
		.selectFrom('correspondence')
		.select(['id', 'kind', 'reference_number', 'dated_on', 'place', 'subject', 'summary'])
		.where('id', 'in', ids)
		.execute();
}

export async function listAgreementsToIndex(db: Db, ids: number[]) {
	if (ids.length === 0) return [];
	return db
		.selectFrom('agreement')
		.select(['id', 'title', 'summary', 'signed_on', 'signed_place', 'approval_act'])
		.where('id', 'in', ids)
		.execute();
}

export async function listProjectsToIndex(db: Db, ids: number[]) {
	if (ids.length === 0) return [];
	return db
		.selectFrom('project')
		.select([
			'id',
			'title',
			'programme',
			'state',
			'start_on',
			'start_precision',
			'end_on',
			'end_precision',
			'description'
		])
		.where('id', 'in', ids)
		.execute();
}

// --- Searching -----------------------------------------------------------------------------------

/**
 * How many of the latest matching documents a search reads and ranks: the best of those of each kind
 * are shown, and their number is the kind's total (meaning "at least" once the window is full, when the
 * page asks for a narrower search). Ranking every match of a word a million records hold would cost what
 * the office holds; this costs the same whatever it holds, and the latest records are the ones an office
 * looks for most. Five hundred: ranking them costs about what finding them does (at 2 000 the ranking
 * alone cost four times a rare word's whole search), and no one reads further than the first pages.
 */
export const SEARCH_WINDOW = 500;

/**
 * Prefixes at least this long are read as the terms they begin (search_term); shorter ones have FTS5's
 * own prefix indexes (prefix = '2 3', migration 20261124_2040) and begin too many terms to list.
 */
const LISTED_PREFIX = 4;
/**
 * The most terms a prefix is read as; a prefix that begins more (a short one, mid-typing) is searched as a
 * prefix, as before the term list, so that the list only ever makes a search cheaper, never narrower.
 */
export const TERMS_PER_PREFIX = 8;

/**
 * SQLite: the terms of the index each long last token of a spelling begins, from search_term. A prefix
 * FTS5 reads by merging the whole document list of every term it begins before the first row; an OR of
 * a few terms it reads incrementally, newest first, and stops at the window. A prefix with no listed
 * term is left a prefix (it matches nothing, or the list is being rebuilt).
 */
async function termsOfPrefixes(db: Db, terms: SearchTerms): Promise<Map<string, string[]>> {
	const prefixes = new Set(
		terms
			.flatMap((tokens) => spellingsOf(tokens).map((spelling) => spelling.at(-1)!))
			.filter((token) => token.length >= LISTED_PREFIX)
	);
	const found = new Map<string, string[]>();
	for (const prefix of prefixes) {
		const rows = await db
			.selectFrom('search_term')
			.select('term')
			.where('term', '>=', prefix)
			// The greatest code point: every term that begins with the prefix sorts before this.
			.where('term', '<', `${prefix}\u{10FFFF}`)
			.orderBy(sql`term = ${prefix}`, 'desc')
			.orderBy('documents', 'desc')
			.orderBy('term')
			.limit(TERMS_PER_PREFIX + 1)
			.execute();
		// A prefix that begins more terms than that stays a prefix, so that no match is ever left out.
		if (rows.length > 0 && rows.length <= TERMS_PER_PREFIX)
			found.set(
				prefix,
				rows.map((row) => row.term)
			);
	}
	return found;
}

/**
 * The FTS5 query: each word a quoted phrase of its tokens with the last one a prefix ("09 1502"*), or of
 * their spelling keys ("vusal"* OR …), all words required. A last token whose terms are listed is
 * those terms instead ("migration" OR "migrations"). Tokens and keys hold only letters and digits
 * (search.text.ts), so nothing in them is FTS syntax.
 */
function fts5Query(terms: SearchTerms, listed: Map<string, string[]>): string {
	const phrases = (spelling: string[]) => {
		const full = listed.get(spelling.at(-1)!);
		if (!full) return [`"${spelling.join(' ')}"*`];
		return full.map((term) => `"${[...spelling.slice(0, -1), term].join(' ')}"`);
	};
	return terms.map((tokens) => `(${spellingsOf(tokens).flatMap(phrases).join(' OR ')})`).join(' AND ');
}

/**
 * The tsquery text: '09' <-> '1502':* for a word, or its spelling keys (|), words joined by &. Tokens
 * and keys are letters and digits.
 */
function tsQuery(terms: SearchTerms): string {
	const phrase = (tokens: string[]) =>
		`(${tokens.map((t, i) => `'${t}'${i === tokens.length - 1 ? ':*' : ''}`).join(' <-> ')})`;
	return terms.map((tokens) => `(${spellingsOf(tokens).map(phrase).join(' | ')})`).join(' & ');
}

/**
 * How well a document matches, in SQLite's SQL: for each word, 10 when it begins a word of the title
 * and 1 when it begins one of the body (a title match weighs ten times a body match, as bm25 was asked
 * to weigh them; bm25 itself would first count every match of every word in the whole index).
 */
function sqliteScore(terms: SearchTerms) {
	const hit = (column: 'd.title_terms' | 'd.body_terms', tokens: string[]) =>
		sql.join(
			spellingsOf(tokens).map(
				(spelling) => sql`instr(' ' || ${sql.ref(column)}, ${` ${spelling.join(' ')}`}) > 0`
			),
			sql` or `
		);
	return sql.join(
		terms.map(
			(tokens) =>
				sql`(case when ${hit('d.title_terms', tokens)} then 10 else 0 end) + (case when ${hit('d.body_terms', tokens)} then 1 else 0 end)`
		),
		sql` + `
	);
}

/**
 * The latest SEARCH_WINDOW matching documents (the last written first: the order the index keeps, so
 * the read stops there), each with its score, as a subquery both engines read alike. Only these are
 * read from search_document and scored. `columns` are those of each document it gives besides the score:
 * its keys only, for ranking, or what a hit shows as well.
 */
async function matching(
	db: Db,
	terms: SearchTerms,
	columns: 'keys' | 'hits' = 'hits'
): Promise<RawBuilder<SearchHitRow>> {
	const selected =
		columns === 'keys'
			? sql`d.id, d.entity_type, d.entity_id`
			: sql`d.entity_type, d.entity_id, d.title, d.detail, d.body`;
	if (isPostgres(db)) {
		return sql<SearchHitRow>`select ${selected}, ts_rank(d.document, latest.query)::float8 as score
			from (select id, q.query from search_document, to_tsquery('simple', ${tsQuery(terms)}) as q(query)
				where document @@ q.query
				order by id desc limit ${SEARCH_WINDOW}) latest
			join search_document d on d.id = latest.id`;
	}
	return sql<SearchHitRow>`select ${selected}, ${sqliteScore(terms)} as score
		from (select rowid as id from search_document_fts
			where search_document_fts match ${fts5Query(terms, await termsOfPrefixes(db, terms))}
			order by rowid desc limit ${SEARCH_WINDOW}) latest
		join search_document d on d.id = latest.id`;
}

export interface GroupedHitRow extends SearchHitRow {
	/** How many documents of this type matched among the latest SEARCH_WINDOW matches. */
	total: number;
	/** The window was full: more may match. */
	atLeast: boolean;
}

/**
 * The best `perType` matches of each type, with each type's total, in one query. The window's documents
 * are ranked by their keys and scores alone, and only the few shown are read whole: sorting two thousand
 * titles and bodies three times over cost more than finding them.
 */
export async function searchGrouped(db: Db, terms: SearchTerms, perType: number): Promise<GroupedHitRow[]> {
	if (terms.length === 0) return [];
	// One window, so one sort: the rank and the kind's total are read from the same ordered partition.
	const { rows } = await sql<Omit<GroupedHitRow, 'atLeast'>>`
		select d.entity_type, d.entity_id, d.title, d.detail, d.body, best.score, best.total
		from (
			select id, entity_type, score, total, n from (
				select m.*,
					row_number() over kind as n,
					count(*) over (kind rows between unbounded preceding and unbounded following) as total
				from (${await matching(db, terms, 'keys')}) m
				window kind as (partition by m.entity_type order by m.score desc, m.entity_id desc)
			) ranked
			where n <= ${perType}
		) best
		join search_document d on d.id = best.id
		order by best.entity_type, best.n`.execute(db);
	// Every kind that matched gives its best row, carrying its total: together they are the window's count.
	const totals = new Map(rows.map((row) => [row.entity_type, Number(row.total)]));
	const seen = [...totals.values()].reduce((sum, total) => sum + total, 0);
	return rows.map((row) => ({ ...row, total: Number(row.total), atLeast: seen >= SEARCH_WINDOW }));
}

/**
 * One page of the matches of one type, best first, in keyset order of (score, entity_id) descending.
 * Fetches limit + 1 rows.
 */
export async function searchOfType(
	db: Db,
	terms: SearchTerms,
	type: SearchEntityType,
	page: PageRequest
): Promise<SearchHitRow[]> {
	if (terms.length === 0) return [];
	const matches = db
		.selectFrom(sql<SearchHitRow>`(${await matching(db, terms)})`.as('m'))
		.selectAll('m')
		.where('m.entity_type', '=', type);
	return pageByKeyset(matches, page, { key: ['m.score', 'm.entity_id'], order: 'desc' }).execute();
}
