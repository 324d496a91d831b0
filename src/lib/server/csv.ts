/**
 * CSV downloads (csv-stringify, the family of the csv-parse the participant import reads with): lines
 * written as their pages come from the database. UTF-8 with a byte-order mark, so that spreadsheet
 * programs read ə and Cyrillic names right.
 */
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';

/**
 * A spreadsheet takes a cell starting with =, +, - or @ as a formula: such text is kept as text by a
 * leading apostrophe (OWASP's advice on CSV injection).
 */
export function csvCell(value: string | null): string {
	if (value === null) return '';
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The CSV text of the pages, as a stream: the header first, then each page's lines as it arrives. */
export function csvStream<Item>(
	columns: string[],
	pages: AsyncIterable<Item[]>,
	line: (item: Item) => string[]
): Readable {
	async function* lines() {
		for await (const page of pages) for (const item of page) yield line(item);
	}
	return Readable.from(lines()).pipe(
		stringify({ header: true, columns, bom: true, record_delimiter: 'windows' })
	);
}
