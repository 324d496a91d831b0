/** The seating plan's forms: generate from precedence, seat a guest, swap two seats, a table. */
import { m } from '../../paraglide/messages.js';
import { z } from 'zod';
import { recordId } from '../validation';
import { plainText } from '../validation';

/** A number of seats, with its two messages (not a number, out of range) read in the reader's language. */
const seatCount = (notANumber: () => string, outOfRange: () => string) =>
	z
		.string()
		.trim()
		.regex(/^\d{1,3}$/, { error: notANumber })
		.transform(Number)
		.refine((n) => n >= 2 && n <= 60, { error: outOfRange });

const checkbox = z
	.string()
	.optional()
	.transform((value) => value === 'on');

export const SeatingGenerateInput = z.object({
	layout: z.enum(['banquet', 'bilateral'], { error: () => m.seating_error_layout() }),
	topShape: z.enum(['long', 'round'], { error: () => m.seating_error_top_shape() }),
	topSeats: seatCount(m.seating_error_top_seats_number, m.seating_error_top_seats_range),
	shape: z.enum(['round', 'long'], { error: () => m.seating_error_shape_tables() }),
	seatsPerTable: seatCount(m.seating_error_seats_per_table_number, m.seating_error_seats_per_table_range),
	keepDelegations: checkbox,
	alternateHosts: checkbox
});
export type SeatingGenerateInput = z.infer<typeof SeatingGenerateInput>;

/** A seat as the forms post it: "<table id>:<seat number>". */
const seatRef = (message: () => string) =>
	z
		.string()
		.regex(/^\d{1,9}:\d{1,3}$/, { error: message })
		.transform((value) => {
			const [tableId, seat] = value.split(':').map(Number);
			return { tableId: tableId!, seat: seat! };
		});
export type SeatRef = { tableId: number; seat: number };

export const SeatGuestInput = z.object({
	participantId: recordId(m.seating_error_guest_to_seat),
	to: seatRef(m.seating_error_seat)
});

export const SwapSeatsInput = z.object({
	a: seatRef(m.seating_error_first_seat),
	b: seatRef(m.seating_error_second_seat)
});

export const UnseatGuestInput = z.object({ participantId: recordId(m.seating_error_guest) });

export const SeatingTableInput = z.object({
	name: plainText(m.seating_field_table_name, 60),
	shape: z.enum(['round', 'long'], { error: () => m.seating_error_shape() }),
	seats: z
		.string()
		.trim()
		.regex(/^\d{1,3}$/, { error: () => m.seating_error_seats_number() })
		.transform(Number)
		.refine((n) => n >= 1 && n <= 60, { error: () => m.seating_error_seats_range() })
});
export type SeatingTableInput = z.infer<typeof SeatingTableInput>;

export const SeatingTableIdInput = z.object({ tableId: recordId(m.seating_error_table) });

/** What a form posted, each field as typed (a missing one empty). */
export function readSeatingForm(data: FormData, names: readonly string[]): Record<string, string> {
	return Object.fromEntries(
		names.map((name) => {
			const value = data.get(name);
			return [name, typeof value === 'string' ? value : ''];
		})
	);
}
