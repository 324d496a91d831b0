/**
 * Moving enclosed files between two file stores (the office's and a backup's), each checked against the
 * SHA-256 that names it on the way, so that a damaged file is never copied as if it were sound.
 */
import { createHash } from 'node:crypto';
import { Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stageFile } from '../files/file.staging';
import type { FileStorage } from '../files/file.storage';

export interface ContentEntry {
	sha256: string;
	size: number;
}

/** The content is not in the store it was to be copied from. */
export class ContentMissing extends Error {
	constructor(readonly sha256: string) {
		super(`The file ${sha256} is missing.`);
	}
}

/** Copies one content from `from` into `to`; throws when it is missing there or its bytes are not its name's. */
export async function copyContent(from: FileStorage, to: FileStorage, entry: ContentEntry): Promise<void> {
	const content = await from.get(entry.sha256);
	if (!content) throw new ContentMissing(entry.sha256);
	const staged = await stageFile(content, to.stagingDirectory, Number.MAX_SAFE_INTEGER);
	try {
		const problem = contentProblem(entry, staged);
		if (problem) throw new Error(problem);
		await to.put(entry.sha256, staged.path);
	} finally {
		await staged.discard();
	}
}

/** Why the content found is not the content expected, or null when it is. */
export function contentProblem(
	expected: ContentEntry,
	found: { sha256: string; size: number }
): string | null {
	if (found.sha256 !== expected.sha256) return `the file ${expected.sha256} does not match its SHA-256`;
	if (found.size !== expected.size) {
		return `the file ${expected.sha256} is ${found.size} bytes, not ${expected.size}`;
	}
	return null;
}

/** The SHA-256 and size of a stream's bytes, read to the end. */
export async function measureContent(content: Readable): Promise<{ sha256: string; size: number }> {
	const hash = createHash('sha256');
	let size = 0;
	await pipeline(
		content,
		new Writable({
			write(chunk: Buffer, _encoding, done) {
				hash.update(chunk);
				size += chunk.length;
				done();
			}
		})
	);
	return { sha256: hash.digest('hex'), size };
}
