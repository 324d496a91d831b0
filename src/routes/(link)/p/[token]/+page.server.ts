import { error } from '@sveltejs/kit';
import { formatShortDate } from '$lib/format/datetime';
import { database } from '$lib/server/db';
import { m } from '$lib/paraglide/messages';
import { attempt, refuseForm } from '$lib/server/http/form-failure';
import { RsvpResponseInput } from '$lib/server/links/personal-link.input';
import {
	findPersonalAgenda,
	resolvePersonalLink,
	respondToInvitation
} from '$lib/server/links/personal-link.service';
import type { PersonalAgendaView } from '$lib/server/links/personal-link.view';
import { sendPersonalPageHeaders } from '$lib/server/links/personal-page.headers';
import { timedItem, writtenWhen } from '$lib/server/events/event.view';
import { fieldErrors, formFields } from '$lib/server/validation';
import { findItinerariesOfPerson } from '$lib/server/visits/visit.service';
import type { Actions, PageServerLoad } from './$types';
import { defineWords } from '$lib/server/i18n/words';

/** The page's words, for its load to send. */
const pageWords = defineWords({
	link_decline: m.link_decline,
	link_tentative: m.link_tentative,
	link_accept: m.link_accept,
	link_answer_to: m.link_answer_to,
	link_coming_up: m.link_coming_up,
	link_dates_assumed: m.link_dates_assumed,
	link_earlier: m.link_earlier,
	link_given: m.link_given,
	link_heading: m.link_heading,
	link_hosted_by: m.link_hosted_by,
	link_ics: m.link_ics,
	link_intro: m.link_intro,
	link_itinerary: m.link_itinerary,
	link_more: m.link_more,
	link_none: m.link_none,
	link_not_published: m.link_not_published,
	link_page_title: m.link_page_title,
	link_programme: m.link_programme,
	link_saved: m.link_saved,
	link_status: m.link_status,
	link_take_part_as: m.link_take_part_as,
	link_times_in: m.link_times_in,
	link_you: m.link_you,
	link_your_answer: m.link_your_answer
});

const NOT_VALID = () => m.link_not_valid();

/** Each event's time, its items' times and the day the holder answered, written in the event's zone. */
function writtenOut(agenda: PersonalAgendaView) {
	return {
		...agenda,
		events: agenda.events.map((event) => {
			const { respondedAt } = event.participation;
			return {
				...event,
				when: writtenWhen(event),
				participation: {
					...event.participation,
					respondedOn: respondedAt && formatShortDate(respondedAt, event.timeZone)
				},
				agenda: event.agenda.map((item) => timedItem(item, event.timeZone))
			};
		})
	};
}

export const load: PageServerLoad = async ({ params }) => {
	const db = database().db;
	const link = await resolvePersonalLink(db, params.token);
	if (!link) error(404, NOT_VALID());
	const [agenda, visits] = await Promise.all([
		findPersonalAgenda(db, link.personId),
		findItinerariesOfPerson(db, link.personId)
	]);
	if (!agenda) error(404, NOT_VALID());
	return { agenda: writtenOut(agenda), visits, words: pageWords() };
};

export const actions: Actions = {
	/** The holder answers one invitation. The token is checked again here: the page proves nothing. */
	respond: async (event) => {
		sendPersonalPageHeaders(event);
		const db = database().db;
		const link = await resolvePersonalLink(db, event.params.token);
		if (!link) error(404, NOT_VALID());
		const fields = formFields(await event.request.formData(), ['participantId', 'status']);
		const context = {
			form: 'answer' as const,
			values: { participantId: Number(fields.participantId) || null }
		};
		const parsed = RsvpResponseInput.safeParse(fields);
		if (!parsed.success) {
			const errors = fieldErrors(parsed.error);
			return refuseForm(400, errors.status ?? errors.participantId ?? m.link_try_again(), context);
		}
		const { participantId, status } = parsed.data;
		return attempt(context, async () => {
			const answer = await respondToInvitation(db, link.personId, participantId, status, {
				clientAddress: event.getClientAddress()
			});
			return { answered: answer };
		});
	}
};
