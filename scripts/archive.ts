/**
 * The archive of everything, from the command line (the README's "Export and import"):
 *   npm run export -- <file.zip> [--database URL]   every table, the files letters enclose and a manifest,
 *                                                   from the database DATABASE_URL (or --database) names
 *                                                   and the files in FILES_DIR
 *   npm run import -- <file.zip> [--database URL]   into an empty database of either engine (a new one is
 *                                                   migrated first), the files into FILES_DIR
 * Progress, rows per table, goes to standard error; the summary to standard output. Each ends with
 * status 0 when all went well, 1 when not (saying why), 2 when used wrongly.
 */
import { createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeArchive } from '../src/lib/server/archive/archive.export';
import { ImportRefused, importArchive } from '../src/lib/server/archive/archive.import';
import { describeArchive } from '../src/lib/server/archive/archive.manifest';
import { dataLocation } from '../src/lib/server/backup/backup.settings';

const USAGE =
	'Usage: npm run export -- <file.zip> [--database URL] | npm run import -- <file.zip> [--database URL]';

/** One line per table when it is done, and one every few seconds while a large one is read. */
function progressReporter(verb: string) {
	let lastLine = Date.now();
	return ({ table, rows, done }: { table: string; rows: number; done: boolean }) => {
		const now = Date.now();
		if (!done && now - lastLine < 2_000) return;
		lastLine = now;
		console.error(
			`${verb} ${table.padEnd(30)} ${rows.toLocaleString('en').padStart(12)} rows${done ? '' : ' …'}`
		);
	};
}

async function main(argv: string[]): Promise<number> {
	const { values, positionals } = parseArgs({
		args: argv,
		allowPositionals: true,
		options: { database: { type: 'string' } }
	});
	const [command, file] = positionals;
	if ((command !== 'export' && command !== 'import') || !file || positionals.length > 2) {
		console.error(USAGE);
		return 2;
	}
	const env = values.database ? { ...process.env, DATABASE_URL: values.database } : process.env;
	const location = dataLocation(env);
	const target = resolve(file);
	if (command === 'export') {
		if (await stat(target).catch(() => null)) {
			console.error(`${target} exists already: an export never overwrites anything. Name a new file.`);
			return 1;
		}
		// Written under another name and renamed when whole, so a file of that name is a whole archive.
		const partial = `${target}.partial`;
		try {
			const manifest = await writeArchive(location, createWriteStream(partial, { flags: 'wx' }), {
				onProgress: progressReporter('exported')
			});
			await rename(partial, target);
			console.log(`Exported ${describeArchive(manifest)} to ${target}.`);
			console.log("It holds personal data and the accounts' secrets: guard it as the database itself.");
			return 0;
		} catch (error) {
			await rm(partial, { force: true });
			throw error;
		}
	}
	try {
		const { manifest, description } = await importArchive(target, location, {
			onProgress: progressReporter('imported')
		});
		console.log(`Imported ${describeArchive(manifest)}, exported ${manifest.createdAt}, into ${description}`);
		console.log(`and its files into ${location.filesDirectory}.`);
		return 0;
	} catch (error) {
		if (error instanceof ImportRefused) {
			console.error(`Nothing was imported. ${error.message}`);
			return 1;
		}
		throw error;
	}
}

main(process.argv.slice(2))
	.then((code) => {
		process.exitCode = code;
	})
	.catch((error: unknown) => {
		console.error(error instanceof Error ? error.message : error);
		process.exitCode = 1;
	});
