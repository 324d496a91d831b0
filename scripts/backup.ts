/**
 * Backups from the command line, of the database DATABASE_URL names and the files in FILES_DIR (the
 * README's "Backing up and restoring"):
 *   npm run backup -- <folder>              copy them into a new folder, then check the copy
 *   npm run restore -- <folder> [--force]   restore a backup into an empty database (--force: replace
 *                                           what the database holds)
 *   npm run backup:verify -- <folder>       check a backup against its manifest
 * Each ends with status 0 when all went well, 1 when not (saying why), 2 when used wrongly.
 */
import { describeBackup } from '../src/lib/server/backup/backup.manifest';
import { restoreBackup, takeBackup, verifyBackup } from '../src/lib/server/backup/backup.service';
import { dataLocation } from '../src/lib/server/backup/backup.settings';

const USAGE = 'Usage: tsx scripts/backup.ts backup <folder> | restore <folder> [--force] | verify <folder>';

async function main([command, folder, ...options]: string[]): Promise<number> {
	const force = options.includes('--force');
	if (!folder || options.some((option) => option !== '--force') || (force && command !== 'restore')) {
		console.error(USAGE);
		return 2;
	}
	const location = dataLocation();
	if (command === 'backup') {
		const manifest = await takeBackup(location, folder);
		console.log(`Backed up ${describeBackup(manifest)} to ${folder}.`);
		console.log('Checked: the copy matches its manifest, and every file its SHA-256.');
		return 0;
	}
	if (command === 'verify') {
		const { manifest, problems } = await verifyBackup(folder);
		if (!manifest || problems.length > 0) {
			console.error(`${folder} is not a sound backup:\n${problems.map((p) => `- ${p}`).join('\n')}`);
			return 1;
		}
		console.log(`${folder} is sound: ${describeBackup(manifest)}, made ${manifest.createdAt}.`);
		return 0;
	}
	if (command === 'restore') {
		const { manifest, description } = await restoreBackup(folder, location, { force });
		console.log(`Restored ${describeBackup(manifest)}, backed up ${manifest.createdAt}, into ${description}`);
		console.log(`and ${location.filesDirectory}. The server brings the schema up to date when it starts.`);
		return 0;
	}
	console.error(USAGE);
	return 2;
}

main(process.argv.slice(2))
	.then((code) => {
		process.exitCode = code;
	})
	.catch((error: unknown) => {
		console.error(error instanceof Error ? error.message : error);
		process.exitCode = 1;
	});
