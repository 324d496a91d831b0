/**
 * A query whose shape never changes, built and compiled once and then run with new values: Kysely builds
 * and compiles a query anew at every call, about a seventh of the CPU of a page that runs a dozen small
 * queries (docs/performance.md). The values it takes are named placeholders while it is built:
 *
 *     const findEventRow = prepared((db, p: Placeholders<{ eventId: number }>) =>
 *         db.selectFrom('event').selectAll().where('id', '=', p.eventId));
 *     const rows = await findEventRow(db, { eventId: 7 });
 *
 * Only for a query whose text is the same for any values: each placeholder must become one bound
 * parameter. One used otherwise (in a condition of the builder, in raw or literal SQL, as a list for
 * `in`) would make a query that no longer says what it was built to say, so building refuses it, and a
 * list given as a value is refused when run. It runs through `db.executeQuery` as any query does, so the
 * log, the statement cache and the refusal of a request whose client has gone apply to it unchanged.
 */
import { createQueryId, type Compilable, type CompiledQuery, type Kysely } from 'kysely';
import type { Database } from './schema';

/** The values a prepared query takes, by name, each standing in for its value while it is built. */
export type Placeholders<Values> = { readonly [Name in keyof Values]: Values[Name] };

/** What a placeholder is while the query is built: recognised again among the compiled parameters. */
class Placeholder {
	constructor(readonly name: string) {}
}

interface Compiled {
	query: CompiledQuery;
	/** For each parameter, the name of the value it takes, or null for a value fixed when built. */
	names: (string | null)[];
}

function compile<Values>(
	db: Kysely<Database>,
	build: (db: Kysely<Database>, p: Placeholders<Values>) => Compilable<unknown>
): Compiled {
	const made: Placeholder[] = [];
	const p = new Proxy({} as Placeholders<Values>, {
		get(_, name) {
			if (typeof name !== 'string') return undefined;
			const placeholder = new Placeholder(name);
			made.push(placeholder);
			return placeholder;
		}
	});
	const query = build(db, p).compile();
	const names = query.parameters.map((value) => (value instanceof Placeholder ? value.name : null));
	for (const placeholder of made) {
		if (!query.parameters.includes(placeholder)) {
			throw new Error(`The prepared query's value "${placeholder.name}" is not one bound parameter`);
		}
	}
	return { query, names };
}

/**
 * The query `build` makes, compiled at its first run on each kind of database (the SQL differs between
 * SQLite and PostgreSQL), and a function running it with values: its rows.
 */
export function prepared<Values extends Record<string, unknown>, Row>(
	build: (db: Kysely<Database>, p: Placeholders<Values>) => Compilable<Row>
): (db: Kysely<Database>, values: Values) => Promise<Row[]> {
	// Keyed by the database's adapter: one for each opened database, shared by its transactions.
	const compiled = new WeakMap<object, Compiled>();
	return async (db, values) => {
		const adapter = db.getExecutor().adapter;
		let made = compiled.get(adapter);
		if (made === undefined) {
			made = compile(db, build);
			compiled.set(adapter, made);
		}
		const { query, names } = made;
		const parameters = names.map((name, i) => {
			if (name === null) return query.parameters[i];
			const value = values[name];
			if (Array.isArray(value)) throw new Error(`A prepared query takes no list ("${name}")`);
			return value;
		});
		const { rows } = await db.executeQuery<Row>({ ...query, parameters, queryId: createQueryId() });
		return rows;
	};
}
