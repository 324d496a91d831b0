import { error, redirect } from '@sveltejs/kit';
import type { z } from 'zod';
import { hasRole } from '$lib/server/auth/access';
import { actorOf } from '$lib/server/auth/actor';
import { m } from '$lib/paraglide/messages';
import { database } from '$lib/server/db';
import { attempt, refuseForm } from '$lib/server/http/form-failure';
import { formFields } from '$lib/server/validation';
import { ItemMoveInput, ItemRemoveInput } from '$lib/server/visits/visit.input';
import { findVisitPage, moveVisitItem, removeVisitItem } from '$lib/server/visits/visit.service';
import type { Actions, PageServerLoad } from './$types';
import { defineWords } from '$lib/server/i18n/words';
import { visitItemKinds } from '$lib/vocabulary';

/** The page's words, for its load to send. */
const pageWords = defineWords({
	visits_dates_assumed: m.visits_dates_assumed,
	visits_list_title: m.visits_list_title,
	visits_page_delegation: m.visits_page_delegation,
	visits_page_head: m.visits_page_head,
	visits_page_host: m.visits_page_host,
	visits_page_itinerary: m.visits_page_itinerary,
	visits_page_no_members: m.visits_page_no_members,
	visits_page_printable: m.visits_page_printable,
	visits_page_programme: m.visits_page_programme,
	visits_page_the_delegation: m.visits_page_the_delegation,
	visits_page_times_in: m.visits_page_times_in
});

/** The words of the panels only officers see: only they are sent them. */
const officerWords = defineWords({
	visitItemKinds,
	visits_page_edit: m.visits_page_edit,
	visits_page_add_to_programme: m.visits_page_add_to_programme,
	visits_page_add: m.visits_page_add,
	visits_page_edit_item: m.visits_page_edit_item,
	visits_page_edit_item_label: m.visits_page_edit_item_label,
	visits_page_remove_item: m.visits_page_remove_item,
	visits_page_remove_item_label: m.visits_page_remove_item_label
});

export const load: PageServerLoad = async ({ params, locals }) => {
	const page = await findVisitPage(database().db, Number(params.visitId));
	if (!page) error(404, m.visits_not_found());
	return {
		...page,
		words: pageWords(),
		officerWords: hasRole(locals.user, 'officer') ? officerWords() : null
	};
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
