import { error, fail } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/access';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { NotFound, StaleRecord } from '$lib/server/errors';
import { formVersion } from '$lib/server/events/event.input';
import { OutcomeStatusInput } from '$lib/server/outcomes/outcome.input';
import { findOutcomePage, setOutcomeStatus } from '$lib/server/outcomes/outcome.service';
import { fieldErrors, formFields } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const outcome = await findOutcomePage(database().db, Number(params.outcomeId));
	if (!outcome) error(404, 'There is no such outcome.');
	return { outcome };
};

export const actions: Actions = {
	/** The follow-up status alone, from the outcome's page. */
	status: async (event) => {
		requireRole(event.locals.user, 'officer');
		const fields = formFields(await event.request.formData(), ['status', 'version']);
		const parsed = OutcomeStatusInput.safeParse(fields);
		const version = formVersion(fields.version ?? '');
		if (!parsed.success)
			return fail(400, { statusErrors: fieldErrors(parsed.error) as Record<string, string> });
		if (version === null) {
			return fail(400, {
				statusErrors: { form: 'Open the outcome again and retry.' } as Record<string, string>
			});
		}
		try {
			await setOutcomeStatus(
				database().db,
				actorOf(event),
				Number(event.params.outcomeId),
				version,
				parsed.data.status
			);
		} catch (e) {
			if (e instanceof NotFound) error(404, e.message);
			if (e instanceof StaleRecord) {
				return fail(409, { statusErrors: { form: e.message } as Record<string, string> });
			}
			throw e;
		}
		return { statusSaved: true };
	}
};
