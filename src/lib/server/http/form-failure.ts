/**
 * The one shape in which an action refuses, on every page, and the one mapper from a domain error to it.
 * A page reads it through its generated `ActionData` (with `failureOf` and `refill` from
 * $lib/forms/failure.ts): which form refused, what was typed, the messages beside the fields (`form` for
 * the form as a whole), and, when someone saved in between, the record as it now stands.
 */
import { fail, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';
import { ONLY_FORM, type OnlyForm } from '$lib/forms/failure';
import type { ChooserResolution, ChooserState } from '../choosers/chooser.service';
import {
	Conflict,
	DomainError,
	Forbidden,
	NotFound,
	RuleViolation,
	StaleRecord,
	TooManyAttempts,
	type FieldErrors
} from '../errors';
import { fieldErrors } from '../validation';

export interface FormFailure<
	Values extends object = Record<string, string>,
	Form extends string = OnlyForm,
	Theirs = Values
> {
	/** Which of the page's forms refused. */
	form: Form;
	/** What was typed, to fill the form again. */
	values: Values;
	/** Messages by field name; `form` is the message for the form as a whole. */
	errors: FieldErrors;
	/** Set when someone saved in between: the record as it now stands (nothing was overwritten). */
	stale?: { message: string; theirs: Theirs };
	/** The form's choosers as submitted: the records chosen, by name, and candidates to pick from. */
	choosers?: Record<string, ChooserState>;
}

/** What an action knows when it refuses: what was typed and, on a page of several forms, which form. */
export interface FormContext<Values extends object, Form extends string = OnlyForm> {
	values: Values;
	form?: Form;
}

/** A failure without a stale record (`never`: it fits whatever record a page's other failures carry). */
export function formFailure<Values extends object, Form extends string = OnlyForm>(
	context: FormContext<Values, Form>,
	errors: FieldErrors = {}
): FormFailure<Values, Form, never> {
	return { form: context.form ?? (ONLY_FORM as Form), values: context.values, errors };
}

/** The input did not pass its schema: each message beside its field, 400. */
export function invalidInput<Values extends object, Form extends string = OnlyForm>(
	error: z.ZodError,
	context: FormContext<Values, Form>
): ActionFailure<FormFailure<Values, Form, never>> {
	return fail(400, formFailure(context, fieldErrors(error)));
}

/** A refusal with a message for the form as a whole. */
export function refuseForm<Values extends object, Form extends string = OnlyForm>(
	status: number,
	message: string,
	context: FormContext<Values, Form>
): ActionFailure<FormFailure<Values, Form, never>> {
	return fail(status, formFailure(context, { form: message }));
}

/**
 * A form's choosers as the failure shows them again (whatever refused the form), and a text that named
 * no record or several refused beside its chooser, 400, before anything else is checked.
 */
export function withChoosers<Failure extends { choosers?: Record<string, ChooserState> }>(
	failure: ActionFailure<Failure>,
	resolution: ChooserResolution
): ActionFailure<Failure> {
	failure.data.choosers = resolution.choosers;
	return failure;
}

export function unresolvedChoices<Values extends object, Form extends string = OnlyForm>(
	resolution: ChooserResolution,
	context: FormContext<Values, Form>
): ActionFailure<FormFailure<Values, Form, never>> | null {
	if (Object.keys(resolution.errors).length === 0) return null;
	return fail(400, { ...formFailure(context, resolution.errors), choosers: resolution.choosers });
}

const STATUS_OF: [abstract new (...args: never[]) => DomainError, number][] = [
	[NotFound, 404],
	[Forbidden, 403],
	[TooManyAttempts, 429],
	[Conflict, 409],
	[RuleViolation, 400]
];

/**
 * A domain error as the form's answer: a rule's messages beside their fields (or for the whole form when
 * it names none), the record as it stands for a stale save (`Theirs`: what the service's StaleRecord
 * carries, the form's values unless said otherwise), and 404, 403, 409 or 429 with the error's message.
 * Anything else (SvelteKit's redirect, a bug) is thrown on; so is a database that cannot take the write
 * (a full disk, a read-only file), which the hooks answer 503 (http/unavailable.ts).
 */
export function failureFrom<Values extends object, Form extends string = OnlyForm, Theirs = Values>(
	e: unknown,
	context: FormContext<Values, Form>
): ActionFailure<FormFailure<Values, Form, Theirs>> {
	if (!(e instanceof DomainError)) throw e;
	if (e instanceof StaleRecord) {
		const stale = { message: e.message, theirs: e.current as Theirs };
		return fail(409, { ...formFailure(context), stale });
	}
	if (e instanceof RuleViolation && Object.keys(e.fields).length > 0) {
		return fail(400, formFailure(context, e.fields));
	}
	const status = STATUS_OF.find(([kind]) => e instanceof kind)?.[1];
	if (status === undefined) throw e;
	return refuseForm(status, e.message, context);
}

/** Runs an action's write; a domain error becomes the form's answer, anything else goes on. */
export async function attempt<Result, Values extends object, Form extends string = OnlyForm>(
	context: FormContext<Values, Form>,
	write: () => Promise<Result>
): Promise<Result | ActionFailure<FormFailure<Values, Form>>> {
	try {
		return await write();
	} catch (e) {
		return failureFrom(e, context);
	}
}
