/** How a clash warning writes an event's time, on the server, so that the warning formats no dates. */
import { formatOffset, formatWhen } from '../../format/datetime';

/**
 * When an event happens, in its own zone with that zone's offset, as a clash warning names both events:
 * "Friday 17 December 2021, 10:00–12:30 (Asia/Baku, UTC+4)".
 */
export function clashSpan(event: {
	startAt: string;
	endAt: string;
	timeZone: string;
	allDay?: boolean;
}): string {
	return `${formatWhen(event)} (${event.timeZone}, ${formatOffset(event.startAt, event.timeZone)})`;
}
