/**
 * Moving an event in time, kept pure so that it can be tested without a database. Times inside an event
 * (its end, its agenda) keep their wall-clock distance from its start in its own zone: an item at 10:15
 * on the second day stays at 10:15 on the second day, even when the move crosses a change to or from
 * summer time, which a shift by a fixed number of milliseconds would get wrong by an hour.
 */
import { DateTime } from 'luxon';

/** The wall clock of an instant in a zone, as milliseconds of a UTC date with the same reading. */
function wallClock(instant: string, zone: string): number {
	const local = DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone);
	return DateTime.fromObject(
		{
			year: local.year,
			month: local.month,
			day: local.day,
			hour: local.hour,
			minute: local.minute,
			second: local.second,
			millisecond: local.millisecond
		},
		{ zone: 'utc' }
	).toMillis();
}

/** The instant a wall-clock reading (as made by `wallClock`) names in a zone. */
function fromWallClock(millis: number, zone: string): string {
	const reading = DateTime.fromMillis(millis, { zone: 'utc' });
	return DateTime.fromObject(
		{
			year: reading.year,
			month: reading.month,
			day: reading.day,
			hour: reading.hour,
			minute: reading.minute,
			second: reading.second,
			millisecond: reading.millisecond
		},
		{ zone }
	)
		.toUTC()
		.toISO()!;
}

export interface Move {
	/** The start before and after the move, as ISO UTC instants. */
	fromStart: string;
	toStart: string;
	/** The event's zone before and after (the same unless the event changed zone too). */
	fromZone: string;
	toZone: string;
}

/**
 * Where a time inside the event lands when the event moves: the same wall-clock distance from the new
 * start, in the new zone, as it had from the old start in the old zone.
 */
export function followMove(instant: string, move: Move): string {
	const offset = wallClock(instant, move.fromZone) - wallClock(move.fromStart, move.fromZone);
	return fromWallClock(wallClock(move.toStart, move.toZone) + offset, move.toZone);
}

/** The same month, day and time of day a year later, in the zone (29 February becomes 28 February). */
export function sameTimeNextYear(instant: string, zone: string): string {
	return DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone).plus({ years: 1 }).toUTC().toISO()!;
}

/**
 * A title for the same event in another year: "International Migrants Day 2021" becomes "… 2022".
 * Only the old year, as a whole number, is replaced: "20th anniversary" stays as it is.
 */
export function retitleForYear(title: string, fromYear: number, toYear: number): string {
	return title.replace(new RegExp(`(?<!\\d)${fromYear}(?!\\d)`, 'g'), String(toYear));
}

/** The calendar year of an instant in a zone. */
export function yearIn(instant: string, zone: string): number {
	return DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone).year;
}
