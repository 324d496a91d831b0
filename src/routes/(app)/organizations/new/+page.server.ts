import { requireRole } from '$lib/server/auth/access';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import {
	emptyOrganizationForm,
	OrganizationInput,
	readOrganizationForm
} from '$lib/server/organizations/organization.input';
import { createOrganization, getOrganizationChoices } from '$lib/server/organizations/organization.service';
import { saveRecordForm } from '../../record-form.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	requireRole(locals.user, 'officer');
	return { values: emptyOrganizationForm(), parents: await getOrganizationChoices(database().db) };
};

export const actions: Actions = {
	save: async (event) => {
		requireRole(event.locals.user, 'officer');
		return saveRecordForm(event.request, {
			read: readOrganizationForm,
			schema: OrganizationInput,
			save: async (input) =>
				`/organizations/${await createOrganization(database().db, actorOf(event), input)}`
		});
	}
};
