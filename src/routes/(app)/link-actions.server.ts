/**
 * The Link and Unlink buttons of a record's page (LinkFinder, UnlinkButton; an agreement's letters, a
 * project's events …): read what was pressed, check it, call one write service, and go back to the page
 * with the search kept, at the part that changed. A refusal is the page's `link` form failure.
 */
import { redirect } from '@sveltejs/kit';
import type { z } from 'zod';
import { attempt, invalidInput } from '$lib/server/http/form-failure';
import { formFields } from '$lib/server/validation';

export async function changeLinkAction<Input>(
	request: Request,
	{
		schema,
		write,
		back
	}: {
		schema: z.ZodType<Input, unknown>;
		write: (input: Input) => Promise<void>;
		/** The page, and the part of it to show once done. */
		back: { path: string; anchor: string };
	}
) {
	const fields = formFields(await request.formData(), ['kind', 'targetId', 'find']);
	const context = {
		form: 'link' as const,
		values: { kind: fields.kind ?? '', targetId: fields.targetId ?? '' }
	};
	const parsed = schema.safeParse(fields);
	if (!parsed.success) return invalidInput(parsed.error, context);
	return attempt(context, async () => {
		await write(parsed.data);
		const find = fields.find ? `?find=${encodeURIComponent(fields.find.slice(0, 200))}` : '';
		redirect(303, `${back.path}${find}#${back.anchor}`);
	});
}
