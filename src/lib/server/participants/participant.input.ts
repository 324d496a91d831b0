/** What the participants page's forms may send, checked before any service sees it. */
import { z } from 'zod';
import { participantRoles } from '../../vocabulary';
import { plainText } from '../validation';

const digits = (message: string) =>
	z
		.string()
		.regex(/^\d{1,9}$/, message)
		.transform(Number)
		.pipe(z.number().int().positive(message));

const id = (message: string) => z.string({ error: message }).trim().pipe(digits(message));

const optionalId = (message: string) =>
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

const role = z.enum(participantRoles.values, { error: 'Choose a role from the list.' });

/** Inviting one person from the directory. */
export const ParticipantInviteInput = z.object({
	personId: id('Choose the person to invite.'),
	role,
	delegationId: optionalId('Choose a side from the list.'),
	clashOverride: checkbox
});
export type ParticipantInviteInput = z.infer<typeof ParticipantInviteInput>;
export const INVITE_FIELDS = ['personId', 'role', 'delegationId', 'clashOverride'] as const;

/** How a person created on the fly takes part: their form names these fields with a `new` prefix. */
export const NewPersonInviteInput = z.object({
	newRole: role,
	newDelegationId: optionalId('Choose a side from the list.'),
	clashOverride: checkbox
});
export const NEW_PERSON_INVITE_FIELDS = ['newRole', 'newDelegationId', 'clashOverride'] as const;

/** Inviting everyone of an organisation, optionally of the organisations below it too. */
export const OrganizationInviteInput = z.object({
	bulkOrganizationId: id('Choose an organisation.'),
	includeSubOrganizations: checkbox,
	bulkRole: role,
	bulkDelegationId: optionalId('Choose a side from the list.'),
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
		.string({ error: 'Paste the CSV or choose a file.' })
		.max(
			MAX_CSV_CHARACTERS,
			`The CSV may have at most ${MAX_CSV_CHARACTERS.toLocaleString('en')} characters.`
		)
		.refine((text) => text.trim().length > 0, 'Paste the CSV or choose a file.')
});

export const DelegationCreateInput = z.object({
	delegationName: plainText('Name of the side', 200),
	delegationOrganizationId: optionalId('Choose an organisation from the list.')
});
export type DelegationCreateInput = z.infer<typeof DelegationCreateInput>;

export const DelegationRenameInput = z.object({
	delegationId: id('No side named.'),
	name: plainText('Name of the side', 200)
});

export const DelegationRefInput = z.object({ delegationId: id('No side named.') });

export const DelegationAssignInput = z.object({
	participantId: id('No participant named.'),
	delegationId: optionalId('Choose a side from the list.')
});

export const PrecedenceMoveInput = z.object({
	participantId: id('No participant named.'),
	direction: z.enum(['up', 'down'], { error: 'Move up or down.' })
});

/** RSVPs an officer may record on someone's behalf (they answered by phone, by letter). */
export const RSVP_ANSWERS = ['invited', 'accepted', 'tentative', 'declined'] as const;
export const RsvpInput = z.object({
	participantId: id('No participant named.'),
	rsvp: z.enum(RSVP_ANSWERS, { error: 'Choose an answer from the list.' })
});

/** On the day: who came. */
export const ATTENDANCE = ['attended', 'no_show'] as const;
export const AttendanceInput = z.object({
	participantId: id('No participant named.'),
	attendance: z.enum(ATTENDANCE, { error: 'Attended or no-show.' })
});

export const RemoveInput = z.object({
	participantId: id('No participant named.'),
	confirmed: checkbox
});
