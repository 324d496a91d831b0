/** The board as CSV (../csv.ts): one line an action point, in the board's order, as the filters select. */
import type { Readable } from 'node:stream';
import { instantToZoned } from '../../format/datetime';
import { formatOrganizationName } from '../../format/names';
import { csvCell as cell, csvStream } from '../csv';
import type { BoardItem } from './action-board.view';

const COLUMNS = [
	'Action point',
	'Status',
	'Due',
	'Days overdue',
	'From meeting',
	'Meeting kind',
	'Meeting date',
	'Owner (person)',
	'Owner (organisation)',
	'Officer responsible',
	'Link'
];

function line(item: BoardItem, origin: string): string[] {
	return [
		cell(item.title),
		item.statusLabel,
		item.dueOn ?? '',
		item.overdueDays === null ? '' : String(item.overdueDays),
		cell(item.event?.title ?? null),
		item.event?.kindLabel ?? '',
		item.event ? instantToZoned(item.event.startAt, item.event.timeZone).slice(0, 10) : '',
		cell(item.ownerPerson?.name ?? null),
		cell(item.ownerOrganization ? formatOrganizationName(item.ownerOrganization) : null),
		cell(item.responsibleUser?.name ?? null),
		`${origin}/outcomes/${item.id}`
	];
}

export function actionBoardCsv(pages: AsyncIterable<BoardItem[]>, origin: string): Readable {
	return csvStream(COLUMNS, pages, (item) => line(item, origin));
}
