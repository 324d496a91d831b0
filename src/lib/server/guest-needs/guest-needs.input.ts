/** The needs form of one guest: dietary requirements ticked, notes, a language for interpretation. */
import { z } from 'zod';
import { dietaryRequirements } from '../../vocabulary';
import { INTERPRETATION_LANGUAGES } from '../../guest-needs';
import { m } from '../../paraglide/messages.js';
import { optional, plainText } from '../validation';

export const GuestNeedsInput = z.object({
	diet: z.array(z.enum(dietaryRequirements.values, { error: () => m.needs_error_diet() })),
	dietaryNote: optional(plainText(m.needs_field_dietary_note, 1000, { multiline: true })),
	accessibility: optional(plainText(m.needs_field_accessibility, 1000, { multiline: true })),
	interpretationLanguage: optional(
		z.enum(INTERPRETATION_LANGUAGES, { error: () => m.needs_error_language() })
	),
	securityNote: optional(plainText(m.needs_field_security, 1000, { multiline: true }))
});
export type GuestNeedsInput = z.infer<typeof GuestNeedsInput>;

/** What the form posted: its text fields as typed, each ticked requirement once. */
export function readGuestNeedsForm(data: FormData) {
	const text = (name: string) => {
		const value = data.get(name);
		return typeof value === 'string' ? value : '';
	};
	return {
		diet: [...new Set(data.getAll('diet').filter((v): v is string => typeof v === 'string'))],
		dietaryNote: text('dietaryNote'),
		accessibility: text('accessibility'),
		interpretationLanguage: text('interpretationLanguage'),
		securityNote: text('securityNote'),
		version: text('version')
	};
}
export type GuestNeedsFormValues = ReturnType<typeof readGuestNeedsForm>;
