import { redirect } from '@sveltejs/kit';
import { safeReturnPath } from '$lib/server/auth/access';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { fail } from '@sveltejs/kit';
import { attempt, formFailure } from '$lib/server/http/form-failure';
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
		const context = { values: { next } };
		if (!code.trim()) {
			return fail(400, formFailure(context, { code: 'Enter the code from your app or a recovery code.' }));
		}
		const sessionId = locals.session.id;
		return attempt(context, async () => {
			await verifySecondFactor(database().db, actorOf(event), sessionId, code);
			redirect(303, safeReturnPath(next));
		});
	}
};
