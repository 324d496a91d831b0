/**
 * `npm run db:generate`: a large office, made up, deterministic from a seed — the same seed and scale
 * give the same rows on either engine. Fills an empty database through bulk inserts in large
 * transactions, and writes each record's search document and dossier entries itself, with the app's
 * own functions (search.documents.ts, dossier.entries.ts), so that the index and the dossiers are exactly
 * what a refresh would make and nothing is left pending. Refuses a database that holds records already.
 */
import { Worker } from 'node:worker_threads';
import { systemActor } from '../../src/lib/server/audit/audit';
import type { DatabaseHandle } from '../../src/lib/server/db/connection';
import { migrateToLatest } from '../../src/lib/server/db/migrator';
import { refreshDossiers } from '../../src/lib/server/dossier/dossier.service';
import { refreshSearchIndex } from '../../src/lib/server/search/search.service';
import { createUser } from '../../src/lib/server/users/user.service';
import {
	analyzeAfterLoad,
	countRowsOf,
	findDanglingReferences,
	findDatabaseSize,
	insertRows,
	listFilledTables,
	moveIdentitiesPastRows,
	relaxSqliteDurability,
	restoreIndexesAndTriggers,
	restoreSqliteDurability,
	setAsideIndexesAndTriggers,
	type TableName
} from './generate.repository';
import {
	COLUMNS,
	isoDate,
	produce,
	RARE_WORD,
	TODAY,
	type Made,
	type Part,
	type Rows,
	type Scale,
	type WorldInput
} from './world';

export interface GenerateOptions {
	events: number;
	/** Default: one person for every five events (at least 100). */
	people?: number;
	/** Default: one for every 500 events (at least 100). */
	organizations?: number;
	seed?: string;
	/** An officer account to sign in with. */
	officer?: { email: string; password: string; name?: string };
	/** Progress lines (rows per second); the CLI writes them to stderr. */
	log?: (line: string) => void;
	/**
	 * Make the rows on a worker thread while the main thread writes those made before, so that the two
	 * overlap on two cores. Default: from WORKER_EVENTS events up, where it saves more than the worker's
	 * start (loading its modules) costs.
	 */
	inWorker?: boolean;
}

/** Records a benchmark or a test looks for, by id. */
export interface Landmarks {
	seed: string;
	/** "Today" for the generated statuses: events before it are held, after it planned. */
	today: string;
	heavyPerson: { id: number; name: string; events: number; feedToken: string };
	umbrella: { id: number; name: string; organizations: number; feedToken: string };
	/** An upcoming event with twenty agenda items. */
	longAgendaEventId: number;
	/** A word in one event's title only, and one in many. */
	rareWord: string;
	commonWord: string;
	officer: { id: number; email: string; password: string } | null;
}

export interface GenerateSummary {
	counts: Record<string, number>;
	bytes: number;
	seconds: number;
	landmarks: Landmarks;
}

export class GenerateRefused extends Error {}

/** The tables the generator fills. Any of them holding rows already makes it refuse. */
const FILLED: TableName[] = [
	'organization',
	'person',
	'person_position',
	'venue',
	'event_series',
	'event',
	'event_organization',
	'delegation',
	'event_participant',
	'agenda_item',
	'agenda_item_role',
	'outcome',
	'outcome_party',
	'outcome_status_change',
	'topic',
	'correspondence',
	'correspondence_event',
	'agreement',
	'agreement_party',
	'agreement_correspondence',
	'project',
	'project_partner',
	'project_event',
	'project_outcome',
	'project_correspondence',
	'project_agreement',
	'calendar_feed',
	'search_document',
	'chooser_word',
	'dossier_entry'
];
/** Those with an id column the generator fills in. */
const IDENTITIES: TableName[] = [
	'organization',
	'person',
	'person_position',
	'venue',
	'event_series',
	'event',
	'delegation',
	'event_participant',
	'agenda_item',
	'outcome',
	'outcome_status_change',
	'topic',
	'correspondence',
	'agreement',
	'project',
	'search_document'
];

/** Fills the database behind `handle` (migrating it first) and says what it wrote. */
export async function generateData(
	handle: DatabaseHandle,
	options: GenerateOptions
): Promise<GenerateSummary> {
	const started = performance.now();
	const log = options.log ?? (() => {});
	const { db } = handle;
	const seed = options.seed ?? 'protokol';
	const events = Math.max(1, Math.floor(options.events));
	const scale: Scale = {
		events,
		people: options.people ?? Math.max(100, Math.round(events / 5)),
		organizations: Math.max(100, options.organizations ?? Math.round(events / 500)),
		series: Math.max(5, Math.round(events / 200))
	};

	await migrateToLatest(handle);
	const filled = await listFilledTables(db, FILLED);
	if (filled.length > 0) {
		const held = filled.map((f) => `${f.rows >= 1000 ? '1000+' : f.rows} ${f.table}`).join(', ');
		throw new GenerateRefused(
			`${handle.description} already holds records (${held}). The generator fills an empty database only: ` +
				'it numbers its records from 1 and would mix made-up records with real ones. Use a new file or an empty database.'
		);
	}
	// Whatever else is there (an account, settings) gets its documents first, so that what is pending
	// after the load is the generator's alone.
	await refreshSearchIndex(db);
	await refreshDossiers(db);

	const officer = options.officer
		? await createUser(db, systemActor('data generator'), {
				email: options.officer.email.trim().toLowerCase(),
				name: options.officer.name ?? 'Generated Officer',
				role: 'officer',
				password: options.officer.password
			})
		: null;

	const saved = handle.engine === 'sqlite' ? await relaxSqliteDurability(db) : null;
	const meter = new Meter(log);
	const input = { seed, scale, officerId: officer?.id ?? null };
	let landmarks: Landmarks;
	try {
		// One transaction: a failure leaves the database as it was, triggers and indexes included.
		const made = await db.transaction().execute(async (tx) => {
			const saved = await setAsideIndexesAndTriggers(tx, FILLED);
			const parts =
				(options.inWorker ?? events >= WORKER_EVENTS)
					? partsFromWorker(input)
					: produce(input.seed, input.scale, input.officerId);
			let next = await parts.next();
			for (; !next.done; next = await parts.next()) {
				meter.add(await flush(tx, next.value.rows));
				if (next.value.stage) meter.report(next.value.stage);
			}
			const made = next.value;
			const indexing = performance.now();
			await restoreIndexesAndTriggers(tx, saved);
			const checking = performance.now();
			const dangling = await findDanglingReferences(tx);
			if (dangling.length > 0)
				throw new Error(`generated references lead nowhere: ${JSON.stringify(dangling)}`);
			await moveIdentitiesPastRows(tx, IDENTITIES);
			const seconds = (from: number, to = performance.now()) => ((to - from) / 1000).toFixed(1);
			log(`indexed in ${seconds(indexing)} s (references checked in ${seconds(checking)} s)`);
			return made;
		});
		landmarks = {
			seed,
			today: isoDate(TODAY),
			...made,
			rareWord: RARE_WORD,
			commonWord: 'migration',
			officer:
				officer && options.officer
					? { id: officer.id, email: officer.email, password: options.officer.password }
					: null
		};
	} finally {
		if (saved) await restoreSqliteDurability(db, saved);
	}
	const analyzing = performance.now();
	await analyzeAfterLoad(db, FILLED);
	log(`analyzed in ${((performance.now() - analyzing) / 1000).toFixed(1)} s`);
	return {
		counts: await countRowsOf(db, FILLED),
		bytes: await findDatabaseSize(db),
		seconds: (performance.now() - started) / 1000,
		landmarks
	};
}

/** From this many events up, the rows are made on a worker thread (GenerateOptions.inWorker). */
const WORKER_EVENTS = 20_000;

/**
 * The parts of `produce`, made on a worker thread (world.worker.ts) a few ahead of the one being written.
 * The structured clone that carries a part over costs the main thread about a twentieth of what making it
 * costs. Ends the worker however the load ends.
 */
async function* partsFromWorker(input: Omit<WorldInput, 'written'>): AsyncGenerator<Part, Made> {
	const written = new SharedArrayBuffer(4);
	const count = new Int32Array(written);
	const worker = new Worker(new URL('./world.worker.mjs', import.meta.url), {
		workerData: { ...input, written } satisfies WorldInput
	});
	const waiting: { part?: Part; made?: Made }[] = [];
	let failure: unknown;
	let wake = () => {};
	worker.on('message', (message: { part?: Part; made?: Made }) => {
		waiting.push(message);
		wake();
	});
	worker.on('error', (error) => {
		failure ??= error;
		wake();
	});
	worker.on('exit', (code) => {
		failure ??= new Error(`the generator's worker thread stopped (exit code ${code})`);
		wake();
	});
	try {
		for (let parts = 0; ;) {
			while (waiting.length === 0) {
				if (failure) throw failure;
				await new Promise<void>((resolve) => (wake = resolve));
			}
			const message = waiting.shift()!;
			if (message.made) return message.made;
			yield message.part!;
			Atomics.store(count, 0, ++parts);
			Atomics.notify(count, 0);
		}
	} finally {
		worker.removeAllListeners();
		await worker.terminate();
	}
}

async function flush(db: DatabaseHandle['db'], rows: Rows): Promise<number> {
	let written = 0;
	for (const table of Object.keys(COLUMNS) as (keyof typeof COLUMNS)[]) {
		const list = rows[table];
		if (list.length === 0) continue;
		await insertRows(db, table, COLUMNS[table], list);
		written += list.length;
	}
	return written;
}

class Meter {
	#rows = 0;
	#started = performance.now();
	constructor(private readonly log: (line: string) => void) {}
	add(rows: number) {
		this.#rows += rows;
	}
	report(stage: string) {
		const seconds = (performance.now() - this.#started) / 1000;
		this.log(
			`${stage}: ${this.#rows.toLocaleString('en')} rows in ${seconds.toFixed(1)} s, ` +
				`${Math.round(this.#rows / seconds).toLocaleString('en')} rows/s`
		);
	}
}
