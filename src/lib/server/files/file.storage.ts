/**
 * The file store: content kept under its SHA-256, streamed in and out. `FileStorage` is all the rest of
 * the app knows of it, so an object store can take the local folder's place; what comes in is staged on
 * local disk first (file.staging.ts), where its hash and type are found before anything is kept.
 */
import { createReadStream } from 'node:fs';
import { access, mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

export interface FileStorage {
	/**
	 * Keeps the staged file at `localPath` as the content named `sha256`, moving it in; when that content
	 * is kept already, the staged copy is removed instead. True when the content is new.
	 */
	put(sha256: string, localPath: string): Promise<boolean>;
	/** The content as a stream, or null when there is none of that name. */
	get(sha256: string): Promise<Readable | null>;
	/** Removes the content; nothing happens when there is none. */
	delete(sha256: string): Promise<void>;
	exists(sha256: string): Promise<boolean>;
	/** A folder on the same disk as the store where uploads are staged (a rename then keeps them). */
	readonly stagingDirectory: string;
}

const SHA256 = /^[0-9a-f]{64}$/;

/** Only a lower-case hex SHA-256 names content: nothing else can reach a path. */
function checkedName(sha256: string): string {
	if (!SHA256.test(sha256)) throw new Error(`Not a SHA-256: ${JSON.stringify(sha256.slice(0, 80))}`);
	return sha256;
}

/**
 * Content in a local folder, as `<root>/<first two hex digits>/<sha256>`, uploads staged in
 * `<root>/.incoming`. Renames within one disk are atomic: a file is there whole or not at all.
 */
export function localFileStorage(root: string): FileStorage {
	const pathOf = (sha256: string) => join(root, checkedName(sha256).slice(0, 2), sha256);
	const exists = async (sha256: string) =>
		access(pathOf(sha256)).then(
			() => true,
			() => false
		);
	return {
		stagingDirectory: join(root, '.incoming'),
		async put(sha256, localPath) {
			const target = pathOf(sha256);
			if (await exists(sha256)) {
				await rm(localPath, { force: true });
				return false;
			}
			await mkdir(join(root, sha256.slice(0, 2)), { recursive: true });
			await rename(localPath, target);
			return true;
		},
		async get(sha256) {
			const path = pathOf(sha256);
			// Opened before it is handed out, so a missing file is null here, not an error mid-stream.
			const found = await stat(path).catch(() => null);
			if (!found?.isFile()) return null;
			return createReadStream(path);
		},
		async delete(sha256) {
			await rm(pathOf(sha256), { force: true });
		},
		exists
	};
}
