import { database } from '$lib/server/db';
import { getOutboxPage } from '$lib/server/mail/outbox.service';
import { pageRequest } from '$lib/server/pagination';
import { retryAction } from '../outbox-actions.server';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { defineWords } from '$lib/server/i18n/words';
import { listWords } from '$lib/server/i18n/list.words';
import { outboxWords } from '$lib/server/mail/outbox.words';
import { datedOutbox } from '$lib/server/mail/outbox.view';

/** The page's words, for its load to send. */
const pageWords = defineWords({
	mail_outbox_intro: m.mail_outbox_intro,
	mail_outbox_page_title: m.mail_outbox_page_title,
	mail_outbox_retried: m.mail_outbox_retried,
	mail_outbox_title: m.mail_outbox_title
});

export const load: PageServerLoad = async ({ url }) => {
	return {
		outbox: datedOutbox(await getOutboxPage(database().db, {}, pageRequest(url, 50, ['id'])), 'UTC'),
		words: { ...listWords(), ...outboxWords(), ...pageWords() }
	};
};

export const actions: Actions = { retry: retryAction };
