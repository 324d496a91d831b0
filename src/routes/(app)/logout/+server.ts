import { redirect } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { deleteSessionCookie } from '$lib/server/auth/session';
import { database } from '$lib/server/db';
import { signOut } from '$lib/server/users/user.service';
import type { RequestHandler } from './$types';

/** Signing out is a POST (a GET never changes state); the form sits in the page header. */
export const POST: RequestHandler = async (event) => {
	const { locals, cookies, url } = event;
	if (locals.session && locals.user) await signOut(database().db, actorOf(event), locals.session.id);
	deleteSessionCookie(cookies, url.protocol === 'https:');
	redirect(303, '/login');
};
