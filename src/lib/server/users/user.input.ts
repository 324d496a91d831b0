import { z } from 'zod';
import { userRoles } from '../../vocabulary';
import { emailAddress, plainText } from '../validation';
import { PASSWORD_MAX } from '../auth/password';
import { m } from '../../paraglide/messages.js';

// The length and common-password rules live in passwordProblem; this only bounds what we accept at all.
const password = z
	.string({ error: () => m.auth_error_password_required() })
	.min(1, { error: () => m.auth_error_password_required() })
	.max(PASSWORD_MAX * 4, { error: () => m.auth_error_password_too_long() });

export const UserCreateInput = z.object({
	name: plainText(m.auth_field_name, 200),
	email: emailAddress,
	role: z.enum(userRoles.values, { error: () => m.auth_error_choose_role() }),
	password
});
export type UserCreateInput = z.infer<typeof UserCreateInput>;

export const FirstAdministratorInput = z
	.object({
		name: plainText(m.auth_field_name, 200),
		email: emailAddress,
		password,
		confirm: z.string({ error: () => m.auth_error_repeat_password() })
	})
	.refine((input) => input.password === input.confirm, {
		error: () => m.auth_error_passwords_differ(),
		path: ['confirm']
	});
export type FirstAdministratorInput = z.infer<typeof FirstAdministratorInput>;

export const SignInInput = z.object({
	email: z
		.string({ error: () => m.validation_email_required() })
		.transform((value) => value.trim().toLowerCase())
		.pipe(
			z
				.string()
				.min(1, { error: () => m.validation_email_required() })
				.max(254, { error: () => m.validation_email_too_long() })
				// PostgreSQL refuses NUL in text, and it would land in the throttle and the audit trail.
				.refine((value) => !/\p{Cc}/u.test(value), { error: () => m.auth_error_email_bad_characters() })
		),
	password
});
export type SignInInput = z.infer<typeof SignInInput>;

export const PasswordChangeInput = z
	.object({
		current: z
			.string({ error: () => m.auth_error_enter_current_password() })
			.min(1, { error: () => m.auth_error_enter_current_password() }),
		password,
		confirm: z.string({ error: () => m.auth_error_repeat_new_password() })
	})
	.refine((input) => input.password === input.confirm, {
		error: () => m.auth_error_passwords_differ(),
		path: ['confirm']
	});
export type PasswordChangeInput = z.infer<typeof PasswordChangeInput>;
