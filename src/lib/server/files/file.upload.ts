/**
 * Receiving one file from a multipart form, streamed: busboy parses the request body as it arrives, and
 * the file part goes straight to the store's staging folder (file.staging.ts). SvelteKit's
 * `request.formData()` would hold the whole body in memory first. The body is always read to its end,
 * whatever is wrong with it, so that the answer reaches the browser instead of a closed connection.
 */
import { Readable } from 'node:stream';
import busboy from 'busboy';
import { drain, stageFile, type StagedFile } from './file.staging';

export interface Upload {
	/** The file sent, staged on disk with its hash and size; null when none was chosen. */
	file: { staged: StagedFile; name: string } | null;
	/**
	 * What kept it from arriving whole: `too-large` when the request was larger than the server reads
	 * at all (BODY_SIZE_LIMIT); `malformed` when it was not a well-formed multipart form.
	 */
	problem: 'too-large' | 'malformed' | null;
}

/** The file of the form's field `field`, staged under `directory`; anything else in the form is read and dropped. */
export async function receiveUpload(
	request: Request,
	options: { field: string; directory: string; sizeLimit: number }
): Promise<Upload> {
	const contentType = request.headers.get('content-type') ?? '';
	if (!request.body) return { file: null, problem: null };
	const body = Readable.fromWeb(request.body as import('node:stream/web').ReadableStream<Uint8Array>);
	if (!/^multipart\/form-data/i.test(contentType)) {
		return { file: null, problem: await drain(body).then(() => null, problemOf) };
	}
	let parser: busboy.Busboy;
	try {
		// Browsers send file names as raw UTF-8: defParamCharset reads them so.
		parser = busboy({
			headers: { 'content-type': contentType },
			defParamCharset: 'utf8',
			limits: { files: 1, fields: 20, fieldSize: 10_000, parts: 30 }
		});
	} catch {
		return { file: null, problem: await drain(body).then(() => null, problemOf) };
	}
	type Received = { staged: StagedFile; name: string };
	const staging: Promise<Received>[] = [];
	parser.on('file', (name, stream, info) => {
		if (name !== options.field || staging.length > 0 || !info.filename) {
			stream.resume();
			return;
		}
		const fileName = info.filename;
		const received = stageFile(stream, options.directory, options.sizeLimit).then((staged): Received => ({
			staged,
			name: fileName
		}));
		// Observed here so that a failure waits for the body to end rather than going unhandled.
		received.catch(() => undefined);
		staging.push(received);
	});
	const problem = await parse(body, parser);
	const [first] = staging;
	const file = first ? await first.catch(() => null) : null;
	if (problem && file) {
		await file.staged.discard();
		return { file: null, problem };
	}
	if (first && !file) return { file: null, problem: problem ?? 'malformed' };
	return { file, problem };
}

/**
 * Feeds the body to the parser. Not `pipeline`: on a fault it would destroy the body, and adapter-node
 * answers that by destroying the connection. After a fault of the parser's, the rest is read and dropped.
 */
function parse(body: Readable, parser: busboy.Busboy): Promise<Upload['problem']> {
	return new Promise((resolve) => {
		body.once('error', (error) => resolve(problemOf(error)));
		parser.once('error', () => {
			body.unpipe(parser);
			body.once('end', () => resolve('malformed'));
			body.resume();
		});
		parser.once('close', () => resolve(null));
		body.pipe(parser);
	});
}

/** adapter-node ends a body larger than BODY_SIZE_LIMIT with a 413 error; anything else is a malformed form. */
function problemOf(error: unknown): Upload['problem'] {
	const status = (error as { status?: unknown } | null)?.status;
	return status === 413 ? 'too-large' : 'malformed';
}
