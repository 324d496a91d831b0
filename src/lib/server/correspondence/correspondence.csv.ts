/**
 * The correspondence register as CSV (csv-stringify, the family of the csv-parse the participant import
 * reads with): one line a document, in the register's order, written as its pages come from the
 * database. UTF-8 with a byte-order mark, so that spreadsheet programs read ə and Cyrillic names right.
 */
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
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

/**
 * A spreadsheet takes a cell starting with =, +, - or @ as a formula: such text is kept as text by a
 * leading apostrophe (OWASP's advice on CSV injection).
 */
function cell(value: string | null): string {
	if (value === null) return '';
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

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
	async function* lines() {
		for await (const page of pages) for (const item of page) yield line(item, origin);
	}
	return Readable.from(lines()).pipe(
		stringify({ header: true, columns: COLUMNS, bom: true, record_delimiter: 'windows' })
	);
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
