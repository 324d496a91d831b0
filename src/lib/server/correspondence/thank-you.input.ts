/** The thank-you letters form: one checkbox `addressee` a person, holding the person's id. */
import { z } from 'zod';

export const ThankYouDraftInput = z.object({
	addressees: z
		.array(
			z
				.string()
				.regex(/^\d{1,9}$/, 'Choose the people to thank from the list.')
				.transform(Number)
		)
		.min(1, 'Choose at least one person to thank.')
});
export type ThankYouDraftInput = z.infer<typeof ThankYouDraftInput>;

export function readThankYouDraftForm(data: FormData): { addressees: string[] } {
	return { addressees: data.getAll('addressee').filter((v): v is string => typeof v === 'string') };
}
