/**
 * What kind of document a file is, decided from its content (file-type reads its signature, and inside
 * a zip the entries that tell a Word document from an OpenDocument text), never from its name or from
 * what the browser said. Only the kinds an office files as enclosures are accepted.
 */
import { fileTypeFromFile } from 'file-type';
import { m } from '../../paraglide/messages.js';

export const DOCUMENT_TYPES = {
	'application/pdf': { label: m.records_document_pdf, extension: 'pdf' },
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
		label: m.records_document_docx,
		extension: 'docx'
	},
	'application/vnd.oasis.opendocument.text': { label: m.records_document_odt, extension: 'odt' },
	'image/jpeg': { label: m.records_document_jpeg, extension: 'jpg' },
	'image/png': { label: m.records_document_png, extension: 'png' }
} as const;

export type DocumentType = keyof typeof DOCUMENT_TYPES;

export const ACCEPTED_DOCUMENTS = 'PDF, DOCX, ODT, JPEG or PNG';

/** The document type of the file at `path`, or null when it is none of those accepted. */
export async function detectDocumentType(path: string): Promise<DocumentType | null> {
	const found = await fileTypeFromFile(path);
	return found && found.mime in DOCUMENT_TYPES ? (found.mime as DocumentType) : null;
}

/** The kind of document in the reader's language ("Word document", "Word sənədi"). */
export function documentTypeLabel(contentType: string): string {
	return DOCUMENT_TYPES[contentType as DocumentType]?.label() ?? contentType;
}
