/**
 * What an export reads of a database and an import writes into one, table by table whatever the
 * table: its columns (generated ones left out: the engine computes them), its primary key, the foreign
 * keys that order the tables, pages of rows along the primary key, batches of rows in, and the highest
 * id each table has handed out. The tables themselves are listed by backup.repository.ts.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Engine } from '../db/connection';
import type { Database } from '../db/schema';

export type Row = Record<string, unknown>;

export interface TableShape {
	name: string;
	/** Every column the rows carry, in the table's order; generated columns left out. */
	columns: string[];
	/** The primary key's columns, in the key's order: the order rows are read and written in. */
	key: string[];
	/** True when the table gives out its own ids (an identity column, AUTOINCREMENT). */
	identity: boolean;
}

export async function describeTable(
	db: Kysely<Database>,
	engine: Engine,
	table: string
): Promise<TableShape> {
	if (engine === 'sqlite') {
		const { rows } = await sql<{ name: string; pk: number; hidden: number }>`select name, pk, hidden
			from pragma_table_xinfo(${table}) order by cid`.execute(db);
		const { rows: created } = await sql<{ sql: string }>`select sql from sqlite_master
			where type = 'table' and name = ${table}`.execute(db);
		return {
			name: table,
			// hidden 2 and 3: generated columns (1 is a virtual table's hidden column).
			columns: rows.filter((row) => row.hidden === 0).map((row) => row.name),
			key: rows
				.filter((row) => row.pk > 0)
				.sort((a, b) => a.pk - b.pk)
				.map((row) => row.name),
			identity: /\bautoincrement\b/i.test(created[0]?.sql ?? '')
		};
	}
	const { rows } = await sql<{ name: string; identity: string }>`select column_name as name,
			is_identity as identity
		from information_schema.columns
		where table_schema = current_schema() and table_name = ${table} and is_generated = 'NEVER'
		order by ordinal_position`.execute(db);
	const { rows: key } = await sql<{ name: string }>`select a.attname as name
		from pg_index i
		join lateral unnest(i.indkey) with ordinality as k(attnum, position) on true
		join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
		where i.indrelid = ${sql.lit(`"${table}"`)}::regclass and i.indisprimary
		order by k.position`.execute(db);
	return {
		name: table,
		columns: rows.map((row) => row.name),
		key: key.map((row) => row.name),
		identity: rows.some((row) => row.identity === 'YES')
	};
}

/** Each table's foreign keys, as the tables they point at (a table may point at itself). */
export async function listReferencedTables(
	db: Kysely<Database>,
	engine: Engine,
	tables: string[]
): Promise<Map<string, string[]>> {
	const references = new Map<string, string[]>();
	for (const table of tables) {
		const { rows } =
			engine === 'sqlite'
				? await sql<{ target: string }>`select distinct "table" as target
						from pragma_foreign_key_list(${table})`.execute(db)
				: await sql<{ target: string }>`select distinct c.confrelid::regclass::text as target
						from pg_constraint c
						where c.contype = 'f' and c.conrelid = ${sql.lit(`"${table}"`)}::regclass`.execute(db);
		references.set(
			table,
			rows.map((row) => row.target.replace(/^"|"$/g, ''))
		);
	}
	return references;
}

/**
 * The page of rows after `after` (a primary key's values; null for the first page), in key order. Each
 * page is one indexed range of the primary key, so reading a whole table costs what reading it once does.
 */
export async function listRowsAfter(
	db: Kysely<Database>,
	shape: TableShape,
	after: unknown[] | null,
	limit: number
): Promise<Row[]> {
	const columns = sql.join(shape.columns.map((column) => sql.ref(column)));
	const key = shape.key.map((column) => sql.ref(column));
	const keyValue = key.length === 1 ? key[0]! : sql`(${sql.join(key)})`;
	const afterValue =
		after === null
			? null
			: after.length === 1
				? sql`${after[0]}`
				: sql`(${sql.join(after.map((v) => sql`${v}`))})`;
	const { rows } = await sql<Row>`select ${columns} from ${sql.table(shape.name)}
		${afterValue === null ? sql`` : sql`where ${keyValue} > ${afterValue}`}
		order by ${sql.join(key)} limit ${limit}`.execute(db);
	return rows;
}

/** Writes the rows as they are, ids included. */
export async function insertRows(tx: Transaction<Database>, table: string, rows: Row[]): Promise<void> {
	if (rows.length === 0) return;
	await (tx as unknown as Transaction<Record<string, Row>>).insertInto(table).values(rows).execute();
}

/** Empties a table the triggers write (the pending notes), before the archive's own rows go in. */
export async function deleteAllRows(tx: Transaction<Database>, table: string): Promise<void> {
	await sql`delete from ${sql.table(table)}`.execute(tx);
}

/**
 * The highest id the table has handed out, whether or not a row still has it (ids are never given out
 * twice: db/schema-kit.ts idColumn), or 0 when it has handed out none.
 */
export async function findLastIssuedId(db: Kysely<Database>, engine: Engine, table: string): Promise<number> {
	if (engine === 'sqlite') {
		const { rows } = await sql<{
			seq: number;
		}>`select seq from sqlite_sequence where name = ${table}`.execute(db);
		return Number(rows[0]?.seq ?? 0);
	}
	const sequence = await identitySequence(db, table);
	const { rows } = await sql<{ last_value: number; is_called: boolean }>`select last_value, is_called
		from ${sql.raw(sequence)}`.execute(db);
	const row = rows[0]!;
	return row.is_called ? Number(row.last_value) : Number(row.last_value) - 1;
}

/** Makes the table hand out ids after `lastId` next, as the database the archive came from would. */
export async function setLastIssuedId(
	tx: Transaction<Database>,
	engine: Engine,
	table: string,
	lastId: number
): Promise<void> {
	if (engine === 'sqlite') {
		// SQLite moved its sequence to the largest id written; an id handed out and deleted since lies above.
		await sql`delete from sqlite_sequence where name = ${table}`.execute(tx);
		if (lastId > 0)
			await sql`insert into sqlite_sequence (name, seq) values (${table}, ${lastId})`.execute(tx);
		return;
	}
	// Explicit ids leave an identity column's sequence where it was: it would hand out 1 next.
	const sequence = await identitySequence(tx, table);
	await sql`select setval(${sequence}, ${Math.max(lastId, 1)}, ${lastId > 0})`.execute(tx);
}

async function identitySequence(db: Kysely<Database>, table: string): Promise<string> {
	const { rows } = await sql<{ sequence: string | null }>`select pg_get_serial_sequence(${`"${table}"`},
			(select column_name from information_schema.columns
				where table_schema = current_schema() and table_name = ${table} and is_identity = 'YES' limit 1)
		) as sequence`.execute(db);
	const sequence = rows[0]?.sequence;
	if (!sequence) throw new Error(`The table ${table} has no identity column.`);
	return sequence;
}

/**
 * SQLite: foreign keys are checked at the commit rather than at each row, so that rows referring to a
 * row of their own table further on (or across a cycle) can go in in key order.
 * PostgreSQL: the same, by making every foreign key deferrable for this transaction; `checkForeignKeys`
 * checks them all and makes them as they were, inside the same transaction.
 */
export async function deferForeignKeys(tx: Transaction<Database>, engine: Engine): Promise<ForeignKey[]> {
	if (engine === 'sqlite') {
		await sql`pragma defer_foreign_keys = on`.execute(tx);
		return [];
	}
	const deferred = await listImmediateForeignKeys(tx);
	for (const constraint of deferred) {
		await sql`alter table ${sql.table(constraint.table)} alter constraint ${sql.id(constraint.name)}
			deferrable initially deferred`.execute(tx);
	}
	await sql`set constraints all deferred`.execute(tx);
	return deferred;
}

/** PostgreSQL: checks what deferForeignKeys let wait, and makes the foreign keys immediate again. */
export async function checkForeignKeys(tx: Transaction<Database>, deferred: ForeignKey[]): Promise<void> {
	if (deferred.length === 0) return;
	await sql`set constraints all immediate`.execute(tx);
	for (const constraint of deferred) {
		await sql`alter table ${sql.table(constraint.table)} alter constraint ${sql.id(constraint.name)}
			not deferrable`.execute(tx);
	}
}

interface ForeignKey {
	table: string;
	name: string;
}

async function listImmediateForeignKeys(tx: Transaction<Database>): Promise<ForeignKey[]> {
	const { rows } = await sql<ForeignKey>`select cl.relname as table, c.conname as name
		from pg_constraint c
		join pg_class cl on cl.oid = c.conrelid
		join pg_namespace n on n.oid = cl.relnamespace
		where c.contype = 'f' and n.nspname = current_schema() and not c.condeferrable
		order by cl.relname, c.conname`.execute(tx);
	return rows;
}
