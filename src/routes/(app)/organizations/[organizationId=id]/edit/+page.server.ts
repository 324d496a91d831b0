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
import { organizationFormWords } from '$lib/server/organizations/organization-form.words';
import { defineWords } from '$lib/server/i18n/words';

/** The page's own words, for its load to send. */
const pageWords = defineWords({
	organizations_edit_heading: m.organizations_edit_heading,
	organizations_edit_submit: m.organizations_edit_submit,
	organizations_edit_title: m.organizations_edit_title
});

export const load: PageServerLoad = async ({ params }) => {
	const organizationId = Number(params.organizationId);
	const form = await findOrganizationForm(database().db, organizationId);
	if (!form) error(404, m.organizations_not_found());
	return {
		recordWords: recordFormWords(),
		words: { ...organizationFormWords(), ...pageWords() },
		...form,
		organizationId
	};
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
