/**
 * The name a file came with, made safe to show and to offer when it is downloaded. It is never a path:
 * the content is stored under its SHA-256, so "../../etc/passwd" is only a strange name.
 */
import { DOCUMENT_TYPES, type DocumentType } from './file.type';

const MAX_NAME_LENGTH = 200;

export function sanitizeFileName(original: string, type: DocumentType): string {
	// The last segment only, whichever separator a browser or a script used.
	const base = original.split(/[/\\]/).pop() ?? '';
	const cleaned = base
		.normalize('NFC')
		// Control characters, and characters Windows or a header would trip on.
		// eslint-disable-next-line no-control-regex -- removing them is the point
		.replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*]/g, '')
		.replace(/\s+/g, ' ')
		.replace(/^[\s.]+|[\s.]+$/g, '');
	const extension = DOCUMENT_TYPES[type].extension;
	const stem = cleaned.replace(/\.[^.]*$/, '').slice(0, MAX_NAME_LENGTH) || 'document';
	// The extension follows the content, so a PDF called "scan.png" downloads as scan.pdf.
	return `${stem}.${extension}`;
}

/** A Content-Disposition header offering the file for download under its name (RFC 6266, RFC 8187). */
export function attachmentDisposition(name: string): string {
	return dispositionOf('attachment', name);
}

/** A Content-Disposition header showing the file (a photograph in its page), named should it be saved. */
export function inlineDisposition(name: string): string {
	return dispositionOf('inline', name);
}

function dispositionOf(kind: 'attachment' | 'inline', name: string): string {
	const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
