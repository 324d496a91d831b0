/** The thank-you letters form: one checkbox `addressee` a person, holding the person's id. */
import { z } from 'zod';
import { m } from '../../paraglide/messages.js';

export const ThankYouDraftInput = z.object({
	addressees: z
		.array(
			z
				.string()
				.regex(/^\d{1,9}$/, { error: () => m.letters_choose_from_list() })
				.transform(Number)
		)
		.min(1, { error: () => m.letters_choose_someone() })
});
export type ThankYouDraftInput = z.infer<typeof ThankYouDraftInput>;

export function readThankYouDraftForm(data: FormData): { addressees: string[] } {
	return { addressees: data.getAll('addressee').filter((v): v is string => typeof v === 'string') };
}
