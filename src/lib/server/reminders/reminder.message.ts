/**
 * The daily digest's words: a subject that says how many are overdue, and one line per action point
 * with its link. Pure: the service gathers the items, this decides what the e-mail says.
 */
import { formatCalendarDate } from '../../format/datetime';
import type { MyActionPoint } from './reminder.view';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export function digestMessage({
	name,
	items,
	origin
}: {
	name: string;
	items: MyActionPoint[];
	/** The public address links begin with; '' leaves them as paths. */
	origin: string;
}): { subject: string; text: string } {
	const overdue = items.filter((item) => item.overdueDays !== null).length;
	const soon = items.length - overdue;
	const counts = [overdue > 0 ? `${overdue} overdue` : null, soon > 0 ? `${soon} due within a week` : null];
	const lines = items.map((item) => {
		const when =
			item.overdueDays !== null
				? `Overdue by ${plural(item.overdueDays, 'day')} (due ${formatCalendarDate(item.dueOn)})`
				: `Due ${formatCalendarDate(item.dueOn)}`;
		const from = item.event ? `\n  From: ${item.event.title}` : '';
		return `- ${item.title}\n  ${when}, ${item.statusLabel.toLowerCase()}${from}\n  ${origin}/outcomes/${item.id}`;
	});
	return {
		subject: `Your action points: ${counts.filter(Boolean).join(', ')}`,
		text: [
			`Dear ${name},`,
			'',
			`These action points you follow up are overdue or due within the next seven days:`,
			'',
			...lines,
			'',
			`The whole board: ${origin}/actions`,
			`You get this reminder once a day. To stop it, turn it off on your account page: ${origin}/account`,
			''
		].join('\n')
	};
}
