/** What the participants page's forms may send, checked before any service sees it. */
import { z } from 'zod';
import { m } from '../../paraglide/messages.js';
import { getLocale } from '../../paraglide/runtime.js';
import { participantRoles } from '../../vocabulary';
import { plainText } from '../validation';

/** A message read when it is given, in the reader's language. */
type Message = () => string;

const digits = (message: Message) =>
	z
		.string()
		.regex(/^\d{1,9}$/, { error: message })
		.transform(Number)
		.pipe(z.number().int().positive({ error: message }));

const id = (message: Message) => z.string({ error: message }).trim().pipe(digits(message));

const optionalId = (message: Message) =>
	z
		.string()
		.optional()
		.transform((value) => value?.trim() || undefined)
		.pipe(digits(message).optional())
		.transform((value) => value ?? null);

const checkbox = z
	.string()
	.optional()
	.transform((value) => value === 'on' || value === '1' || value === 'true');

const role = z.enum(participantRoles.values, { error: () => m.participants_error_role() });

/** Inviting one person from the directory. */
export const ParticipantInviteInput = z.object({
	personId: id(m.participants_error_person),
	role,
	delegationId: optionalId(m.participants_error_side),
	clashOverride: checkbox
});
export type ParticipantInviteInput = z.infer<typeof ParticipantInviteInput>;
export const INVITE_FIELDS = ['personId', 'role', 'delegationId', 'clashOverride'] as const;

/** How a person created on the fly takes part: their form names these fields with a `new` prefix. */
export const NewPersonInviteInput = z.object({
	newRole: role,
	newDelegationId: optionalId(m.participants_error_side),
	clashOverride: checkbox
});
export const NEW_PERSON_INVITE_FIELDS = ['newRole', 'newDelegationId', 'clashOverride'] as const;

/** Inviting everyone of an organisation, optionally of the organisations below it too. */
export const OrganizationInviteInput = z.object({
	bulkOrganizationId: id(m.participants_error_organisation),
	includeSubOrganizations: checkbox,
	bulkRole: role,
	bulkDelegationId: optionalId(m.participants_error_side),
	clashOverride: checkbox
});
export type OrganizationInviteInput = z.infer<typeof OrganizationInviteInput>;
export const ORGANIZATION_INVITE_FIELDS = [
	'bulkOrganizationId',
	'includeSubOrganizations',
	'bulkRole',
	'bulkDelegationId',
	'clashOverride'
] as const;

/** A CSV file's text: pasted, or read from an uploaded file. */
export const MAX_CSV_CHARACTERS = 400_000;
export const ParticipantImportInput = z.object({
	csv: z
		.string({ error: () => m.participants_error_csv() })
		.max(MAX_CSV_CHARACTERS, {
			error: () => m.participants_error_csv_too_long({ max: MAX_CSV_CHARACTERS.toLocaleString(getLocale()) })
		})
		.refine((text) => text.trim().length > 0, { error: () => m.participants_error_csv() })
});

export const DelegationCreateInput = z.object({
	delegationName: plainText(m.participants_field_side_name, 200),
	delegationOrganizationId: optionalId(m.participants_error_organisation_list)
});
export type DelegationCreateInput = z.infer<typeof DelegationCreateInput>;

export const DelegationRenameInput = z.object({
	delegationId: id(m.participants_error_no_side),
	name: plainText(m.participants_field_side_name, 200)
});

export const DelegationRefInput = z.object({ delegationId: id(m.participants_error_no_side) });

export const DelegationAssignInput = z.object({
	participantId: id(m.participants_error_no_participant),
	delegationId: optionalId(m.participants_error_side)
});

export const PrecedenceMoveInput = z.object({
	participantId: id(m.participants_error_no_participant),
	direction: z.enum(['up', 'down'], { error: () => m.participants_error_direction() })
});

/** RSVPs an officer may record on someone's behalf (they answered by phone, by letter). */
export const RSVP_ANSWERS = ['invited', 'accepted', 'tentative', 'declined'] as const;
export const RsvpInput = z.object({
	participantId: id(m.participants_error_no_participant),
	rsvp: z.enum(RSVP_ANSWERS, { error: () => m.participants_error_answer() })
});

/** On the day: who came. */
export const ATTENDANCE = ['attended', 'no_show'] as const;
export const AttendanceInput = z.object({
	participantId: id(m.participants_error_no_participant),
	attendance: z.enum(ATTENDANCE, { error: () => m.participants_error_attendance() })
});

export const RemoveInput = z.object({
	participantId: id(m.participants_error_no_participant),
	confirmed: checkbox
});
