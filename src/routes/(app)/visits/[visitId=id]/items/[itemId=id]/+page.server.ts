import { error } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { m } from '$lib/paraglide/messages';
import { database } from '$lib/server/db';
import { timeZoneNames } from '$lib/server/venues/venue.input';
import { ITEM_FORM, ItemInput } from '$lib/server/visits/visit.input';
import { findItemForm, getItemFormChoices, reviseVisitItem } from '$lib/server/visits/visit.service';
import { saveRecordForm, versionOf } from '../../../../record-form.server';
import type { Actions, PageServerLoad } from './$types';
import { recordFormWords } from '$lib/server/i18n/record-form.words';
import { visitItemFormWords } from '$lib/server/visits/visit-item-form.words';
import { defineWords } from '$lib/server/i18n/words';

/** The page's own words, for its load to send. */
const pageWords = defineWords({
	visits_item_edit_heading: m.visits_item_edit_heading,
	visits_item_edit_title: m.visits_item_edit_title
});

export const load: PageServerLoad = async ({ params }) => {
	const visitId = Number(params.visitId);
	const [found, values] = await Promise.all([
		getItemFormChoices(database().db, visitId),
		findItemForm(database().db, visitId, Number(params.itemId))
	]);
	if (!found || !values) error(404, m.visits_item_not_found());
	return {
		recordWords: recordFormWords(),
		words: { ...visitItemFormWords(), ...pageWords() },
		...found,
		values,
		timeZones: timeZoneNames()
	};
};

export const actions: Actions = {
	save: async (event) => {
		const visitId = Number(event.params.visitId);
		const itemId = Number(event.params.itemId);
		return saveRecordForm(event.request, {
			read: ITEM_FORM.read,
			schema: ItemInput,
			save: async (input, values) => {
				const version = versionOf(values, 'item');
				await reviseVisitItem(database().db, actorOf(event), visitId, itemId, version, input);
				return `/visits/${visitId}#item-${itemId}`;
			}
		});
	}
};
