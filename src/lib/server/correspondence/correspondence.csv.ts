/** The correspondence register as CSV (../csv.ts): one line a document, in the register's order. */
import type { Readable } from 'node:stream';
import { csvCell as cell, csvStream } from '../csv';
import { formatOrganizationName } from '../../format/names';
import type { CorrespondenceListQuery } from './correspondence.input';
import type { CorrespondenceListItem } from './correspondence.view';

const COLUMNS = [
	'Reference',
	'Date',
	'Direction',
	'Kind',
	'From',
	'To',
	'Place',
	'Subject',
	'Awaiting reply',
	'Link'
];

function line(item: CorrespondenceListItem, origin: string): string[] {
	return [
		cell(item.referenceNumber),
		item.datedOn,
		item.directionLabel ?? '',
		item.kindLabel,
		cell(item.sender ? formatOrganizationName(item.sender) : null),
		cell(item.recipient ? formatOrganizationName(item.recipient) : null),
		cell(item.place),
		cell(item.subject),
		item.awaitingReply ? 'yes' : '',
		`${origin}/correspondence/${item.id}`
	];
}

/** The CSV text of the pages, as a stream: header first, then each page's lines as it arrives. */
export function correspondenceRegisterCsv(
	pages: AsyncIterable<CorrespondenceListItem[]>,
	origin: string
): Readable {
	return csvStream(COLUMNS, pages, (item) => line(item, origin));
}

/** correspondence-2021-incoming-awaiting-reply.csv: what was exported, in its name. */
export function correspondenceCsvFilename(query: CorrespondenceListQuery): string {
	const parts = [
		'correspondence',
		query.year,
		query.direction,
		query.kind?.replace('_', '-'),
		query.organizationId !== undefined ? `organisation-${query.organizationId}` : undefined,
		query.awaitingReply ? 'awaiting-reply' : undefined
	];
	return `${parts.filter((p) => p !== undefined).join('-')}.csv`;
}
