import { fail, redirect } from '@sveltejs/kit';
import { safeReturnPath } from '$lib/server/auth/access';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { RuleViolation, TooManyAttempts } from '$lib/server/errors';
import { verifySecondFactor } from '$lib/server/users/two-factor.service';
import type { Actions, PageServerLoad } from './$types';

/** Only a session that has passed the password and still owes its second factor belongs here. */
export const load: PageServerLoad = ({ locals, url }) => {
	if (!locals.session || !locals.user?.twoFactorEnabled) redirect(303, '/login');
	if (locals.session.twoFactorVerified) redirect(303, safeReturnPath(url.searchParams.get('next')));
	return { next: url.searchParams.get('next') ?? '' };
};

export const actions: Actions = {
	default: async (event) => {
		const { locals, request } = event;
		if (!locals.session || !locals.user?.twoFactorEnabled) redirect(303, '/login');
		const data = await request.formData();
		const code = String(data.get('code') ?? '').slice(0, 64);
		const next = String(data.get('next') ?? '');
		if (!code.trim())
			return fail(400, { errors: { code: 'Enter the code from your app or a recovery code.' }, next });
		try {
			await verifySecondFactor(database().db, actorOf(event), locals.session.id, code);
		} catch (e) {
			if (e instanceof TooManyAttempts) return fail(429, { errors: { code: e.message }, next });
			if (e instanceof RuleViolation) return fail(400, { errors: e.fields, next });
			throw e;
		}
		redirect(303, safeReturnPath(next));
	}
};
