/** What a document's page shows of each file it encloses. */
import { formatByteSize } from '../../format/sizes';
import { documentTypeLabel } from '../files/file.type';
import type { CorrespondenceFileRow } from './correspondence-file.repository';

export interface CorrespondenceFileView {
	id: number;
	/** The name it came with, made safe. */
	name: string;
	contentType: string;
	/** "PDF", "Word document" … */
	typeLabel: string;
	size: number;
	/** "1.4 MB". */
	sizeLabel: string;
	/** Hex SHA-256 of the content: what the office can compare with the file it holds. */
	sha256: string;
	uploadedAt: string;
	/** Where it downloads from. */
	href: string;
}

export function toCorrespondenceFileView(row: CorrespondenceFileRow): CorrespondenceFileView {
	return {
		id: row.id,
		name: row.name,
		contentType: row.content_type,
		typeLabel: documentTypeLabel(row.content_type),
		size: row.size,
		sizeLabel: formatByteSize(row.size),
		sha256: row.sha256,
		uploadedAt: row.uploaded_at,
		href: `/correspondence/${row.correspondence_id}/files/${row.id}`
	};
}
