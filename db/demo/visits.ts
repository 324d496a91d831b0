/**
 * The programme of the one visit the seeds tell of: William Lacy Swing's official visit to Azerbaijan
 * [004], "at the invitation of Azerbaijani government", and "his meeting with President of the Republic
 * of Azerbaijan Mr. Ilham Aliyev" (events.ts, swing-aliyev-meeting). The seed gives no date, no length,
 * no flight, no greeter and no other meeting of the visit: the day is the one events.ts assumes, the
 * arrival and departure stand where a day's visit would put them, their times assumed and nothing else
 * said of them. The seed reports the Service's meetings with IOM as held "constantly", never one of this
 * visit: the programme's meeting with the Service (events.ts, swing-nabiyev-meeting) is assumed, and says so.
 */
import type { TimingCertainty, VisitItemKind, VisitKind } from '../../src/lib/vocabulary';
import type { EventKey } from './events';
import type { OrganizationKey } from './organizations';
import type { PersonKey } from './people';
import type { CalendarDate, LocalDateTime } from './types';

export interface DemoVisitItem {
	readonly kind: VisitItemKind;
	/** A meeting: its event. */
	readonly event?: EventKey;
	/** Logistics: what, when (in the visit's zone), and what is known of it. */
	readonly title?: string;
	readonly start?: LocalDateTime;
	readonly end?: LocalDateTime;
	readonly timing?: TimingCertainty;
	readonly notes?: string;
}

export interface DemoVisit {
	readonly title: string;
	readonly kind: VisitKind;
	readonly organization: OrganizationKey;
	readonly host: OrganizationKey;
	/** The delegation, its head first. */
	readonly members: readonly PersonKey[];
	readonly startsOn: CalendarDate;
	readonly endsOn: CalendarDate;
	readonly timeZone: string;
	readonly timing: TimingCertainty;
	readonly notes: string;
	readonly items: readonly DemoVisitItem[];
}

const NOT_IN_SOURCE =
	'The source says nothing of it: the time is assumed, and no flight or greeter is known.';

export const visits: readonly DemoVisit[] = [
	{
		title: 'Official visit of the Director General of IOM, Mr William Lacy Swing, to Azerbaijan',
		kind: 'official',
		organization: 'iom',
		host: 'az-government',
		members: ['swing'],
		startsOn: '2017-01-16',
		endsOn: '2017-01-16',
		timeZone: 'Asia/Baku',
		timing: 'date_assumed',
		notes:
			'At the invitation of the Government of Azerbaijan [004]. The source gives no date: the day and the ' +
			'times of the programme are assumed.',
		items: [
			{
				kind: 'arrival',
				title: 'Arrival of the Director General of IOM',
				start: '2017-01-16T08:00',
				end: '2017-01-16T08:30',
				timing: 'date_assumed',
				notes: NOT_IN_SOURCE
			},
			{ kind: 'meeting', event: 'swing-aliyev-meeting' },
			{ kind: 'meeting', event: 'swing-nabiyev-meeting' },
			{
				kind: 'departure',
				title: 'Departure of the Director General of IOM',
				start: '2017-01-16T18:00',
				end: '2017-01-16T18:30',
				timing: 'date_assumed',
				notes: NOT_IN_SOURCE
			}
		]
	}
];
