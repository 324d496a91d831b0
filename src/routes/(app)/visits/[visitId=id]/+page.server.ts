import { error, redirect } from '@sveltejs/kit';
import type { z } from 'zod';
import { actorOf } from '$lib/server/auth/actor';
import { m } from '$lib/paraglide/messages';
import { database } from '$lib/server/db';
import { attempt, refuseForm } from '$lib/server/http/form-failure';
import { formFields } from '$lib/server/validation';
import { ItemMoveInput, ItemRemoveInput } from '$lib/server/visits/visit.input';
import { findVisitPage, moveVisitItem, removeVisitItem } from '$lib/server/visits/visit.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const page = await findVisitPage(database().db, Number(params.visitId));
	if (!page) error(404, m.visits_not_found());
	return page;
};

type ActionEvent = Parameters<Actions[string]>[0];

/** Up, Down and Remove: the form read and checked, one service called, its refusal shown above the programme. */
async function changeProgramme<T extends { itemId: number }>(
	event: ActionEvent,
	schema: z.ZodType<T>,
	names: readonly string[],
	run: (input: T, visitId: number) => Promise<unknown>
) {
	const visitId = Number(event.params.visitId);
	const context = { form: 'programme' as const, values: {} };
	const parsed = schema.safeParse(formFields(await event.request.formData(), names));
	// The item and the direction come from hidden fields: their message goes above the programme.
	if (!parsed.success) return refuseForm(400, parsed.error.issues[0]!.message, context);
	return attempt(context, async () => {
		await run(parsed.data, visitId);
		redirect(303, `/visits/${visitId}#programme`);
	});
}

export const actions: Actions = {
	move: (event) =>
		changeProgramme(event, ItemMoveInput, ['itemId', 'direction'], (input, visitId) =>
			moveVisitItem(database().db, actorOf(event), visitId, input.itemId, input.direction)
		),
	remove: (event) =>
		changeProgramme(event, ItemRemoveInput, ['itemId'], (input, visitId) =>
			removeVisitItem(database().db, actorOf(event), visitId, input.itemId)
		)
};
