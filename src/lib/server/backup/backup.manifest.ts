/**
 * A backup is a folder: `manifest.json`, the database copy beside it, and the enclosed files under
 * `files/` laid out as the file store lays them out. The manifest says what the copy must hold, so the
 * copy can be checked without the database it came from.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { formatByteSize } from '../../format/sizes';

export const MANIFEST_FILE = 'manifest.json';
export const FILES_FOLDER = 'files';
/** The database copy: SQLite's own file format, or pg_dump's custom format. */
export const DATABASE_COPY = { sqlite: 'database.sqlite', postgres: 'database.pgdump' } as const;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

const BackupManifestSchema = z.object({
	format: z.literal('protokol-backup'),
	formatVersion: z.literal(1),
	createdAt: z.string(),
	engine: z.enum(['sqlite', 'postgres']),
	/** PostgreSQL: the schema dumped, which a restore recreates under the same name. */
	schema: z.string().optional(),
	/** The newest migration the database had. */
	schemaVersion: z.string(),
	database: z.object({ file: z.string(), size: z.number().int(), sha256 }),
	/** Rows per table, read in the same snapshot as the copy. */
	tables: z.record(z.string(), z.number().int().nonnegative()),
	/** Every content the copy's letters enclose. */
	files: z.array(z.object({ sha256, size: z.number().int().nonnegative() }))
});

export type BackupManifest = z.infer<typeof BackupManifestSchema>;

export async function writeManifest(directory: string, manifest: BackupManifest): Promise<void> {
	await writeFile(join(directory, MANIFEST_FILE), `${JSON.stringify(manifest, null, '\t')}\n`, {
		flag: 'wx'
	});
}

/** The folder's manifest, or why there is none that can be read. */
export async function readManifest(
	directory: string
): Promise<{ manifest: BackupManifest } | { problem: string }> {
	const path = join(directory, MANIFEST_FILE);
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch {
		return {
			problem: `${path} is missing: this is not a backup made by npm run backup, or one that did not finish.`
		};
	}
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return { problem: `${path} is not JSON: the manifest was damaged.` };
	}
	const result = BackupManifestSchema.safeParse(parsed);
	if (!result.success) {
		const first = result.error.issues[0];
		return {
			problem: `${path} is not a Protokol backup manifest (${first?.path.join('.')}: ${first?.message}).`
		};
	}
	return { manifest: result.data };
}

/** Where a backup keeps one content: files/<first two hex digits>/<sha256>, as the file store does. */
export function backupFilesDirectory(directory: string): string {
	return join(directory, FILES_FOLDER);
}

/** "252 rows in 40 tables at schema 20261205_0400_index_login_failures, 1 file (5 bytes)" */
export function describeBackup(manifest: BackupManifest): string {
	const rows = Object.values(manifest.tables).reduce((sum, n) => sum + n, 0);
	const bytes = manifest.files.reduce((sum, file) => sum + file.size, 0);
	const files = `${manifest.files.length} ${manifest.files.length === 1 ? 'file' : 'files'}`;
	return `${rows} rows in ${Object.keys(manifest.tables).length} tables at schema ${manifest.schemaVersion}, ${files} (${formatByteSize(bytes, 'en')})`;
}
