/**
 * The next International Migrants Day, so that a fresh install has something ahead of it: 18 December of
 * the year the demo data loads in, or of the next year once that day has passed. It is made when the data
 * loads (src/lib/server/demo/demo.service.ts), on the model of the 2021 edition [002] — the same hosts and
 * the shape of its programme, with its speakers invited again — as a planned event whose invitations are
 * out and partly unanswered, and a seating plan for the reception generated from precedence. Its theme and final programme are not known, and its description says so.
 */
import { events } from './events';
import type { CalendarDate, DemoEvent, DemoParticipant, LocalDateTime } from './types';
import type { RsvpStatus } from '../../src/lib/vocabulary';

const model = events.find((event) => event.key === 'imd-2021')!;

/** Who has answered so far: the hosts' side has, the guests mostly not yet. */
const ANSWERS: Record<string, RsvpStatus> = {
	huseynov: 'accepted',
	gjorgjiev: 'accepted',
	prentice: 'tentative',
	aliyeva: 'invited',
	andreeva: 'invited',
	vitorino: 'invited',
	pinjo: 'invited'
};

/** 18 December on or after `today` (YYYY-MM-DD, at the office). */
export function nextMigrantsDayDate(today: CalendarDate): CalendarDate {
	const year = Number(today.slice(0, 4));
	const thisYears = `${year}-12-18` as CalendarDate;
	return today <= thisYears ? thisYears : (`${year + 1}-12-18` as CalendarDate);
}

/** The next edition, on `nextMigrantsDayDate(today)` at the times of day of the 2021 edition. */
export function nextMigrantsDay(today: CalendarDate): DemoEvent {
	const date = nextMigrantsDayDate(today);
	const year = date.slice(0, 4);
	const onTheDay = (local: LocalDateTime) => `${date}${local.slice(10)}` as LocalDateTime;
	// The posts they hold now, not those of 2021: left to the directory and each person's history.
	const participants: DemoParticipant[] = model.participants.map((p) => ({
		person: p.person,
		role: p.role,
		organization: p.organization,
		answer: ANSWERS[p.person] ?? 'invited'
	}));
	return {
		key: 'imd-next',
		kind: model.kind,
		title: `International Migrants Day ${year}`,
		titleVersions: {
			original: 'en',
			az: `Beynəlxalq Miqrantlar Günü ${year}`,
			ru: `Международный день мигрантов ${year}`
		},
		description:
			`The next International Migrants Day, ${Number(date.slice(8))} December ${year}, planned with IOM in ` +
			'Azerbaijan on the model of the edition the Service last held: opening speeches by the hosts and ' +
			'partners, a video message of the Director General of IOM, a speech on the Global Compact for ' +
			"Migration and a presentation. This year's theme is not announced yet, and the programme below keeps " +
			'the shape of the last one until the speakers confirm. The times of day are assumed, as they were ' +
			'then. The invitations have gone out; several are not answered yet.',
		start: onTheDay(model.start),
		end: onTheDay(model.end),
		timeZone: model.timeZone,
		timing: 'time_assumed',
		venue: model.venue,
		status: 'planned',
		series: model.series,
		isPublic: model.isPublic,
		hosts: model.hosts,
		participants,
		agenda: model.agenda.map((item) => ({
			kind: item.kind,
			title: item.title,
			titleVersions: 'titleVersions' in item ? item.titleVersions : undefined,
			start: onTheDay(item.start),
			end: onTheDay(item.end),
			roles: item.roles
		})),
		// The reception after the speeches: a long top table of five and a round table for the rest.
		seating: {
			layout: 'banquet',
			topShape: 'long',
			topSeats: 5,
			shape: 'round',
			seatsPerTable: 6,
			keepDelegations: true,
			alternateHosts: false
		}
	};
}
