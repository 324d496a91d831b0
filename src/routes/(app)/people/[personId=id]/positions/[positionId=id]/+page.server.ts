import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { PERSON_CHOOSERS } from '$lib/server/people/person.service';
import { attempt } from '$lib/server/http/form-failure';
import { PersonPositionInput, readPositionForm } from '$lib/server/people/person-position.input';
import {
	findPersonPositionsPage,
	removePersonPosition,
	revisePersonPosition
} from '$lib/server/people/person-position.service';
import { saveRecordForm, versionOf } from '../../../../record-form.server';
import type { Actions, PageServerLoad } from './$types';
import { recordFormWords } from '$lib/server/i18n/record-form.words';
import { defineWords } from '$lib/server/i18n/words';
import { positionFieldMessages } from '$lib/server/people/person-position.words';

/** The page's words and its fields', for its load to send. */
const pageWords = defineWords({
	...positionFieldMessages,
	positions_page_title: m.positions_page_title,
	positions_posts_held: m.positions_posts_held,
	positions_edit_heading: m.positions_edit_heading,
	positions_edit_intro: m.positions_edit_intro,
	positions_save_submit: m.positions_save_submit,
	positions_remove_heading: m.positions_remove_heading,
	positions_remove_hint: m.positions_remove_hint,
	positions_remove_submit: m.positions_remove_submit
});

export const load: PageServerLoad = async ({ params }) => {
	const page = await findPersonPositionsPage(database().db, Number(params.personId));
	const post = page?.positions.find((p) => p.id === Number(params.positionId));
	if (!page || !post) error(404, m.positions_error_no_post());
	return { recordWords: recordFormWords(), words: pageWords(), page, post };
};

export const actions: Actions = {
	save: async (event) => {
		const personId = Number(event.params.personId);
		const positionId = Number(event.params.positionId);
		return saveRecordForm(event.request, {
			read: readPositionForm,
			schema: PersonPositionInput,
			choosers: PERSON_CHOOSERS,
			save: async (input, values) => {
				const version = versionOf(values, 'post');
				await revisePersonPosition(database().db, actorOf(event), personId, positionId, version, input);
				return `/people/${personId}/positions?done=saved`;
			}
		});
	},
	remove: (event) =>
		attempt({ form: 'remove' as const, values: {} }, async () => {
			const personId = Number(event.params.personId);
			const positionId = Number(event.params.positionId);
			await removePersonPosition(database().db, actorOf(event), personId, positionId);
			redirect(303, `/people/${personId}/positions?done=removed`);
		})
};
