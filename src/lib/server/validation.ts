/**
 * Shared pieces of input validation (zod). Every text a person types passes through `plainText`:
 * trimmed, bounded, and free of control characters, which have no place in a name or a title and
 * can break exports (iCalendar, CSV) downstream.
 */
import { z } from 'zod';
import { m } from '../paraglide/messages.js';
import type { FieldErrors } from './errors';

/**
 * A field's name as its messages say it: a message (m.events_field_title), read in the reader's language
 * when the form is checked; a plain string where the form has not been translated yet.
 */
export type FieldLabel = string | (() => string);
export const labelText = (label: FieldLabel) => (typeof label === 'string' ? label : label());

// Control characters except tab, line feed and carriage return (which multi-line fields keep).
// eslint-disable-next-line no-control-regex -- matching them is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

// Messages are functions, so that zod asks for them when a form is checked, in the reader's language.
export function plainText(label: FieldLabel, max: number, options: { multiline?: boolean } = {}) {
	const required = () => m.validation_required({ label: labelText(label) });
	return z
		.string({ error: required })
		.transform((value) => value.trim())
		.pipe(
			z
				.string()
				.min(1, { error: required })
				.max(max, { error: () => m.validation_too_long({ label: labelText(label), max }) })
				.refine((value) => !CONTROL.test(value), {
					error: () => m.validation_bad_characters({ label: labelText(label) })
				})
				.refine((value) => options.multiline || !/[\r\n]/.test(value), {
					error: () => m.validation_one_line({ label: labelText(label) })
				})
		);
}

export const emailAddress = z
	.string({ error: () => m.validation_email_required() })
	.transform((value) => value.trim().toLowerCase())
	.pipe(
		z
			.email({ error: () => m.validation_email_invalid() })
			.max(254, { error: () => m.validation_email_too_long() })
	);

/** '' (or only spaces) is no value; anything else must pass the field's rule. */
export function optional<T extends z.ZodType<unknown, string>>(schema: T) {
	return z.string().transform((value, ctx) => {
		if (value.trim() === '') return null;
		const parsed = schema.safeParse(value);
		if (parsed.success) return parsed.data as z.output<T>;
		for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message });
		return z.NEVER;
	});
}

/** The id of a record chosen from a list, as a form posts it; the message as a function is translated. */
export function recordId(message: FieldLabel) {
	return z
		.string()
		.regex(/^\d{1,9}$/, { error: () => labelText(message) })
		.transform(Number);
}

/**
 * A calendar date as a date input posts it (YYYY-MM-DD), and one that exists. `label` is what the date
 * is, for the English "Enter the … as a date."; or, where the form is translated, the whole message
 * (m.gifts_error_given_on), read in the reader's language; `message`, when given, says it instead.
 */
export function calendarDate(label: FieldLabel, message?: () => string) {
	return z
		.string()
		.trim()
		.regex(/^\d{4}-\d{2}-\d{2}$/, {
			error: () =>
				message ? message() : typeof label === 'string' ? `Enter the ${label} as a date.` : label()
		})
		.refine(
			(value) => {
				const parsed = new Date(`${value}T00:00:00Z`);
				return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
			},
			{ error: () => m.validation_no_such_date() }
		);
}

/** Records chosen from a list, one field per choice joined by commas: their ids, each once. */
export function recordIds(message: FieldLabel) {
	return z
		.string()
		.transform((value) => value.split(',').filter(Boolean))
		.pipe(z.array(recordId(message)))
		.transform((ids) => [...new Set(ids)]);
}

/** A web address people can open: http or https, with a host. */
export const webAddress = z
	.string()
	.trim()
	.max(2000, { error: () => m.validation_web_address_too_long() })
	.refine(
		(value) => {
			try {
				const url = new URL(value);
				return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
			} catch {
				return false;
			}
		},
		{ error: () => m.validation_web_address() }
	);

/** A record form's values as typed: each field a string, and the version it was filled from. */
export type RecordFormValues<F extends string> = Record<F | 'version', string>;

/** Every field empty, for a new record's form. */
export function emptyRecordForm<F extends string>(fields: readonly F[]): RecordFormValues<F> {
	return Object.fromEntries([...fields, 'version'].map((f) => [f, ''])) as RecordFormValues<F>;
}

/**
 * What a record form posted, each field kept as typed; a missing field, or a file in its place, is empty.
 * A field of `several` (a list to choose several from) posts once per choice: its values are joined
 * with commas.
 */
export function readRecordForm<F extends string>(
	data: FormData,
	fields: readonly F[],
	several: readonly F[] = []
): RecordFormValues<F> {
	const values = emptyRecordForm(fields);
	for (const field of [...fields, 'version'] as const) {
		const value = data.get(field);
		values[field] = typeof value === 'string' ? value : '';
	}
	for (const field of several) {
		values[field] = data
			.getAll(field)
			.filter((value) => typeof value === 'string')
			.join(',');
	}
	return values;
}

/** A record's column as its form shows it: a null column is an empty field, a number its digits. */
export function formText(value: string | number | null): string {
	return value === null ? '' : String(value);
}

/** A record's 0/1 flag as its form's checkbox posts it. */
export function formCheckbox(flag: number): string {
	return flag === 1 ? 'on' : '';
}

/** A record form's fields: its empty values, for a new record, and how to read it as posted. */
export function recordFormOf<F extends string>(fields: readonly F[], several: readonly F[] = []) {
	return {
		empty: (): RecordFormValues<F> => emptyRecordForm(fields),
		read: (data: FormData): RecordFormValues<F> => readRecordForm(data, fields, several)
	};
}

/** Form data as a plain record of strings (files and repeated keys are not ours to accept here). */
export function formFields(data: FormData, names: readonly string[]): Record<string, string | undefined> {
	const fields: Record<string, string | undefined> = {};
	for (const name of names) {
		const value = data.get(name);
		fields[name] = typeof value === 'string' ? value : undefined;
	}
	return fields;
}

/** The first message for each field of a failed parse. */
export function fieldErrors(error: z.ZodError): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= issue.message;
	}
	return errors;
}
