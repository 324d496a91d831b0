import { redirect } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { attempt } from '$lib/server/http/form-failure';
import {
	beginTwoFactorEnrolment,
	confirmTwoFactorEnrolment,
	disableOwnTwoFactor,
	mustEnrolTwoFactor,
	findPendingTwoFactorEnrolment
} from '$lib/server/users/two-factor.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = locals.user!;
	const db = database().db;
	return {
		enabled: user.twoFactorEnabled,
		required: await mustEnrolTwoFactor(db, user),
		enrolment: user.twoFactorEnabled ? null : await findPendingTwoFactorEnrolment(db, user.id)
	};
};

export const actions: Actions = {
	begin: (event) =>
		attempt({ values: {} }, async () => {
			await beginTwoFactorEnrolment(database().db, actorOf(event));
			redirect(303, '/account/two-factor');
		}),
	confirm: async (event) => {
		const code = String((await event.request.formData()).get('code') ?? '').slice(0, 32);
		return attempt({ values: {} }, async () => {
			const sessionId = event.locals.session!.id;
			return {
				recoveryCodes: await confirmTwoFactorEnrolment(database().db, actorOf(event), sessionId, code)
			};
		});
	},
	disable: async (event) => {
		const password = String((await event.request.formData()).get('password') ?? '');
		return attempt({ values: {} }, async () => {
			await disableOwnTwoFactor(database().db, actorOf(event), event.locals.user!.role, password);
			return { disabled: true };
		});
	}
};
