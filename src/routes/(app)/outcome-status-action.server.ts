import { m } from '$lib/paraglide/messages';
/**
 * Changing an outcome's follow-up status with a note, from the outcome page or from a row of the board:
 * read the form, check it, call setOutcomeStatus. A refusal is the page's `status` form failure, carrying
 * which outcome it was about so that the board shows the message on that row.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { formVersion } from '$lib/server/events/event.input';
import { attempt, invalidInput, refuseForm } from '$lib/server/http/form-failure';
import { OutcomeStatusInput } from '$lib/server/outcomes/outcome.input';
import { setOutcomeStatus } from '$lib/server/outcomes/outcome.service';
import { formFields } from '$lib/server/validation';
import { match as isId } from '../../params/id';

/** `outcomeId`: the page's own outcome; without it, the one the form names (a row of the board). */
export async function changeOutcomeStatus(event: RequestEvent, outcomeId?: number) {
	const fields = formFields(await event.request.formData(), ['status', 'note', 'version', 'outcomeId']);
	const values = {
		status: fields.status ?? '',
		note: fields.note ?? '',
		outcomeId: String(outcomeId ?? fields.outcomeId ?? '')
	};
	const context = { form: 'status' as const, values };
	const parsed = OutcomeStatusInput.safeParse(fields);
	const version = formVersion(fields.version ?? '');
	if (!parsed.success) return invalidInput(parsed.error, context);
	const id = outcomeId ?? (isId(values.outcomeId) ? Number(values.outcomeId) : null);
	if (version === null || id === null) return refuseForm(400, m.outcomes_error_open_again(), context);
	return attempt(context, async () => {
		await setOutcomeStatus(database().db, actorOf(event), id, version, parsed.data);
		return { statusSaved: id };
	});
}
