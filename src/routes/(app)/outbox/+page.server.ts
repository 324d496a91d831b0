import { database } from '$lib/server/db';
import { getOutboxPage } from '$lib/server/mail/outbox.service';
import { pageRequest } from '$lib/server/pagination';
import { retryAction } from '../outbox-actions.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	return { outbox: await getOutboxPage(database().db, {}, pageRequest(url, 50, ['id'])) };
};

export const actions: Actions = { retry: retryAction };
