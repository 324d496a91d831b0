import { m } from '$lib/paraglide/messages';
import { error } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { OrganizationInput, readOrganizationForm } from '$lib/server/organizations/organization.input';
import {
	findOrganizationForm,
	ORGANIZATION_CHOOSERS,
	reviseOrganization
} from '$lib/server/organizations/organization.service';
import { saveRecordForm, versionOf } from '../../../record-form.server';
import type { Actions, PageServerLoad } from './$types';
import { recordFormWords } from '$lib/server/i18n/record-form.words';

export const load: PageServerLoad = async ({ params }) => {
	const organizationId = Number(params.organizationId);
	const form = await findOrganizationForm(database().db, organizationId);
	if (!form) error(404, m.organizations_not_found());
	return { recordWords: recordFormWords(), ...form, organizationId };
};

export const actions: Actions = {
	save: async (event) => {
		const organizationId = Number(event.params.organizationId);
		return saveRecordForm(event.request, {
			read: readOrganizationForm,
			schema: OrganizationInput,
			choosers: ORGANIZATION_CHOOSERS,
			save: async (input, values) => {
				const version = versionOf(values, 'organisation');
				await reviseOrganization(database().db, actorOf(event), organizationId, version, input);
				return `/organizations/${organizationId}`;
			}
		});
	}
};
