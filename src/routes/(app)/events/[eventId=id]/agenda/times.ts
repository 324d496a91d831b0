import { formatTime } from '$lib/format/datetime';

/** An item's clock times in the event's zone, "10:00–10:20" (or "10:00" without an end); empty when it has none. */
export function itemTimes(item: { startAt: string | null; endAt: string | null }, zone: string): string {
	if (!item.startAt) return '';
	return item.endAt
		? `${formatTime(item.startAt, zone)}–${formatTime(item.endAt, zone)}`
		: formatTime(item.startAt, zone);
}
