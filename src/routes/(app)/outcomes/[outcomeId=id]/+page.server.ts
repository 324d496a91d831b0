import { error } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { formVersion } from '$lib/server/events/event.input';
import { OutcomeStatusInput } from '$lib/server/outcomes/outcome.input';
import { findOutcomePage, setOutcomeStatus } from '$lib/server/outcomes/outcome.service';
import { attempt, invalidInput, refuseForm } from '$lib/server/http/form-failure';
import { formFields } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const outcome = await findOutcomePage(database().db, Number(params.outcomeId));
	if (!outcome) error(404, 'There is no such outcome.');
	return { outcome };
};

export const actions: Actions = {
	/** The follow-up status alone, from the outcome's page. */
	status: async (event) => {
		const fields = formFields(await event.request.formData(), ['status', 'version']);
		const context = { form: 'status' as const, values: { status: fields.status ?? '' } };
		const parsed = OutcomeStatusInput.safeParse(fields);
		const version = formVersion(fields.version ?? '');
		if (!parsed.success) return invalidInput(parsed.error, context);
		if (version === null) return refuseForm(400, 'Open the outcome again and retry.', context);
		return attempt(context, async () => {
			const outcomeId = Number(event.params.outcomeId);
			await setOutcomeStatus(database().db, actorOf(event), outcomeId, version, parsed.data.status);
			return { statusSaved: true };
		});
	}
};
