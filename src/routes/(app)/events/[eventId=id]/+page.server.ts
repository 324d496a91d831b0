import { datedDocument } from '$lib/server/correspondence/correspondence.view';
import { error, redirect } from '@sveltejs/kit';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { findEventPage } from '$lib/server/events/event-read.service';
import { timedItem, writtenWhen } from '$lib/server/events/event.view';
import { listWaitingProposals } from '$lib/server/inbox/inbox.service';
import { attempt, invalidInput } from '$lib/server/http/form-failure';
import { CarryOverInput } from '$lib/server/outcomes/outcome.input';
import { carryActionPoints } from '$lib/server/outcomes/outcome-thread.service';
import { formFields } from '$lib/server/validation';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';
import { defineWords } from '$lib/server/i18n/words';
import { outcomesInBrief } from '$lib/server/outcomes/outcome-list.view';
import { formatCalendarDate, formatShortDate } from '$lib/format/datetime';
import { formatOrganizationName } from '$lib/format/names';
import { hasTopics } from '$lib/vocabulary';
import { toPersonNamed } from '$lib/server/events/event.view';

/** The words of the event page and the proposals beside it, for its load to send. */
const pageWords = defineWords({
	events_page_actions: m.events_page_actions,
	events_page_agenda: m.events_page_agenda,
	events_page_agreements: m.events_page_agreements,
	events_page_all_proposals: m.events_page_all_proposals,
	events_page_carry: m.events_page_carry,
	events_page_carry_heading: m.events_page_carry_heading,
	events_page_carry_hint: m.events_page_carry_hint,
	events_page_correspondence: m.events_page_correspondence,
	events_page_details: m.events_page_details,
	events_page_edit: m.events_page_edit,
	events_page_follow_up: m.events_page_follow_up,
	events_page_head_of_delegation: m.events_page_head_of_delegation,
	events_page_link: m.events_page_link,
	events_page_no_agenda: m.events_page_no_agenda,
	events_page_no_agreements: m.events_page_no_agreements,
	events_page_no_correspondence: m.events_page_no_correspondence,
	events_page_no_outcomes: m.events_page_no_outcomes,
	events_page_no_participants: m.events_page_no_participants,
	events_page_outcomes: m.events_page_outcomes,
	events_page_participants: m.events_page_participants,
	events_page_projects: m.events_page_projects,
	events_page_proposals_waiting: m.events_page_proposals_waiting,
	events_page_public: m.events_page_public,
	events_page_record_agreement: m.events_page_record_agreement,
	events_page_record_outcome: m.events_page_record_outcome,
	events_page_register_document: m.events_page_register_document,
	events_page_thank_you: m.events_page_thank_you
});

export const load: PageServerLoad = async (request) => {
	const { params, locals } = request;
	const officer = locals.user !== null && locals.user.role !== 'viewer';
	const eventId = Number(params.eventId);
	const [event, proposals] = await Promise.all([
		findEventPage(database().db, eventId, { carryOffers: officer }),
		// New times attendees proposed by e-mail (src/lib/server/inbox), for officers to decide on.
		listWaitingProposals(database().db, actorOf(request), eventId)
	]);
	if (!event) error(404, m.events_page_not_found());
	const written = writtenOut(event);
	return {
		event: written,
		said: saidOf(written, officer),
		proposals,
		notice: noticeOf(request.url),
		carried: carriedNotice(request.url),
		words: pageWords()
	};
};

/**
 * What the step that led here did (`?proposal=…`, `?imported=…`), written here; an event just imported
 * is offered its form (`edit`).
 */
function noticeOf(url: URL): { text: string; edit: boolean } | null {
	const said = (text: string, edit = false) => ({ text, edit });
	const proposal = url.searchParams.get('proposal');
	if (proposal === 'accepted') return said(m.events_page_proposal_accepted());
	if (proposal === 'declined') return said(m.events_page_proposal_declined());
	const imported = url.searchParams.get('imported');
	if (imported === 'create') return said(m.events_page_imported_create(), true);
	if (imported === 'update') return said(m.events_page_imported_update());
	if (imported === 'cancel') return said(m.events_page_imported_cancel());
	return null;
}

/** How many outcomes were just carried over to this event (`?carried=2`), said; null for none. */
function carriedNotice(url: URL): string | null {
	const carried = Number(url.searchParams.get('carried') ?? 0);
	if (!(carried > 0)) return null;
	return carried === 1 ? m.events_page_carried_one() : m.events_page_carried_other({ count: carried });
}

/**
 * The event with the dates and names the page shows written out in the reader's language (when it
 * happens, its items' times, the outcomes' days, the offers' due dates, the last change, the hosts'
 * full names), and whether its kind has topics: the page formats nothing itself.
 */
function writtenOut(event: NonNullable<Awaited<ReturnType<typeof findEventPage>>>) {
	return {
		...event,
		when: writtenWhen(event),
		hosts: event.hosts.map((host) => ({ ...host, fullName: formatOrganizationName(host) })),
		// Each person as the page names them, without the parts their titles are made of: a fifth of the
		// page's data otherwise, serialised into every answer.
		agenda: event.agenda.map((item) =>
			timedItem(
				{
					id: item.id,
					kindLabel: item.kindLabel,
					title: item.title,
					titleLocale: item.titleLocale,
					startAt: item.startAt,
					endAt: item.endAt,
					notes: item.notes,
					people: item.people.map((person) => ({
						...toPersonNamed(person),
						role: person.role,
						roleLabel: person.roleLabel
					}))
				},
				event.timeZone
			)
		),
		delegations: event.delegations.map((delegation) => ({
			...delegation,
			head: delegation.head && toPersonNamed(delegation.head),
			members: delegation.members.map((member) => ({
				...toPersonNamed(member),
				id: member.id,
				roleLabel: member.roleLabel,
				rsvpStatus: member.rsvpStatus,
				rsvpLabel: member.rsvpLabel
			}))
		})),
		outcomes: outcomesInBrief(event.outcomes, event.id),
		followsUp: outcomesInBrief(event.followsUp, event.id),
		carryOffers: {
			...event.carryOffers,
			items: event.carryOffers.items.map((offer) => ({
				...offer,
				due: offer.dueOn ? formatCalendarDate(offer.dueOn) : null
			}))
		},
		correspondence: event.correspondence.map(datedDocument),
		updatedDay: formatShortDate(event.updatedAt, event.timeZone),
		hasTopics: hasTopics(event.kind)
	};
}

/**
 * What the page says that hangs on the event and the reader, written here rather than by its script: the
 * toolbar's links (officers have more), the hosts' and co-hosts' headings, each offer's origin and due
 * date, the carry-over buttons, and the footer.
 */
function saidOf(event: ReturnType<typeof writtenOut>, officer: boolean) {
	const link = (path: string, label: string, download = false) => ({
		href: `/events/${event.id}${path}`,
		label,
		primary: path === '/edit',
		download
	});
	const hostsOf = (role: 'host' | 'co_host', one: string, many: string) => {
		const organizations = event.hosts.filter((host) => host.role === role);
		return { label: organizations.length > 1 ? many : one, organizations };
	};
	const offers = event.carryOffers;
	return {
		actions: [
			...(officer
				? [
						link('/edit', m.events_page_edit()),
						link('/agenda', m.events_page_agenda()),
						link('/participants', m.events_page_participants()),
						link('/invitations', m.events_page_invitations()),
						link('/duplicate', m.events_page_duplicate())
					]
				: []),
			...(event.hasTopics ? [link('/topics', m.events_page_topics())] : []),
			link('/brief', m.events_page_brief()),
			link('/programme', m.events_page_programme()),
			link('/participants/list', m.events_page_participant_list()),
			link('/participants/badges', m.events_page_badges()),
			link('/seating', m.events_page_seating()),
			link('/calendar.ics', m.events_page_ics(), true),
			link('/calendar.ics?agenda=1', m.events_page_ics_agenda(), true),
			...(officer ? [link('/history', m.events_page_history())] : [])
		],
		hosts: [
			hostsOf('host', m.events_page_host(), m.events_page_hosts()),
			hostsOf('co_host', m.events_page_co_host(), m.events_page_co_hosts())
		].filter((group) => group.organizations.length > 0),
		offers: offers.items.map((offer) =>
			[
				offer.from && m.events_page_agreed_at({ meeting: offer.from }),
				offer.due && m.events_page_due({ date: offer.due })
			]
				.filter(Boolean)
				.join(' · ')
		),
		carryLeft:
			offers.left > 0 ? m.events_page_carry_left({ count: `${offers.left}${offers.more ? '+' : ''}` }) : null,
		carryAll:
			offers.items.length > 1
				? {
						label: m.events_page_carry_all({ count: offers.items.length }),
						ids: offers.items.map((offer) => offer.id).join(',')
					}
				: null,
		footer: m.events_page_footer({
			date: event.updatedDay,
			uid: event.icalUid,
			sequence: event.icalSequence
		})
	};
}

export const actions: Actions = {
	/** Open action points with the meeting's hosts carried over to it: one, or all those offered. */
	carry: async (event) => {
		const fields = formFields(await event.request.formData(), ['outcomeIds']);
		const context = { form: 'carry' as const, values: { outcomeIds: fields.outcomeIds ?? '' } };
		const parsed = CarryOverInput.safeParse(fields);
		if (!parsed.success) return invalidInput(parsed.error, context);
		const eventId = Number(event.params.eventId);
		return attempt(context, async () => {
			await carryActionPoints(database().db, actorOf(event), eventId, parsed.data.outcomeIds);
			redirect(303, `/events/${eventId}?carried=${parsed.data.outcomeIds.length}#outcomes-heading`);
		});
	}
};
