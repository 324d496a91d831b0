/**
 * The office calendar on both engines: which events a month or a week shows, on which days and at
 * which times in the viewer's zone, across zones and the March 2026 DST change; multi-day events on
 * each of their days; filters.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
	getCalendarDay,
	getCalendarMonth,
	getCalendarWeek,
	MONTH_PER_DAY
} from '$lib/server/calendar/calendar.service';
import type { CalendarDay } from '$lib/server/calendar/calendar.view';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';
import { insertEvent, insertOrganization, insertPerson } from '../helpers/factories';

const GENEVA = 'Europe/Zurich';
const BAKU = 'Asia/Baku';

/** Title → what the day shows of it. */
function entriesOf(day: CalendarDay | undefined) {
	return (day?.entries ?? []).map((e) => ({ title: e.title, when: e.when, ownTime: e.ownTime }));
}

function dayOf(days: CalendarDay[], date: string): CalendarDay | undefined {
	return days.find((d) => d.date === date);
}

describeEachEngine('the calendar', (engine) => {
	let handle: TestDatabase;
	const stamps = () => ({ created_at: new Date().toISOString(), updated_at: new Date().toISOString() });

	beforeAll(async () => {
		handle = await engine.open();
	});
	afterAll(async () => {
		await handle?.cleanup();
	});

	describe('across zones', () => {
		beforeAll(async () => {
			// 15:00 in Baku (UTC+4) on Friday 17 December 2021 is 11:00 UTC, 12:00 in Geneva (UTC+1).
			await insertEvent(handle.db, {
				title: 'Afternoon in Baku',
				start_at: '2021-12-17T11:00:00.000Z',
				end_at: '2021-12-17T12:00:00.000Z',
				time_zone: BAKU
			});
		});

		test('an event at 15:00 in Baku shows at 12:00 in a Geneva calendar in winter, with its own time', async () => {
			const month = await getCalendarMonth(handle.db, { year: 2021, month: 12, zone: GENEVA });
			const days = month.weeks.flatMap((w) => w.days);
			expect(entriesOf(dayOf(days, '2021-12-17'))).toEqual([
				{ title: 'Afternoon in Baku', when: '12:00–13:00', ownTime: '15:00 Baku (UTC+4)' }
			]);
		});

		test('in a Baku calendar the same event shows at 15:00 and needs no second time', async () => {
			const month = await getCalendarMonth(handle.db, { year: 2021, month: 12, zone: BAKU });
			const days = month.weeks.flatMap((w) => w.days);
			expect(entriesOf(dayOf(days, '2021-12-17'))).toEqual([
				{ title: 'Afternoon in Baku', when: '15:00–16:00', ownTime: null }
			]);
		});

		test('an event that runs past midnight in the viewer’s zone shows on both days', async () => {
			// 22:00–02:00 in Geneva is 01:00–05:00 on the next day in Baku.
			await insertEvent(handle.db, {
				title: 'Late reception',
				start_at: '2021-12-20T21:00:00.000Z',
				end_at: '2021-12-21T01:00:00.000Z',
				time_zone: GENEVA
			});
			const week = await getCalendarWeek(handle.db, { date: '2021-12-20', zone: GENEVA });
			expect(entriesOf(dayOf(week.days, '2021-12-20'))).toEqual([
				{ title: 'Late reception', when: 'from 22:00', ownTime: null }
			]);
			expect(entriesOf(dayOf(week.days, '2021-12-21'))).toEqual([
				{ title: 'Late reception', when: 'until 02:00', ownTime: null }
			]);
			const baku = await getCalendarWeek(handle.db, { date: '2021-12-20', zone: BAKU });
			expect(entriesOf(dayOf(baku.days, '2021-12-20'))).toEqual([]);
			expect(entriesOf(dayOf(baku.days, '2021-12-21'))).toEqual([
				{ title: 'Late reception', when: '01:00–05:00', ownTime: '22:00 Zurich (UTC+1)' }
			]);
		});
	});

	describe('across the DST change of 29 March 2026', () => {
		beforeAll(async () => {
			// One-hour meetings at 10:00 in Geneva and at 13:00 in Baku, on the Saturday and on the Sunday.
			for (const [title, start, zone] of [
				['Geneva Saturday', '2026-03-28T09:00:00.000Z', GENEVA],
				['Baku Saturday', '2026-03-28T09:00:00.000Z', BAKU],
				['Geneva Sunday', '2026-03-29T08:00:00.000Z', GENEVA],
				['Baku Sunday', '2026-03-29T09:00:00.000Z', BAKU]
			] as const) {
				const end = new Date(Date.parse(start) + 3_600_000).toISOString();
				await insertEvent(handle.db, { title, start_at: start, end_at: end, time_zone: zone });
			}
		});

		test('the week in Geneva has a 23-hour Sunday, and says so', async () => {
			const week = await getCalendarWeek(handle.db, { date: '2026-03-29', zone: GENEVA });
			expect(week.days.map((d) => d.date)).toEqual([
				'2026-03-23',
				'2026-03-24',
				'2026-03-25',
				'2026-03-26',
				'2026-03-27',
				'2026-03-28',
				'2026-03-29'
			]);
			expect(week.title).toBe('Week 13: 23–29 March 2026');
			expect(week.offsets).toBe('UTC+1, then UTC+2 from Sunday 29 March');
		});

		test('in a Geneva calendar both Saturday meetings are at 10:00, Sunday’s Baku one at 11:00', async () => {
			const week = await getCalendarWeek(handle.db, { date: '2026-03-25', zone: GENEVA });
			expect(entriesOf(dayOf(week.days, '2026-03-28'))).toEqual([
				{ title: 'Geneva Saturday', when: '10:00–11:00', ownTime: null },
				{ title: 'Baku Saturday', when: '10:00–11:00', ownTime: '13:00 Baku (UTC+4)' }
			]);
			expect(entriesOf(dayOf(week.days, '2026-03-29'))).toEqual([
				{ title: 'Geneva Sunday', when: '10:00–11:00', ownTime: null },
				{ title: 'Baku Sunday', when: '11:00–12:00', ownTime: '13:00 Baku (UTC+4)' }
			]);
		});

		test('in a Baku calendar Sunday’s Geneva meeting moves to 12:00 and shows its summer offset', async () => {
			const week = await getCalendarWeek(handle.db, { date: '2026-03-29', zone: BAKU });
			expect(week.offsets).toBe('UTC+4');
			expect(entriesOf(dayOf(week.days, '2026-03-28'))).toEqual([
				{ title: 'Geneva Saturday', when: '13:00–14:00', ownTime: '10:00 Zurich (UTC+1)' },
				{ title: 'Baku Saturday', when: '13:00–14:00', ownTime: null }
			]);
			expect(entriesOf(dayOf(week.days, '2026-03-29'))).toEqual([
				{ title: 'Geneva Sunday', when: '12:00–13:00', ownTime: '10:00 Zurich (UTC+2)' },
				{ title: 'Baku Sunday', when: '13:00–14:00', ownTime: null }
			]);
		});
	});

	describe('events over several days', () => {
		beforeAll(async () => {
			// 10:00 Monday 5 December to 18:00 Thursday 8 December 2016 in Geneva.
			await insertEvent(handle.db, {
				title: '107th Session of the IOM Council',
				kind: 'council_session',
				start_at: '2016-12-05T09:00:00.000Z',
				end_at: '2016-12-08T17:00:00.000Z',
				time_zone: GENEVA
			});
			// Began in November, ends on 2 December: shown on December's first days only.
			await insertEvent(handle.db, {
				title: 'Training course',
				kind: 'training',
				start_at: '2016-11-28T08:00:00.000Z',
				end_at: '2016-12-02T15:00:00.000Z',
				time_zone: GENEVA
			});
			// Ended the moment the month view's first day began: not shown.
			await insertEvent(handle.db, {
				title: 'Ends at midnight',
				start_at: '2016-11-27T20:00:00.000Z',
				end_at: '2016-11-27T23:00:00.000Z',
				time_zone: GENEVA
			});
		});

		test('a multi-day event shows on each of its days', async () => {
			const month = await getCalendarMonth(handle.db, { year: 2016, month: 12, zone: GENEVA });
			const days = month.weeks.flatMap((w) => w.days);
			const council = (date: string) =>
				dayOf(days, date)!.entries.filter((e) => e.title === '107th Session of the IOM Council');
			expect(
				['2016-12-05', '2016-12-06', '2016-12-07', '2016-12-08'].map((d) => council(d)[0]?.when)
			).toEqual(['from 10:00', 'all day', 'all day', 'until 18:00']);
			expect(council('2016-12-04')).toEqual([]);
			expect(council('2016-12-09')).toEqual([]);
			expect(council('2016-12-05')[0]!.starts).toBe(true);
			expect(council('2016-12-06')[0]!.starts).toBe(false);
		});

		test('the month view holds its first and last weeks whole and the events that run into them', async () => {
			const month = await getCalendarMonth(handle.db, { year: 2016, month: 12, zone: GENEVA });
			const days = month.weeks.flatMap((w) => w.days);
			expect(days[0]!.date).toBe('2016-11-28');
			expect(days[days.length - 1]!.date).toBe('2017-01-01');
			expect(days[0]!.inPeriod).toBe(false);
			expect(month.weeks.map((w) => w.number)).toEqual([48, 49, 50, 51, 52]);
			const titles = new Set(days.flatMap((d) => d.entries.map((e) => e.title)));
			expect(titles).toEqual(new Set(['107th Session of the IOM Council', 'Training course']));
			expect(entriesOf(dayOf(days, '2016-11-28'))).toEqual([
				{ title: 'Training course', when: 'from 09:00', ownTime: null }
			]);
		});

		test('an event that began months before the view and is still running shows on each day', async () => {
			await insertEvent(handle.db, {
				title: 'Autumn course',
				kind: 'training',
				start_at: '2016-09-01T07:00:00.000Z',
				end_at: '2016-12-13T16:00:00.000Z',
				time_zone: GENEVA
			});
			// Five days long, begun three days before the week's Monday.
			await insertEvent(handle.db, {
				title: 'Study visit',
				kind: 'working_visit',
				start_at: '2016-12-09T07:00:00.000Z',
				end_at: '2016-12-14T16:00:00.000Z',
				time_zone: GENEVA
			});
			const week = await getCalendarWeek(handle.db, { date: '2016-12-14', zone: GENEVA });
			const course = week.days.map((d) => d.entries.find((e) => e.title === 'Autumn course')?.when ?? null);
			expect(course).toEqual(['all day', 'until 17:00', null, null, null, null, null]);
			const visit = week.days.map((d) => d.entries.find((e) => e.title === 'Study visit')?.when ?? null);
			expect(visit).toEqual(['all day', 'all day', 'until 17:00', null, null, null, null]);
		});

		test('the week after shows an event that began the week before and is still running', async () => {
			const week = await getCalendarWeek(handle.db, { date: '2016-12-07', zone: GENEVA });
			expect(dayOf(week.days, '2016-12-05')!.entries.map((e) => e.title)).toContain(
				'107th Session of the IOM Council'
			);
			const later = await getCalendarWeek(handle.db, { date: '2016-11-30', zone: GENEVA });
			expect(entriesOf(dayOf(later.days, '2016-12-02')).filter((e) => e.title === 'Training course')).toEqual(
				[{ title: 'Training course', when: 'until 16:00', ownTime: null }]
			);
		});
	});

	describe('the hourly grid, and busy days bounded', () => {
		beforeAll(async () => {
			// Tuesday 6 February 2024: seven meetings from 09:00 UTC, every half hour, an hour each.
			for (let i = 0; i < 7; i++) {
				await insertEvent(handle.db, {
					title: `Consultation ${i + 1}`,
					start_at: new Date(Date.UTC(2024, 1, 6, 9, 30 * i)).toISOString(),
					end_at: new Date(Date.UTC(2024, 1, 6, 10, 30 * i)).toISOString(),
					time_zone: 'UTC'
				});
			}
			// A two-day council session, Wednesday 08:00 to Thursday 17:00 in Geneva.
			await insertEvent(handle.db, {
				title: 'Council session',
				kind: 'council_session',
				start_at: '2024-02-07T07:00:00.000Z',
				end_at: '2024-02-08T16:00:00.000Z',
				time_zone: GENEVA
			});
			// Friday 9 February at 15:00 in Baku.
			await insertEvent(handle.db, {
				title: 'Bilateral in Baku',
				start_at: '2024-02-09T11:00:00.000Z',
				end_at: '2024-02-09T12:00:00.000Z',
				time_zone: BAKU
			});
		});

		test('a month’s day shows its first four events and counts the rest, linking to the day', async () => {
			const month = await getCalendarMonth(handle.db, { year: 2024, month: 2, zone: 'UTC' });
			const tuesday = dayOf(
				month.weeks.flatMap((w) => w.days),
				'2024-02-06'
			)!;
			expect(tuesday.entries.map((e) => e.title)).toEqual([
				'Consultation 1',
				'Consultation 2',
				'Consultation 3',
				'Consultation 4'
			]);
			expect(tuesday.entries).toHaveLength(MONTH_PER_DAY);
			expect([tuesday.more, tuesday.moreCapped]).toEqual([3, false]);
			expect(month.truncated).toBe(true);
		});

		test('the day view shows the whole day, side by side where the meetings overlap', async () => {
			const day = await getCalendarDay(handle.db, { date: '2024-02-06', zone: 'UTC' });
			const [tuesday] = day.days;
			expect(tuesday!.more).toBe(0);
			expect(tuesday!.timed.map((t) => [t.entry.title, t.start, t.column, t.columns])).toEqual([
				['Consultation 1', 9 * 60, 0, 2],
				['Consultation 2', 9 * 60 + 30, 1, 2],
				['Consultation 3', 10 * 60, 0, 2],
				['Consultation 4', 10 * 60 + 30, 1, 2],
				['Consultation 5', 11 * 60, 0, 2],
				['Consultation 6', 11 * 60 + 30, 1, 2],
				['Consultation 7', 12 * 60, 0, 2]
			]);
			expect(day.title).toBe('Tuesday 6 February 2024');
			expect([day.previous, day.next]).toEqual(['2024-02-05', '2024-02-07']);
		});

		test('the two-day session lies in the week’s all-day row over Wednesday and Thursday', async () => {
			const week = await getCalendarWeek(handle.db, { date: '2024-02-06', zone: GENEVA });
			expect(week.allDay.map((bar) => [bar.entry.title, bar.from, bar.to])).toEqual([
				['Council session', 2, 3]
			]);
			expect(week.days[2]!.timed.map((t) => t.entry.title)).toEqual([]);
		});

		test('the Baku meeting at 15:00 sits at 12:00 on a Geneva viewer’s grid, at 15:00 on a Baku one', async () => {
			const geneva = await getCalendarWeek(handle.db, { date: '2024-02-09', zone: GENEVA });
			const friday = geneva.days[4]!;
			const item = friday.timed.find((t) => t.entry.title === 'Bilateral in Baku')!;
			expect([item.start, item.end, item.row, item.rows]).toEqual([12 * 60, 13 * 60, 49, 4]);
			expect(item.entry.ownTime).toBe('15:00 Baku (UTC+4)');
			const baku = await getCalendarDay(handle.db, { date: '2024-02-09', zone: BAKU });
			expect(baku.days[0]!.timed.find((t) => t.entry.title === 'Bilateral in Baku')?.start).toBe(15 * 60);
		});

		test('a move form opened for an event is filled with its start in the viewer’s zone', async () => {
			const geneva = await getCalendarWeek(handle.db, { date: '2024-02-09', zone: GENEVA });
			const id = geneva.days[4]!.timed.find((t) => t.entry.title === 'Bilateral in Baku')!.entry.id;
			const opened = await getCalendarWeek(handle.db, { date: '2024-02-09', zone: GENEVA, moving: id });
			expect(opened.moving).toEqual({
				title: 'Bilateral in Baku',
				values: { event: String(id), version: '1', date: '2024-02-09', time: '12:00', zone: GENEVA }
			});
		});
	});

	describe('filters', () => {
		let ids: Record<string, number>;

		beforeAll(async () => {
			const db = handle.db;
			const iom = await insertOrganization(db, {
				name: 'International Organization for Migration',
				acronym: 'IOM'
			});
			const embassy = await insertOrganization(db, { name: 'Embassy of Switzerland', acronym: null });
			const chief = await insertPerson(db);
			const at = (day: number, hour = 8) => new Date(Date.UTC(2023, 4, day, hour)).toISOString();
			const held = await insertEvent(db, {
				title: 'Held observance',
				kind: 'observance',
				status: 'held',
				start_at: at(3),
				end_at: at(3, 10)
			});
			const cancelled = await insertEvent(db, {
				title: 'Cancelled meeting',
				kind: 'bilateral_meeting',
				status: 'cancelled',
				start_at: at(4),
				end_at: at(4, 9)
			});
			const visit = await insertEvent(db, {
				title: 'Working visit',
				kind: 'working_visit',
				status: 'planned',
				start_at: at(5),
				end_at: at(5, 12)
			});
			await db
				.insertInto('event_organization')
				.values({ event_id: held.id, organization_id: iom.id, role: 'host' })
				.execute();
			await db
				.insertInto('event_participant')
				.values([
					{
						event_id: visit.id,
						person_id: chief.id,
						role: 'head_of_delegation',
						organization_id: embassy.id,
						...stamps()
					},
					{ event_id: cancelled.id, person_id: chief.id, role: 'guest', ...stamps() }
				])
				.execute();
			ids = {
				iom: iom.id,
				embassy: embassy.id,
				chief: chief.id,
				held: held.id,
				cancelled: cancelled.id,
				visit: visit.id
			};
		});

		async function titles(filter: Parameters<typeof getCalendarMonth>[1]['filter']) {
			const month = await getCalendarMonth(handle.db, { year: 2023, month: 5, zone: 'UTC', filter });
			return [...new Set(month.weeks.flatMap((w) => w.days.flatMap((d) => d.entries.map((e) => e.title))))];
		}

		test('without filters the month shows every event, cancelled ones marked', async () => {
			expect(await titles({})).toEqual(['Held observance', 'Cancelled meeting', 'Working visit']);
			const month = await getCalendarMonth(handle.db, { year: 2023, month: 5, zone: 'UTC' });
			const cancelled = month.weeks
				.flatMap((w) => w.days)
				.flatMap((d) => d.entries)
				.find((e) => e.id === ids.cancelled);
			expect(cancelled?.cancelled).toBe(true);
			expect(cancelled?.statusLabel).toBe('Cancelled');
		});

		test('by kind and by status', async () => {
			expect(await titles({ kind: 'observance' })).toEqual(['Held observance']);
			expect(await titles({ status: 'cancelled' })).toEqual(['Cancelled meeting']);
			expect(await titles({ kind: 'observance', status: 'cancelled' })).toEqual([]);
		});

		test('by an organisation that hosts or attends', async () => {
			expect(await titles({ organizationId: ids.iom })).toEqual(['Held observance']);
			expect(await titles({ organizationId: ids.embassy })).toEqual(['Working visit']);
		});

		test('by a person taking part', async () => {
			expect(await titles({ personId: ids.chief })).toEqual(['Cancelled meeting', 'Working visit']);
		});

		test('hosts come with each event of a week', async () => {
			const week = await getCalendarWeek(handle.db, { date: '2023-05-03', zone: 'UTC' });
			const held = week.days.flatMap((d) => d.entries).find((e) => e.id === ids.held);
			expect(held?.hosts.map((h) => h.acronym)).toEqual(['IOM']);
		});
	});

	test('today is marked in the viewer’s zone', async () => {
		// 22:30 UTC on 31 December 2021 is already 1 January in Baku.
		const now = '2021-12-31T22:30:00.000Z';
		const baku = await getCalendarMonth(handle.db, { year: 2022, month: 1, zone: BAKU, now });
		expect(
			baku.weeks
				.flatMap((w) => w.days)
				.filter((d) => d.today)
				.map((d) => d.date)
		).toEqual(['2022-01-01']);
		const geneva = await getCalendarMonth(handle.db, { year: 2021, month: 12, zone: GENEVA, now });
		expect(
			geneva.weeks
				.flatMap((w) => w.days)
				.filter((d) => d.today)
				.map((d) => d.date)
		).toEqual(['2021-12-31']);
	});
	test('a month asked again is built once and still reads what changed meanwhile, filtered as asked', async () => {
		const month = (filter = {}) => getCalendarMonth(handle.db, { year: 2019, month: 7, zone: 'UTC', filter });
		const titles = async (filter = {}) =>
			(await month(filter)).weeks.flatMap((w) => w.days).flatMap((d) => d.entries.map((e) => e.title));
		await insertEvent(handle.db, {
			title: 'Forum in July',
			kind: 'forum',
			start_at: '2019-07-10T09:00:00.000Z',
			end_at: '2019-07-10T10:00:00.000Z'
		});
		expect(await titles()).toEqual(['Forum in July']);
		await insertEvent(handle.db, {
			title: 'Training in July',
			kind: 'training',
			start_at: '2019-07-11T09:00:00.000Z',
			end_at: '2019-07-11T10:00:00.000Z'
		});
		expect(await titles()).toEqual(['Forum in July', 'Training in July']);
		expect(await titles({ kind: 'training' })).toEqual(['Training in July']);
		expect(await titles({ kind: 'forum' })).toEqual(['Forum in July']);
	});
});
