import { fail, redirect } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { Conflict, RuleViolation } from '$lib/server/errors';
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
	begin: async (event) => {
		try {
			await beginTwoFactorEnrolment(database().db, actorOf(event));
		} catch (e) {
			if (e instanceof Conflict) return fail(409, { message: e.message });
			throw e;
		}
		redirect(303, '/account/two-factor');
	},
	confirm: async (event) => {
		const code = String((await event.request.formData()).get('code') ?? '').slice(0, 32);
		try {
			const recoveryCodes = await confirmTwoFactorEnrolment(
				database().db,
				actorOf(event),
				event.locals.session!.id,
				code
			);
			return { recoveryCodes };
		} catch (e) {
			if (e instanceof RuleViolation) return fail(400, { errors: e.fields });
			if (e instanceof Conflict) return fail(409, { message: e.message });
			throw e;
		}
	},
	disable: async (event) => {
		const password = String((await event.request.formData()).get('password') ?? '');
		try {
			await disableOwnTwoFactor(database().db, actorOf(event), event.locals.user!.role, password);
		} catch (e) {
			if (e instanceof RuleViolation) return fail(400, { errors: e.fields });
			if (e instanceof Conflict) return fail(409, { message: e.message });
			throw e;
		}
		return { disabled: true };
	}
};
