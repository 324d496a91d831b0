import { datedDocument } from '$lib/server/correspondence/correspondence.view';
import { m } from '$lib/paraglide/messages';
import { error } from '@sveltejs/kit';
import { AgreementLetterInput } from '$lib/server/agreements/agreement.input';
import {
	findAgreementPage,
	setAgreementLetter,
	type AgreementPage
} from '$lib/server/agreements/agreement.service';
import { formatCalendarDate, formatDate } from '$lib/format/datetime';
import type { EventRef } from '$lib/server/events/event.ref';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { changeLinkAction } from '../../link-actions.server';
import type { Actions, PageServerLoad } from './$types';
import { hasRole } from '$lib/server/auth/access';
import { defineWords } from '$lib/server/i18n/words';

/** The page's words, for its load to send. */
const pageWords = defineWords({
	agreements_page_approved: m.agreements_page_approved,
	agreements_page_approved_by: m.agreements_page_approved_by,
	agreements_page_date_not_recorded: m.agreements_page_date_not_recorded,
	agreements_page_details: m.agreements_page_details,
	agreements_page_drafted_from: m.agreements_page_drafted_from,
	agreements_page_in_force: m.agreements_page_in_force,
	agreements_page_in_force_from: m.agreements_page_in_force_from,
	agreements_page_in_force_from_until: m.agreements_page_in_force_from_until,
	agreements_page_kind: m.agreements_page_kind,
	agreements_page_letters: m.agreements_page_letters,
	agreements_page_letters_none: m.agreements_page_letters_none,
	agreements_page_not_recorded: m.agreements_page_not_recorded,
	agreements_page_not_signed: m.agreements_page_not_signed,
	agreements_page_parties: m.agreements_page_parties,
	agreements_page_projects: m.agreements_page_projects,
	agreements_page_projects_none: m.agreements_page_projects_none,
	agreements_page_signed: m.agreements_page_signed,
	agreements_page_signed_at: m.agreements_page_signed_at,
	agreements_page_signed_in: m.agreements_page_signed_in,
	agreements_page_terminated: m.agreements_page_terminated,
	agreements_page_terminated_from: m.agreements_page_terminated_from,
	agreements_page_topic_of: m.agreements_page_topic_of
});

/** The words of the panels only officers see: only they are sent them. */
const officerWords = defineWords({
	agreements_page_edit: m.agreements_page_edit,
	agreements_page_unlink: m.agreements_page_unlink,
	agreements_page_new_project: m.agreements_page_new_project,
	agreements_page_link_heading: m.agreements_page_link_heading,
	agreements_page_link_label: m.agreements_page_link_label
});

/** `?find=`: notes and letters to link, found by words of their subject or their reference number. */
/** The agreement with the dates it shows written out, so that the page formats none (nor loads the code to). */
function withDates({ agreement, topics, ...page }: AgreementPage) {
	const day = (on: string | null) => on && formatCalendarDate(on);
	const eventDay = <T extends EventRef>(event: T) => ({
		...event,
		day: formatDate(event.startAt, event.timeZone)
	});
	return {
		...page,
		agreement: {
			...agreement,
			signedDay: day(agreement.signedOn),
			approvedDay: day(agreement.approvedOn),
			inForceDay: day(agreement.inForceOn),
			inForceUntilDay: day(agreement.inForceUntil),
			terminatedDay: day(agreement.terminatedOn),
			signedEvent: agreement.signedEvent && eventDay(agreement.signedEvent),
			letters: agreement.letters.map(datedDocument)
		},
		topics: topics.map((topic) => ({ ...topic, event: eventDay(topic.event) }))
	};
}

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const find = (url.searchParams.get('find') ?? '').slice(0, 200);
	const page = await findAgreementPage(database().db, Number(params.agreementId), { find });
	if (!page) error(404, m.agreements_not_found());
	return {
		...withDates(page),
		find,
		words: pageWords(),
		officerWords: hasRole(locals.user, 'officer') ? officerWords() : null
	};
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
