import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { PERSON_CHOOSERS } from '$lib/server/people/person.service';
import {
	emptyPositionForm,
	PersonPositionInput,
	readPositionForm
} from '$lib/server/people/person-position.input';
import { addPersonPosition, findPersonPositionsPage } from '$lib/server/people/person-position.service';
import { saveRecordForm } from '../../../record-form.server';
import type { Actions, PageServerLoad } from './$types';
import { recordFormWords } from '$lib/server/i18n/record-form.words';

export const load: PageServerLoad = async ({ params }) => {
	const page = await findPersonPositionsPage(database().db, Number(params.personId));
	if (!page) error(404, m.positions_error_no_person());
	return { recordWords: recordFormWords(), page, values: emptyPositionForm() };
};

export const actions: Actions = {
	save: async (event) => {
		const personId = Number(event.params.personId);
		return saveRecordForm(event.request, {
			read: readPositionForm,
			schema: PersonPositionInput,
			choosers: PERSON_CHOOSERS,
			save: async (input) => {
				await addPersonPosition(database().db, actorOf(event), personId, input);
				return `/people/${personId}/positions?done=added`;
			}
		});
	}
};
