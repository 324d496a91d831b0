/**
 * The person form's save, shared by the new and edit pages: read the form as typed, validate, call one
 * service, and answer a refusal with everything typed, each message beside its field, or the other
 * officer's version.
 */
import { error, fail, redirect } from '@sveltejs/kit';
import { NotFound, RuleViolation, StaleRecord } from '$lib/server/errors';
import { PersonCreateInput, readPersonForm, type PersonFormValues } from '$lib/server/people/person.input';
import { fieldErrors } from '$lib/server/validation';

export async function savePersonForm(
	request: Request,
	save: (input: PersonCreateInput, values: PersonFormValues) => Promise<number>
) {
	const values = readPersonForm(await request.formData());
	const parsed = PersonCreateInput.safeParse(values);
	if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
	let personId: number;
	try {
		personId = await save(parsed.data, values);
	} catch (e) {
		if (e instanceof StaleRecord) {
			return fail(409, {
				values: e.current as PersonFormValues,
				errors: {},
				stale: { message: e.message, yours: values }
			});
		}
		if (e instanceof RuleViolation) {
			const errors = Object.keys(e.fields).length > 0 ? e.fields : { form: e.message };
			return fail(400, { values, errors });
		}
		if (e instanceof NotFound) error(404, e.message);
		throw e;
	}
	redirect(303, `/people/${personId}`);
}
