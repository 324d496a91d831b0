/**
 * An upload on its way in: streamed to a temporary file in the store's staging folder while its SHA-256
 * is computed and its bytes counted, never held whole in memory. Past the size limit nothing more is
 * written, and the rest of the stream is read and dropped, so the client gets an answer rather than a
 * closed connection.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface StagedFile {
	/** Where the bytes are, until the store keeps them or `discard` removes them. */
	path: string;
	sha256: string;
	size: number;
	/** True when the content went past the limit: what is staged is only its beginning. */
	tooLarge: boolean;
	/** Removes the staged file (nothing happens once the store has moved it in). */
	discard(): Promise<void>;
}

export async function stageFile(
	content: Readable,
	directory: string,
	sizeLimit: number
): Promise<StagedFile> {
	await mkdir(directory, { recursive: true });
	const path = join(directory, `${randomBytes(16).toString('hex')}.part`);
	const hash = createHash('sha256');
	let size = 0;
	let tooLarge = false;
	const discard = () => rm(path, { force: true });
	const counter = new Transform({
		transform(chunk: Buffer, _encoding, done) {
			if (tooLarge) return done();
			size += chunk.length;
			if (size > sizeLimit) {
				tooLarge = true;
				return done();
			}
			hash.update(chunk);
			done(null, chunk);
		}
	});
	try {
		await pipeline(content, counter, createWriteStream(path, { flags: 'wx' }));
	} catch (error) {
		await discard();
		throw error;
	}
	return { path, sha256: hash.digest('hex'), size, tooLarge, discard };
}

/** Reads a stream to its end and drops what it holds. */
export async function drain(content: Readable): Promise<void> {
	await pipeline(content, new Writable({ write: (_chunk, _encoding, done) => done() }));
}
