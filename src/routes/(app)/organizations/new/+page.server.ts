import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import {
	emptyOrganizationForm,
	OrganizationInput,
	readOrganizationForm
} from '$lib/server/organizations/organization.input';
import {
	createOrganization,
	getOrganizationChoices,
	ORGANIZATION_CHOOSERS
} from '$lib/server/organizations/organization.service';
import { saveRecordForm } from '../../record-form.server';
import type { Actions, PageServerLoad } from './$types';
import { recordFormWords } from '$lib/server/i18n/record-form.words';
import { organizationFormWords } from '$lib/server/organizations/organization-form.words';
import { defineWords } from '$lib/server/i18n/words';
import { m } from '$lib/paraglide/messages';

/** The page's own words, for its load to send. */
const pageWords = defineWords({
	organizations_list_title: m.organizations_list_title,
	organizations_new_submit: m.organizations_new_submit,
	organizations_new_title: m.organizations_new_title
});

export const load: PageServerLoad = async () => {
	return {
		recordWords: recordFormWords(),
		words: { ...organizationFormWords(), ...pageWords() },
		values: emptyOrganizationForm(),
		named: await getOrganizationChoices(database().db)
	};
};

export const actions: Actions = {
	save: async (event) => {
		return saveRecordForm(event.request, {
			read: readOrganizationForm,
			schema: OrganizationInput,
			choosers: ORGANIZATION_CHOOSERS,
			save: async (input) =>
				`/organizations/${await createOrganization(database().db, actorOf(event), input)}`
		});
	}
};
