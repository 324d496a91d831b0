/** The seating plan's forms: generate from precedence, seat a guest, swap two seats, a table. */
import { z } from 'zod';
import { recordId } from '../validation';
import { plainText } from '../validation';

const seatCount = (label: string) =>
	z
		.string()
		.trim()
		.regex(/^\d{1,3}$/, `Enter the ${label} as a number.`)
		.transform(Number)
		.refine((n) => n >= 2 && n <= 60, `A table seats 2 to 60: enter the ${label} between them.`);

const checkbox = z
	.string()
	.optional()
	.transform((value) => value === 'on');

export const SeatingGenerateInput = z.object({
	layout: z.enum(['banquet', 'bilateral'], { error: 'Choose a meal or reception, or a bilateral meeting.' }),
	topShape: z.enum(['long', 'round'], { error: 'Choose a long or a round top table.' }),
	topSeats: seatCount('seats at the top table'),
	shape: z.enum(['round', 'long'], { error: 'Choose round or long tables.' }),
	seatsPerTable: seatCount('seats per table'),
	keepDelegations: checkbox,
	alternateHosts: checkbox
});
export type SeatingGenerateInput = z.infer<typeof SeatingGenerateInput>;

/** A seat as the forms post it: "<table id>:<seat number>". */
const seatRef = (message: string) =>
	z
		.string()
		.regex(/^\d{1,9}:\d{1,3}$/, message)
		.transform((value) => {
			const [tableId, seat] = value.split(':').map(Number);
			return { tableId: tableId!, seat: seat! };
		});
export type SeatRef = { tableId: number; seat: number };

export const SeatGuestInput = z.object({
	participantId: recordId('Choose the guest to seat.'),
	to: seatRef('Choose the seat.')
});

export const SwapSeatsInput = z.object({
	a: seatRef('Choose the first seat.'),
	b: seatRef('Choose the second seat.')
});

export const UnseatGuestInput = z.object({ participantId: recordId('Choose the guest.') });

export const SeatingTableInput = z.object({
	name: plainText('Table name', 60),
	shape: z.enum(['round', 'long'], { error: 'Choose round or long.' }),
	seats: z
		.string()
		.trim()
		.regex(/^\d{1,3}$/, 'Enter the number of seats.')
		.transform(Number)
		.refine((n) => n >= 1 && n <= 60, 'A table seats 1 to 60.')
});
export type SeatingTableInput = z.infer<typeof SeatingTableInput>;

export const SeatingTableIdInput = z.object({ tableId: recordId('Choose the table.') });

/** What a form posted, each field as typed (a missing one empty). */
export function readSeatingForm(data: FormData, names: readonly string[]): Record<string, string> {
	return Object.fromEntries(
		names.map((name) => {
			const value = data.get(name);
			return [name, typeof value === 'string' ? value : ''];
		})
	);
}
