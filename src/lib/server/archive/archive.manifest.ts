/**
 * An archive of everything (npm run export, the administrators' Export page) is one ZIP file:
 *
 *   README.txt                 what the archive is, and that it must be guarded
 *   tables/<table>.jsonl       every row, one JSON object a line, in primary-key order
 *   tables/<table>.csv         the same rows as CSV with a header line, for a spreadsheet
 *   files/<sha256>             every file the letters enclose
 *   manifest.json              last: the schema version, each table's columns, rows and last id, and
 *                              the size and SHA-256 of every other member
 *
 * The import reads the JSON lines; the CSV is for people, and checked against its SHA-256 all the same.
 */
import { z } from 'zod';

export const MANIFEST_MEMBER = 'manifest.json';
export const README_MEMBER = 'README.txt';
export const tableMember = (table: string, kind: 'jsonl' | 'csv') => `tables/${table}.${kind}`;
export const fileMember = (sha256: string) => `files/${sha256}`;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const MemberSchema = z.object({ sha256, size: z.number().int().nonnegative() });
const tableName = z.string().regex(/^[a-z_][a-z0-9_]*$/);

const ArchiveManifestSchema = z.object({
	format: z.literal('protokol-archive'),
	formatVersion: z.literal(1),
	/** When the export began: the moment its snapshot shows. */
	createdAt: z.string(),
	/** The engine exported from; an archive imports into either. */
	engine: z.enum(['sqlite', 'postgres']),
	/** The newest migration of the database exported: an import needs a Protokol at the same one. */
	schemaVersion: z.string(),
	tables: z.array(
		z.object({
			name: tableName,
			columns: z.array(z.string()).min(1),
			rows: z.number().int().nonnegative(),
			/** Tables that give out ids: the highest given out, so that an import never gives it out again. */
			lastId: z.number().int().nonnegative().nullable(),
			jsonl: MemberSchema,
			csv: MemberSchema
		})
	),
	files: z.array(MemberSchema),
	readme: MemberSchema
});

export type ArchiveManifest = z.infer<typeof ArchiveManifestSchema>;
export type ArchiveMember = z.infer<typeof MemberSchema>;

/** The manifest, or why the text is not one. */
export function parseManifest(text: string): { manifest: ArchiveManifest } | { problem: string } {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return { problem: `its ${MANIFEST_MEMBER} is not JSON: the archive was damaged.` };
	}
	const result = ArchiveManifestSchema.safeParse(parsed);
	if (!result.success) {
		const first = result.error.issues[0];
		return {
			problem: `its ${MANIFEST_MEMBER} is not a Protokol archive manifest (${first?.path.join('.')}: ${first?.message}).`
		};
	}
	return { manifest: result.data };
}

export const README_TEXT = `This is an archive of everything one Protokol holds, made by npm run export or the
administrators' Export page, and read back by npm run import (into an empty database, SQLite or
PostgreSQL, of the same schema version: see manifest.json).

It holds PERSONAL DATA (names, posts, contact details, correspondence and its files) and the
accounts' SECRETS (password and recovery-code hashes, the second-factor keys themselves, and the
hashes of session, personal-link and feed tokens). Guard it as the database itself: keep it encrypted at rest, pass it on only to whoever may
hold all of it, and delete it when it has served. The read API's tokens are not in it: after an
import, an administrator issues new ones.

tables/<table>.jsonl   every row, one JSON object a line, in primary-key order (what the import reads)
tables/<table>.csv     the same rows as CSV, for a spreadsheet
files/<sha256>         the files letters enclose, named by their SHA-256
manifest.json          the schema version, each table's columns, rows and last id, and the size and
                       SHA-256 of every member
`;

/** "252 rows in 40 tables at schema 20261206_0500_create_inbox_messages, 1 file" */
export function describeArchive(manifest: ArchiveManifest): string {
	const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
	const files = `${manifest.files.length} ${manifest.files.length === 1 ? 'file' : 'files'}`;
	return `${rows.toLocaleString('en')} rows in ${manifest.tables.length} tables at schema ${manifest.schemaVersion}, ${files}`;
}
