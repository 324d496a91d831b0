/**
 * npm run db:generate -- --events 1000000 [--people N] [--organizations N] [--seed S]
 *                        [--database URL] [--officer email:password] [--landmarks FILE]
 * Fills an empty database (DATABASE_URL, or --database) with a large made-up office: see
 * db/generate/generate.ts. Progress goes to standard error; the summary and the landmarks (the ids a
 * benchmark looks for) to standard output, and the landmarks also to --landmarks, by default a
 * .landmarks.json file beside an SQLite database.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_DATABASE_URL, openDatabase } from '../src/lib/server/db/connection';
import { RuleViolation } from '../src/lib/server/errors';
import { generateData, GenerateRefused } from '../db/generate/generate';

const USAGE = `Usage: npm run db:generate -- --events N [--people N] [--organizations N] [--seed S]
       [--database URL] [--officer email:password] [--landmarks FILE]`;

function count(value: string | undefined, name: string): number | undefined {
	if (value === undefined) return undefined;
	const n = Number(value.replace(/[_,]/g, ''));
	if (!Number.isInteger(n) || n < 1)
		throw new UsageError(`--${name} must be a whole number above 0, not "${value}".`);
	return n;
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
	const { values } = parseArgs({
		args: argv,
		options: {
			events: { type: 'string' },
			people: { type: 'string' },
			organizations: { type: 'string' },
			seed: { type: 'string' },
			database: { type: 'string' },
			officer: { type: 'string' },
			landmarks: { type: 'string' }
		}
	});
	const events = count(values.events, 'events');
	if (events === undefined) throw new UsageError('--events is required.');
	let officer: { email: string; password: string } | undefined;
	if (values.officer !== undefined) {
		const at = values.officer.indexOf(':');
		if (at < 1) throw new UsageError('--officer takes email:password.');
		officer = { email: values.officer.slice(0, at), password: values.officer.slice(at + 1) };
	}
	const url = values.database ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
	const handle = openDatabase(url);
	try {
		console.error(`Generating ${events.toLocaleString('en')} events into ${handle.description} …`);
		const summary = await generateData(handle, {
			events,
			people: count(values.people, 'people'),
			organizations: count(values.organizations, 'organizations'),
			seed: values.seed,
			officer,
			log: (line) => console.error(line)
		});
		const landmarksFile =
			values.landmarks ?? (handle.filename ? `${handle.filename}.landmarks.json` : undefined);
		if (landmarksFile) writeFileSync(landmarksFile, `${JSON.stringify(summary.landmarks, null, '\t')}\n`);
		for (const [table, n] of Object.entries(summary.counts)) {
			console.log(`${table.padEnd(26)} ${n.toLocaleString('en').padStart(12)}`);
		}
		console.log(
			`${handle.description}: ${(summary.bytes / 2 ** 20).toFixed(0)} MiB in ${summary.seconds.toFixed(1)} s` +
				(landmarksFile ? `; landmarks in ${landmarksFile}` : '')
		);
		console.log(JSON.stringify(summary.landmarks));
		return 0;
	} finally {
		await handle.close();
	}
}

main(process.argv.slice(2))
	.then((code) => {
		process.exitCode = code;
	})
	.catch((error: unknown) => {
		if (error instanceof UsageError) console.error(`${error.message}\n${USAGE}`);
		else if (error instanceof RuleViolation)
			console.error(Object.values(error.fields).join(' ') || error.message);
		else console.error(error instanceof GenerateRefused ? error.message : error);
		process.exitCode = error instanceof UsageError || error instanceof GenerateRefused ? 2 : 1;
	});
