import { m } from '$lib/paraglide/messages';
import { error } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { CorrespondenceInput, readCorrespondenceForm } from '$lib/server/correspondence/correspondence.input';
import {
	CORRESPONDENCE_CHOOSERS,
	findCorrespondenceForm,
	reviseCorrespondence
} from '$lib/server/correspondence/correspondence.service';
import { saveRecordForm, versionOf } from '../../../record-form.server';
import type { Actions, PageServerLoad } from './$types';
import { recordFormWords } from '$lib/server/i18n/record-form.words';
import { correspondenceFormWords } from '$lib/server/correspondence/correspondence-form.words';
import { defineWords } from '$lib/server/i18n/words';

/** The page's own words, for its load to send. */
const pageWords = defineWords({
	correspondence_edit_document: m.correspondence_edit_document,
	correspondence_edit_draft: m.correspondence_edit_draft,
	correspondence_edit_submit: m.correspondence_edit_submit,
	correspondence_edit_title: m.correspondence_edit_title
});

export const load: PageServerLoad = async ({ params }) => {
	const correspondenceId = Number(params.correspondenceId);
	const form = await findCorrespondenceForm(database().db, correspondenceId);
	if (!form) error(404, m.correspondence_not_found());
	return {
		recordWords: recordFormWords(),
		words: { ...correspondenceFormWords(), ...pageWords() },
		...form,
		correspondenceId
	};
};

export const actions: Actions = {
	save: async (event) => {
		const correspondenceId = Number(event.params.correspondenceId);
		return saveRecordForm(event.request, {
			read: readCorrespondenceForm,
			schema: CorrespondenceInput,
			choosers: CORRESPONDENCE_CHOOSERS,
			save: async (input, values) => {
				const version = versionOf(values, 'document');
				await reviseCorrespondence(database().db, actorOf(event), correspondenceId, version, input);
				return `/correspondence/${correspondenceId}`;
			}
		});
	}
};
