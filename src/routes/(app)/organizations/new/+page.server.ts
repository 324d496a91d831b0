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

export const load: PageServerLoad = async () => {
	return {
		recordWords: recordFormWords(),
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
