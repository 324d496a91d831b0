/**
 * The save of a record's form (person, organisation, outcome, letter), shared by new and edit pages:
 * read the form as typed, validate it, call one service, and answer a refusal with everything typed,
 * each message beside its field, or — when someone saved in between — the other officer's version.
 */
import { redirect } from '@sveltejs/kit';
import type { z } from 'zod';
import { resolveChosen, type ChooserField } from '$lib/server/choosers/chooser.service';
import { database } from '$lib/server/db';
import { RuleViolation } from '$lib/server/errors';
import { formVersion } from '$lib/server/events/event.input';
import { attempt, invalidInput, unresolvedChoices, withChoosers } from '$lib/server/http/form-failure';

export async function saveRecordForm<Values extends Record<string, string>, Input>(
	request: Request,
	{
		read,
		schema,
		save,
		choosers = {}
	}: {
		read: (data: FormData) => Values;
		schema: z.ZodType<Input, unknown>;
		/** Saves, and says where to go next. */
		save: (input: Input, values: Values) => Promise<string>;
		/** The fields chosen by name (RecordChooser), resolved to ids before anything else is read. */
		choosers?: Record<string, ChooserField>;
	}
) {
	const data = await request.formData();
	const chosen = await resolveChosen(database().db, data, choosers);
	const values = read(data);
	const unresolved = unresolvedChoices(chosen, { values });
	if (unresolved) return unresolved;
	const parsed = schema.safeParse(values);
	if (!parsed.success) return withChoosers(invalidInput(parsed.error, { values }), chosen);
	return withChoosers(
		await attempt({ values }, async () => redirect(303, await save(parsed.data, values))),
		chosen
	);
}

/** The version an edit form was filled from; a form without one cannot be checked, so it is refused. */
export function versionOf(values: { version?: string }, what: string): number {
	const version = formVersion(values.version ?? '');
	if (version === null) {
		throw new RuleViolation(
			`This form does not say which version of the ${what} it was filled from: open it again.`
		);
	}
	return version;
}
