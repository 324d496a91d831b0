/**
 * The files a document encloses: attaching an upload (its type decided from its content), removing one,
 * and handing one out to download. The row and its audit entry are written in one transaction; the
 * content is moved into the file store inside it, so a refused or failed upload leaves neither a row nor
 * a file behind.
 */
import { m } from '../../paraglide/messages.js';
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { recordAction, type Actor } from '../audit/audit';
import { authorize } from '../auth/authorize';
import type { Database } from '../db/schema';
import { NotFound, RuleViolation } from '../errors';
import { sanitizeFileName } from '../files/file.name';
import { isContentHeld } from '../files/file.repository';
import { formatByteSize } from '../../format/sizes';
import type { FileStorage } from '../files/file.storage';
import { detectDocumentType } from '../files/file.type';
import type { Upload } from '../files/file.upload';
import {
	deleteCorrespondenceFile,
	findCorrespondenceFile,
	findCorrespondenceFileByContent,
	insertCorrespondenceFile,
	listCorrespondenceFiles
} from './correspondence-file.repository';
import { toCorrespondenceFileView, type CorrespondenceFileView } from './correspondence-file.view';
import { findCorrespondenceRow } from './correspondence.repository';

const refuse = (message: string) => new RuleViolation(message, { file: message });

/** One query: the files of a document, in the order they came. */
export async function listFilesOfCorrespondence(
	db: Kysely<Database>,
	correspondenceId: number
): Promise<CorrespondenceFileView[]> {
	return (await listCorrespondenceFiles(db, correspondenceId)).map(toCorrespondenceFileView);
}

/**
 * Encloses the uploaded file in the document: refused beside the field when none came, it is empty,
 * larger than `sizeLimit`, or its content is not a PDF, DOCX, ODT, JPEG or PNG, whatever its name says;
 * and when the document encloses the same content already. Audited. The staged upload is always gone
 * afterwards: kept by the store, or removed. Returns the new file's id.
 */
export async function attachCorrespondenceFile(
	db: Kysely<Database>,
	actor: Actor,
	correspondenceId: number,
	upload: Upload,
	sizeLimit: number,
	storage: FileStorage,
	now = new Date()
): Promise<number> {
	authorize(actor, 'officer');
	const staged = upload.file?.staged;
	let stored = false;
	try {
		if (upload.problem === 'too-large' || staged?.tooLarge) {
			throw refuse(m.correspondence_error_file_too_large({ limit: formatByteSize(sizeLimit) }));
		}
		if (upload.problem === 'malformed') throw refuse(m.correspondence_error_file_malformed());
		if (!upload.file || !staged) throw refuse(m.correspondence_error_file_choose());
		if (staged.size === 0) throw refuse(m.correspondence_error_file_empty());
		const type = await detectDocumentType(staged.path);
		if (!type) {
			throw refuse(m.correspondence_error_file_type());
		}
		const name = sanitizeFileName(upload.file.name, type);
		return await db.transaction().execute(async (tx) => {
			if (!(await findCorrespondenceRow(tx, correspondenceId)))
				throw new NotFound(m.correspondence_not_found());
			const existing = await findCorrespondenceFileByContent(tx, correspondenceId, staged.sha256);
			if (existing) throw refuse(m.correspondence_error_file_enclosed({ name: existing.name }));
			const values = {
				correspondence_id: correspondenceId,
				sha256: staged.sha256,
				size: staged.size,
				content_type: type,
				name,
				uploaded_at: now.toISOString()
			};
			const { id } = await insertCorrespondenceFile(tx, values);
			await recordAction(tx, actor, {
				action: 'correspondence.attach_file',
				entityType: 'correspondence',
				entityId: correspondenceId,
				after: { fileId: id, name, sha256: staged.sha256, size: staged.size, contentType: type }
			});
			// Last, inside the transaction: should the store fail, the row is not written either.
			stored = await storage.put(staged.sha256, staged.path);
			return id;
		});
	} catch (error) {
		// The transaction did not commit after the content went in: take it out again, unless another
		// document or a gift's photograph holds the same content meanwhile.
		if (stored && staged && !(await isContentHeld(db, staged.sha256))) await storage.delete(staged.sha256);
		throw error;
	} finally {
		await staged?.discard();
	}
}

/**
 * Takes a file out of a document; audited with what it was. Its content leaves the store once no
 * document or gift holds it any more.
 */
export async function removeCorrespondenceFile(
	db: Kysely<Database>,
	actor: Actor,
	correspondenceId: number,
	fileId: number,
	storage: FileStorage
): Promise<void> {
	authorize(actor, 'officer');
	const removed = await db.transaction().execute(async (tx) => {
		const file = await findCorrespondenceFile(tx, correspondenceId, fileId);
		if (!file) throw new NotFound(m.correspondence_error_file_gone());
		await deleteCorrespondenceFile(tx, fileId);
		await recordAction(tx, actor, {
			action: 'correspondence.remove_file',
			entityType: 'correspondence',
			entityId: correspondenceId,
			before: {
				fileId,
				name: file.name,
				sha256: file.sha256,
				size: file.size,
				contentType: file.content_type
			}
		});
		return file;
	});
	// After the commit: a file removed before it would be lost should the transaction fail.
	if (!(await isContentHeld(db, removed.sha256))) await storage.delete(removed.sha256);
}

export interface CorrespondenceFileDownload {
	name: string;
	contentType: string;
	size: number;
	content: Readable;
}

/** The file to download, streamed from the store; null when the document encloses no such file. */
export async function findCorrespondenceFileDownload(
	db: Kysely<Database>,
	correspondenceId: number,
	fileId: number,
	storage: FileStorage
): Promise<CorrespondenceFileDownload | null> {
	const file = await findCorrespondenceFile(db, correspondenceId, fileId);
	if (!file) return null;
	const content = await storage.get(file.sha256);
	if (!content)
		throw new Error(`The content of file ${fileId} (${file.sha256}) is missing from the file store.`);
	return { name: file.name, contentType: file.content_type, size: file.size, content };
}
