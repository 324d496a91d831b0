/**
 * Where enclosures' files are kept and how large one may be, from the environment (the README's
 * Configuration table). scripts/serve.ts reads FILE_SIZE_LIMIT too, to let adapter-node accept an
 * upload of that size (BODY_SIZE_LIMIT).
 */
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_DATABASE_URL, parseDatabaseUrl } from '../db/connection';

export const DEFAULT_FILE_SIZE_LIMIT = 20 * 1024 * 1024;
/** Sizes are stored in integer columns: a limit stays well inside them. */
const LARGEST_FILE_SIZE_LIMIT = 1024 * 1024 * 1024;

/** "20M", "512K", "1G" or a number of bytes, as adapter-node reads BODY_SIZE_LIMIT; null when neither. */
export function parseByteSize(text: string): number | null {
	const match = /^(\d+)([KMG]?)$/i.exec(text.trim());
	if (!match) return null;
	const unit = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[
		match[2]!.toUpperCase() as '' | 'K' | 'M' | 'G'
	];
	return Number(match[1]) * unit;
}

export interface FileSettings {
	/** The largest file accepted, in bytes. */
	sizeLimit: number;
	/** The folder the file store keeps its files in, outside the web root. */
	directory: string;
}

/** FILE_SIZE_LIMIT (default 20M) and FILES_DIR (default: `files` beside the SQLite file, else ./data/files). */
export function fileSettings(env: NodeJS.ProcessEnv = process.env): FileSettings {
	const sizeLimit = env.FILE_SIZE_LIMIT ? parseByteSize(env.FILE_SIZE_LIMIT) : DEFAULT_FILE_SIZE_LIMIT;
	if (sizeLimit === null || sizeLimit <= 0 || sizeLimit > LARGEST_FILE_SIZE_LIMIT) {
		throw new Error(
			`FILE_SIZE_LIMIT must be a size from 1 byte to 1G, such as 20M, not "${env.FILE_SIZE_LIMIT}"`
		);
	}
	return { sizeLimit, directory: resolve(env.FILES_DIR || defaultDirectory(env)) };
}

function defaultDirectory(env: NodeJS.ProcessEnv): string {
	const location = parseDatabaseUrl(env.DATABASE_URL || DEFAULT_DATABASE_URL);
	if (location.engine === 'sqlite' && location.filename !== ':memory:') {
		return join(dirname(location.filename), 'files');
	}
	return join('data', 'files');
}
