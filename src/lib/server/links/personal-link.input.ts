import { z } from 'zod';
import { m } from '../../paraglide/messages.js';

/** What a person may answer through their link; attendance is the office's to record. */
export const RSVP_ANSWERS = ['accepted', 'tentative', 'declined'] as const;
export type RsvpAnswer = (typeof RSVP_ANSWERS)[number];

const id = (message: () => string) =>
	z
		.string({ error: message })
		.regex(/^[1-9]\d{0,15}$/, { error: message })
		.transform(Number)
		.pipe(z.number().int().positive().max(Number.MAX_SAFE_INTEGER, { error: message }));

export const RsvpResponseInput = z.object({
	participantId: id(() => m.link_error_no_invitation()),
	status: z.enum(RSVP_ANSWERS, { error: () => m.link_error_choose_answer() })
});
export type RsvpResponseInput = z.infer<typeof RsvpResponseInput>;

export const PERSONAL_LINK_MAX_DAYS = 365;

const validDaysMessage = () => m.link_error_valid_days_field({ max: PERSONAL_LINK_MAX_DAYS });

export const PersonalLinkIssueInput = z.object({
	validDays: z
		.string({ error: () => m.link_error_say_days() })
		.trim()
		.regex(/^\d{1,3}$/, { error: validDaysMessage })
		.transform(Number)
		.pipe(
			z
				.number()
				.int()
				.min(1, { error: validDaysMessage })
				.max(PERSONAL_LINK_MAX_DAYS, { error: validDaysMessage })
		)
});
export type PersonalLinkIssueInput = z.infer<typeof PersonalLinkIssueInput>;
