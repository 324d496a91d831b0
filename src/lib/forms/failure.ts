/**
 * A page's view of the one failure shape (src/lib/server/http/form-failure.ts) through its generated
 * `ActionData`: on a page with several forms, the failure only when it came from the form named.
 */
export const ONLY_FORM = 'default';
export type OnlyForm = typeof ONLY_FORM;

export function failureOf<Data extends { form?: unknown } | null | undefined, Form extends string = OnlyForm>(
	data: Data,
	name: Form = ONLY_FORM as Form
): (NonNullable<Data> & { form: Form }) | null {
	return data && data.form === name ? (data as NonNullable<Data> & { form: Form }) : null;
}

/**
 * What a record's form shows after a refusal: when someone saved in between, the record as it now stands,
 * with what was typed for the notice beside it; else what was typed, or the page's own values.
 */
export function refill<Values>(
	failure: { values?: Values; stale?: { message: string; theirs: Values } } | null | undefined,
	values: Values
): { values: Values; stale: { message: string; yours: Values } | null } {
	if (failure?.stale && failure.values) {
		return { values: failure.stale.theirs, stale: { message: failure.stale.message, yours: failure.values } };
	}
	return { values: failure?.values ?? values, stale: null };
}

/** The message for a form as a whole: the stale notice's when the record changed meanwhile. */
export function formMessage(
	failure: { errors?: Record<string, string>; stale?: { message: string } } | null | undefined
): string | undefined {
	return failure?.stale?.message ?? failure?.errors?.form;
}

/**
 * What a record's form takes after a refusal: `refill`'s values and stale notice, the messages, and its
 * choosers as submitted (not over the other officer's values of a stale save).
 */
export function refilledForm<Values, Choosers>(
	failure:
		| {
				values?: Values;
				errors?: Record<string, string>;
				stale?: { message: string; theirs: Values };
				choosers?: Choosers;
		  }
		| null
		| undefined,
	values: Values
) {
	const refilled = refill(failure, values);
	return {
		...refilled,
		errors: failure?.errors ?? {},
		choosers: refilled.stale ? undefined : failure?.choosers
	};
}
