import { z } from 'zod';
import { userRoles } from '../../vocabulary';
import { emailAddress, plainText } from '../validation';
import { PASSWORD_MAX } from '../auth/password';

// The length and common-password rules live in passwordProblem; this only bounds what we accept at all.
const password = z
	.string({ error: 'Password is required.' })
	.min(1, 'Password is required.')
	.max(PASSWORD_MAX * 4, 'That password is too long.');

export const UserCreateInput = z.object({
	name: plainText('Name', 200),
	email: emailAddress,
	role: z.enum(userRoles.values, { error: 'Choose a role.' }),
	password
});
export type UserCreateInput = z.infer<typeof UserCreateInput>;

export const FirstAdministratorInput = z
	.object({
		name: plainText('Name', 200),
		email: emailAddress,
		password,
		confirm: z.string({ error: 'Repeat the password.' })
	})
	.refine((input) => input.password === input.confirm, {
		message: 'The two passwords differ.',
		path: ['confirm']
	});
export type FirstAdministratorInput = z.infer<typeof FirstAdministratorInput>;

export const SignInInput = z.object({
	email: z
		.string({ error: 'E-mail is required.' })
		.transform((value) => value.trim().toLowerCase())
		.pipe(
			z
				.string()
				.min(1, 'E-mail is required.')
				.max(254, 'That e-mail address is too long.')
				// PostgreSQL refuses NUL in text, and it would land in the throttle and the audit trail.
				.refine((value) => !/\p{Cc}/u.test(value), 'E-mail contains characters that cannot be used.')
		),
	password
});
export type SignInInput = z.infer<typeof SignInInput>;

export const PasswordChangeInput = z
	.object({
		current: z.string({ error: 'Enter your current password.' }).min(1, 'Enter your current password.'),
		password,
		confirm: z.string({ error: 'Repeat the new password.' })
	})
	.refine((input) => input.password === input.confirm, {
		message: 'The two passwords differ.',
		path: ['confirm']
	});
export type PasswordChangeInput = z.infer<typeof PasswordChangeInput>;
