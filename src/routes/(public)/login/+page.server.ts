import { redirect } from '@sveltejs/kit';
import { safeReturnPath } from '$lib/server/auth/access';
import { setSessionCookie } from '$lib/server/auth/session';
import { database } from '$lib/server/db';
import { attempt, invalidInput } from '$lib/server/http/form-failure';
import { SignInInput } from '$lib/server/users/user.input';
import { signIn } from '$lib/server/users/user.service';
import { formFields } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user && locals.session?.twoFactorVerified)
		redirect(303, safeReturnPath(url.searchParams.get('next')));
	return { next: url.searchParams.get('next') ?? '' };
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const fields = formFields(await request.formData(), ['email', 'password', 'next']);
		const values = { email: fields.email ?? '', next: fields.next ?? '' };
		const parsed = SignInInput.safeParse(fields);
		if (!parsed.success) return invalidInput(parsed.error, { values });
		return attempt({ values }, async () => {
			const { token, session } = await signIn(database().db, parsed.data, {
				clientAddress: getClientAddress(),
				userAgent: request.headers.get('user-agent')
			});
			setSessionCookie(cookies, token, session, url.protocol === 'https:');
			if (!session.twoFactorVerified)
				redirect(303, `/login/two-factor?next=${encodeURIComponent(values.next)}`);
			redirect(303, safeReturnPath(values.next));
		});
	}
};
