import { datedSummary } from '$lib/server/events/event.view';
import { datedRef } from '$lib/server/events/event.ref';
import { datedDocument } from '$lib/server/correspondence/correspondence.view';
import { m } from '$lib/paraglide/messages';
import { error, redirect } from '@sveltejs/kit';
import { hasRole } from '$lib/server/auth/access';
import { actorOf } from '$lib/server/auth/actor';
import { database } from '$lib/server/db';
import { attempt, invalidInput } from '$lib/server/http/form-failure';
import { PersonalLinkIssueInput } from '$lib/server/links/personal-link.input';
import {
	findPersonalLinkStatus,
	issuePersonalLink,
	revokePersonalLinks
} from '$lib/server/links/personal-link.service';
import { listFeedsOf } from '$lib/server/feeds/feed.service';
import { findMergedInto } from '$lib/server/people/person-merge.service';
import { findPersonPage } from '$lib/server/people/person.service';
import type { PersonPageView } from '$lib/server/people/person.view';
import { createFeedAction, revokeFeedAction } from '../../feed-actions.server';
import { formFields } from '$lib/server/validation';
import type { Actions, PageServerLoad } from './$types';
import { feedPanelWords } from '$lib/server/feeds/feed.words';
import { defineWords } from '$lib/server/i18n/words';
import { formatCalendarDate, formatShortDate, formatTime } from '$lib/format/datetime';
import { formatOrganizationName, formatTitles } from '$lib/format/names';
import { getLocale } from '$lib/paraglide/runtime';
import { personTools } from './tools';

/** The page's own words, for its load to send. */
const pageWords = defineWords({
	people_list_title: m.people_list_title,
	people_page_as: m.people_page_as,
	people_page_correspondence: m.people_page_correspondence,
	people_page_correspondence_empty: m.people_page_correspondence_empty,
	people_page_delete: m.people_page_delete,
	people_page_details: m.people_page_details,
	people_page_due: m.people_page_due,
	people_page_edit: m.people_page_edit,
	people_page_engagements: m.people_page_engagements,
	people_page_engagements_empty: m.people_page_engagements_empty,
	people_page_engagements_empty_listed: m.people_page_engagements_empty_listed,
	people_page_events: m.people_page_events,
	people_page_events_all: m.people_page_events_all,
	people_page_events_empty: m.people_page_events_empty,
	people_page_merge: m.people_page_merge,
	people_page_merged: m.people_page_merged,
	people_page_outcomes: m.people_page_outcomes,
	people_page_outcomes_empty: m.people_page_outcomes_empty,
	people_page_posts: m.people_page_posts,
	people_page_posts_edit: m.people_page_posts_edit,
	people_page_role: m.people_page_role,
	people_page_titles_at_event: m.people_page_titles_at_event
});

/** The personal link panel's words: only officers see the panel, so only they are sent them. */
const linkPanelWords = defineWords({
	people_page_link_days: m.people_page_link_days,
	people_page_link_heading: m.people_page_link_heading,
	people_page_link_issued: m.people_page_link_issued,
	people_page_link_new_label: m.people_page_link_new_label,
	people_page_link_none_to_revoke: m.people_page_link_none_to_revoke,
	people_page_link_revoke: m.people_page_link_revoke,
	people_page_link_revoked: m.people_page_link_revoked
});

export const load: PageServerLoad = async ({ params, locals }) => {
	const officer = hasRole(locals.user, 'officer');
	const db = database().db;
	const personId = Number(params.personId);
	const [person, personalLink, feeds] = await Promise.all([
		findPersonPage(db, personId, { privateContacts: officer }),
		// Viewers get no word of personal links or feeds, not even whether one exists.
		officer ? findPersonalLinkStatus(db, personId) : undefined,
		officer ? listFeedsOf(db, { personId }) : undefined,
		// So that the server draws an officer's tools with the page (tools.ts).
		officer ? personTools.load() : undefined
	]);
	if (!person) {
		// Merged into someone else: their page is the one kept.
		const keptId = await findMergedInto(db, personId);
		if (keptId !== null) redirect(301, `/people/${keptId}`);
		error(404, m.people_not_found());
	}
	return {
		person: writtenOut(person),
		linkPanel: officer ? linkPanel(person.name, personalLink ?? null) : null,
		feeds: feeds ?? null,
		words: { ...pageWords(), ...feedPanelWords() }
	};
};

/** An instant as the page says it, in UTC: "5 Dec 2026, 14:00 UTC". */
const utc = (instant: string) => `${formatShortDate(instant, 'UTC')}, ${formatTime(instant, 'UTC')} UTC`;

/**
 * What the page shows of the person, with its dates, names, titles and sentences written out in the
 * reader's language: the page formats nothing itself, and is sent nothing it does not show.
 */
function writtenOut(person: PersonPageView) {
	return {
		id: person.id,
		name: person.name,
		nativeName: person.nativeName,
		position: person.position,
		positionLocale: person.positionLocale,
		organization: person.organization,
		notes: person.notes,
		facts: factsOf(person),
		positions: person.positions,
		moreParticipations: person.moreParticipations,
		moreOutcomes: person.moreOutcomes,
		outcomesHref: person.outcomesHref,
		moreCorrespondence: person.moreCorrespondence,
		participations: person.participations.map((p) => ({
			...datedSummary(p),
			titlesAtEvent: formatTitles({ position: p.positionAtEvent, rank: p.rankAtEvent, organization: null })
		})),
		engagements: person.engagements.map((engagement) => ({
			...engagement,
			day: formatShortDate(engagement.event.startAt, engagement.event.timeZone),
			items: engagement.items.map((item) => ({
				...item,
				kindTime: item.startAt
					? `${item.kindLabel}, ${formatTime(item.startAt, engagement.event.timeZone)}`
					: item.kindLabel
			}))
		})),
		outcomes: person.outcomes.map((outcome) => ({
			...outcome,
			event: datedRef(outcome.event),
			due: outcome.dueOn ? formatCalendarDate(outcome.dueOn) : '—'
		})),
		correspondence: person.correspondence.map(datedDocument),
		said: {
			postsEmpty: m.people_page_posts_empty({ name: person.name }),
			feed: m.people_page_feed({ name: person.name }),
			eventsMore: m.people_page_events_more({ count: person.participations.length }),
			outcomesSome: m.people_page_outcomes_some({
				count:
					new Intl.NumberFormat(getLocale()).format(person.outcomeCount) +
					(person.outcomeCountMore ? '+' : ''),
				shown: person.outcomes.length
			})
		}
	};
}

/** A line of the person's details: its label, then each value (a link, or a text in its language). */
interface Fact {
	label: string;
	values: { text: string; locale?: PersonPageView['positionLocale']; note?: string; href?: string }[];
	muted?: boolean;
}

/** The person's details as the page lists them, written out: a value not known is a dash. */
function factsOf(person: PersonPageView): Fact[] {
	const facts: Fact[] = [
		{
			label: m.people_page_name(),
			values: [{ text: person.sortName, note: person.honorific ? `(${person.honorific})` : undefined }]
		}
	];
	if (person.alsoRecordedAs.length > 0) {
		facts.push({
			label: m.people_page_also_recorded_as(),
			values: person.alsoRecordedAs.map((alias) => ({
				text: alias.name,
				note: m.people_page_merged_on({ date: formatShortDate(alias.mergedAt, 'UTC') })
			}))
		});
	}
	const organization = person.organization;
	facts.push(
		{
			label: m.people_page_position(),
			values: [{ text: person.position ?? '—', locale: person.position ? person.positionLocale : null }]
		},
		{ label: m.people_page_rank(), values: [{ text: person.rank ?? '—' }] },
		{
			label: m.people_page_organization(),
			values: [
				organization
					? { text: formatOrganizationName(organization), href: `/organizations/${organization.id}` }
					: { text: '—' }
			]
		}
	);
	const contact = person.contact;
	if (!contact) {
		facts.push({
			label: m.people_page_contact(),
			values: [{ text: m.people_page_contact_hidden() }],
			muted: true
		});
	}
	if (contact?.email) {
		facts.push({
			label: m.people_page_email(),
			values: [{ text: contact.email, href: `mailto:${contact.email}` }]
		});
	}
	if (contact?.phone) {
		facts.push({
			label: m.people_page_phone(),
			values: [{ text: contact.phone, href: `tel:${contact.phone.replace(/[^\d+]/g, '')}` }]
		});
	}
	return facts;
}

/**
 * The personal link panel as the page shows it: its intro and where the link stands, written out (times in
 * UTC), and the words of its forms.
 */
function linkPanel(
	name: string,
	link: { expiresAt: string; lastUsedAt: string | null; revokedAt: string | null; live: boolean } | null
) {
	let state: string = m.people_page_link_none();
	if (link?.live) {
		const opened = link.lastUsedAt
			? m.people_page_link_last_opened({ at: utc(link.lastUsedAt) })
			: m.people_page_link_not_opened();
		state = `${m.people_page_link_live({ until: utc(link.expiresAt) })} ${opened}`;
	} else if (link) {
		state = link.revokedAt
			? m.people_page_link_was_revoked({ at: utc(link.revokedAt) })
			: m.people_page_link_expired({ at: utc(link.expiresAt) });
	}
	return {
		live: Boolean(link?.live),
		intro: m.people_page_link_intro({ name }),
		state,
		issue: link?.live ? m.people_page_link_issue_new() : m.people_page_link_issue(),
		words: linkPanelWords()
	};
}

const LINK_FORM = 'link' as const;

export const actions: Actions = {
	/** Shows the new link once, in this answer only: it is stored nowhere but as a hash. */
	issueLink: async (event) => {
		const fields = formFields(await event.request.formData(), ['validDays']);
		const context = { form: LINK_FORM, values: { validDays: fields.validDays ?? '' } };
		const parsed = PersonalLinkIssueInput.safeParse(fields);
		if (!parsed.success) return invalidInput(parsed.error, context);
		return attempt(context, async () => {
			const personId = Number(event.params.personId);
			const { token, expiresAt } = await issuePersonalLink(
				database().db,
				actorOf(event),
				personId,
				parsed.data
			);
			return { issuedLink: { url: `${event.url.origin}/p/${token}`, until: utc(expiresAt) } };
		});
	},
	createFeed: (event) => createFeedAction(event, () => ({ personId: Number(event.params.personId) })),
	revokeFeed: revokeFeedAction,
	revokeLink: (event) =>
		attempt({ form: LINK_FORM, values: { validDays: '' } }, async () => {
			const personId = Number(event.params.personId);
			return { linksRevoked: await revokePersonalLinks(database().db, actorOf(event), personId) };
		})
};
