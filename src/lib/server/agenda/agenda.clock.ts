/**
 * The programme's clock, kept pure so that it can be tested without a database.
 *
 * The rule: the clock starts at the event's start and runs through the items in their order. An item
 * with a duration starts when the clock stands and ends that many minutes later, and the clock moves on
 * to its end: item n starts when item n − 1 ends, so a pause is an item of its own (a break). An item
 * without a duration takes no time on the clock: it keeps the times it was given (an imported item with
 * only a start, say) or has none, and the items after it go on from where the clock stands.
 *
 * Durations are whole minutes of real time, so a programme that runs through a change to or from summer
 * time ends when its minutes say, and shows the wall clock of its zone.
 */

export interface ClockItem {
	id: number;
	durationMinutes: number | null;
	startAt: string | null;
	endAt: string | null;
}

export interface ClockTimes {
	id: number;
	startAt: string | null;
	endAt: string | null;
}

const MINUTE = 60_000;

/** The start and end of every item, in the order given, when the programme starts at `eventStart`. */
export function runClock(eventStart: string, items: readonly ClockItem[]): ClockTimes[] {
	let clock = Date.parse(eventStart);
	return items.map((item) => {
		if (item.durationMinutes === null) return { id: item.id, startAt: item.startAt, endAt: item.endAt };
		const startAt = new Date(clock).toISOString();
		clock += item.durationMinutes * MINUTE;
		return { id: item.id, startAt, endAt: new Date(clock).toISOString() };
	});
}

/** When the clock stops: the end of the last item with a duration, or null when none has one. */
export function clockEnd(eventStart: string, items: readonly ClockItem[]): string | null {
	const minutes = items.reduce((sum, item) => sum + (item.durationMinutes ?? 0), 0);
	return items.some((item) => item.durationMinutes !== null)
		? new Date(Date.parse(eventStart) + minutes * MINUTE).toISOString()
		: null;
}

/** Two instants name the same moment (PostgreSQL and SQLite may spell one differently). */
export function sameInstant(a: string | null, b: string | null): boolean {
	return a === b || (a !== null && b !== null && Date.parse(a) === Date.parse(b));
}
