/**
 * The daily digest's words: a subject that says how many are overdue, and one line per action point
 * with its link. Pure: the service gathers the items, this decides what the e-mail says, in the language
 * of the moment (the service runs it in the officer's, `inLocale`).
 */
import { formatCalendarDate } from '../../format/datetime';
import { m } from '../../paraglide/messages.js';
import { getLocale } from '../../paraglide/runtime.js';
import type { MyActionPoint } from './reminder.view';

/** "5 days", "5 gün", "5 дней": a number of days, its plural as the language has it. */
const days = (n: number) =>
	new Intl.NumberFormat(getLocale(), { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(n);

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
	const counts = [
		overdue > 0 ? m.mail_digest_overdue_count({ count: overdue }) : null,
		soon > 0 ? m.mail_digest_soon_count({ count: soon }) : null
	];
	const lines = items.map((item) => {
		const when =
			item.overdueDays !== null
				? m.mail_digest_overdue_by({
						days: days(item.overdueDays),
						date: formatCalendarDate(item.dueOn)
					})
				: m.mail_digest_due({ date: formatCalendarDate(item.dueOn) });
		const from = item.event ? `\n  ${m.mail_digest_from({ title: item.event.title })}` : '';
		return `- ${item.title}\n  ${when}, ${item.statusLabel.toLowerCase()}${from}\n  ${origin}/outcomes/${item.id}`;
	});
	return {
		subject: m.mail_digest_subject({
			counts: new Intl.ListFormat(getLocale(), { style: 'short', type: 'unit' }).format(
				counts.filter((count) => count !== null)
			)
		}),
		text: [
			m.mail_dear({ name }),
			'',
			m.mail_digest_intro(),
			'',
			...lines,
			'',
			m.mail_digest_board({ url: `${origin}/actions` }),
			m.mail_digest_stop({ url: `${origin}/account` }),
			''
		].join('\n')
	};
}
