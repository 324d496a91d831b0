import { error } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { m } from '$lib/paraglide/messages';
import { database } from '$lib/server/db';
import { timeZoneNames } from '$lib/server/venues/venue.input';
import { ITEM_FORM, ItemInput, newItemForm } from '$lib/server/visits/visit.input';
import { addVisitItem, getItemFormChoices } from '$lib/server/visits/visit.service';
import { visitItemKinds } from '$lib/vocabulary';
import { saveRecordForm } from '../../../../record-form.server';
import type { Actions, PageServerLoad } from './$types';
import { recordFormWords } from '$lib/server/i18n/record-form.words';
import { visitItemFormWords } from '$lib/server/visits/visit-item-form.words';
import { defineWords } from '$lib/server/i18n/words';

/** The page's own words, for its load to send. */
const pageWords = defineWords({
	visits_item_new_title: m.visits_item_new_title,
	visits_page_add_to_programme: m.visits_page_add_to_programme
});

/** `?kind=`: the kind of item to add (an arrival when none or an unknown one is named). */
export const load: PageServerLoad = async ({ params, url }) => {
	const found = await getItemFormChoices(database().db, Number(params.visitId));
	if (!found) error(404, m.visits_not_found());
	const asked = url.searchParams.get('kind') ?? '';
	const kind = (visitItemKinds.values as readonly string[]).includes(asked) ? asked : 'arrival';
	return {
		recordWords: recordFormWords(),
		words: { ...visitItemFormWords(), ...pageWords() },
		...found,
		values: newItemForm(kind, found.visit),
		timeZones: timeZoneNames()
	};
};

export const actions: Actions = {
	save: async (event) => {
		const visitId = Number(event.params.visitId);
		return saveRecordForm(event.request, {
			read: ITEM_FORM.read,
			schema: ItemInput,
			save: async (input) => {
				const itemId = await addVisitItem(database().db, actorOf(event), visitId, input);
				return `/visits/${visitId}#item-${itemId}`;
			}
		});
	}
};
