import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import type { z } from 'zod';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { formVersion } from '$lib/server/events/event.input';
import { attempt, invalidInput } from '$lib/server/http/form-failure';
import {
	readSeatingForm,
	SeatGuestInput,
	SeatingGenerateInput,
	SeatingTableIdInput,
	SeatingTableInput,
	SwapSeatsInput,
	UnseatGuestInput
} from '$lib/server/seating/seating.input';
import {
	addSeatingTable,
	changeSeatingTable,
	findSeatingPlan,
	generateSeatingPlan,
	markSeatingPrinted,
	removeSeatingTable,
	seatGuest,
	swapSeats,
	unseatGuest
} from '$lib/server/seating/seating.service';
import type { Actions, PageServerLoad } from './$types';
import { seatingDiagramWords, seatingEditorWords, seatingPageWords, seatingSwapWords } from './words.server';

/** Every signed-in reader sees the plan; guests' needs on it are for officers only (the service decides). */
export const load: PageServerLoad = async (event) => {
	const seating = await findSeatingPlan(database().db, actorOf(event), Number(event.params.eventId));
	if (!seating) error(404, m.seating_error_no_such_event());
	return {
		seating,
		words: { ...seatingPageWords(), ...seatingDiagramWords() },
		editorWords: seating.canEdit ? { ...seatingEditorWords(), ...seatingSwapWords() } : null
	};
};

type SeatingForm =
	'generate' | 'seat' | 'swap' | 'unseat' | 'addTable' | 'changeTable' | 'removeTable' | 'printed';

/**
 * One form's action: read its fields, validate them, run the write with the plan's version as the
 * officer saw it, and go back to the plan (at the seat or table touched).
 */
function seatingAction<S extends z.ZodType>(
	form: SeatingForm,
	fields: readonly string[],
	schema: S,
	write: (
		event: RequestEvent,
		eventId: number,
		version: number | null,
		input: z.output<S>
	) => Promise<unknown>
) {
	return async (event: RequestEvent) => {
		const eventId = Number(event.params.eventId);
		const values = readSeatingForm(await event.request.formData(), [...fields, 'version']);
		const parsed = schema.safeParse(values);
		if (!parsed.success) return invalidInput(parsed.error, { values, form });
		return attempt({ values, form }, async () => {
			await write(event, eventId, formVersion(values.version ?? ''), parsed.data);
			redirect(303, `/events/${eventId}/seating${form === 'generate' ? '' : '#plan'}`);
		});
	};
}

const db = () => database().db;

export const actions: Actions = {
	generate: seatingAction(
		'generate',
		['layout', 'topShape', 'topSeats', 'shape', 'seatsPerTable', 'keepDelegations', 'alternateHosts'],
		SeatingGenerateInput,
		(event, eventId, version, input) => generateSeatingPlan(db(), actorOf(event), eventId, version, input)
	),
	seat: seatingAction('seat', ['participantId', 'to'], SeatGuestInput, (event, eventId, version, input) =>
		seatGuest(db(), actorOf(event), eventId, version, input)
	),
	swap: seatingAction('swap', ['a', 'b'], SwapSeatsInput, (event, eventId, version, input) =>
		swapSeats(db(), actorOf(event), eventId, version, input)
	),
	unseat: seatingAction('unseat', ['participantId'], UnseatGuestInput, (event, eventId, version, input) =>
		unseatGuest(db(), actorOf(event), eventId, version, input)
	),
	addTable: seatingAction(
		'addTable',
		['name', 'shape', 'seats'],
		SeatingTableInput,
		(event, eventId, version, input) => addSeatingTable(db(), actorOf(event), eventId, version, input)
	),
	changeTable: seatingAction(
		'changeTable',
		['tableId', 'name', 'shape', 'seats'],
		SeatingTableInput.extend(SeatingTableIdInput.shape),
		(event, eventId, version, input) => changeSeatingTable(db(), actorOf(event), eventId, version, input)
	),
	removeTable: seatingAction(
		'removeTable',
		['tableId'],
		SeatingTableIdInput,
		(event, eventId, version, input) => removeSeatingTable(db(), actorOf(event), eventId, version, input)
	),
	printed: seatingAction('printed', [], SeatingTableIdInput.pick({}), (event, eventId, version) =>
		markSeatingPrinted(db(), actorOf(event), eventId, version)
	)
};
