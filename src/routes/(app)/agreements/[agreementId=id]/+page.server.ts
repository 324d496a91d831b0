import { m } from '$lib/paraglide/messages';
import { error } from '@sveltejs/kit';
import { AgreementLetterInput } from '$lib/server/agreements/agreement.input';
import { findAgreementPage, setAgreementLetter } from '$lib/server/agreements/agreement.service';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { changeLinkAction } from '../../link-actions.server';
import type { Actions, PageServerLoad } from './$types';

/** `?find=`: notes and letters to link, found by words of their subject or their reference number. */
export const load: PageServerLoad = async ({ params, url }) => {
	const find = (url.searchParams.get('find') ?? '').slice(0, 200);
	const page = await findAgreementPage(database().db, Number(params.agreementId), { find });
	if (!page) error(404, m.agreements_not_found());
	return { ...page, find };
};

type ActionEvent = Parameters<Actions[string]>[0];

/** The Link buttons of the finder (`linked`) and the Unlink buttons beside each letter. */
const setLetter = (event: ActionEvent, linked: boolean) => {
	const agreementId = Number(event.params.agreementId);
	return changeLinkAction(event.request, {
		schema: AgreementLetterInput,
		write: ({ targetId }) =>
			setAgreementLetter(database().db, actorOf(event), agreementId, { correspondenceId: targetId, linked }),
		back: { path: `/agreements/${agreementId}`, anchor: linked ? 'link' : 'letters' }
	});
};

export const actions: Actions = {
	link: (event) => setLetter(event, true),
	unlink: (event) => setLetter(event, false)
};
