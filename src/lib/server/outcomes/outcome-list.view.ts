/**
 * Outcomes in brief (src/lib/components/OutcomeList.svelte), each with its lines written out by the
 * page's load in the reader's language (where it came from, its owner, its due date, its parties, where
 * it was followed up, with their links and dates): the page's script then formats nothing and holds no
 * sentence of its own, and receives only what the list shows.
 */
import { formatCalendarDate, formatShortDate } from '../../format/datetime';
import { m } from '../../paraglide/messages.js';
import type { OrganizationRef } from '../organizations/organization.ref';
import type { OutcomeView } from './outcome.view';

/** A piece of a written line: plain text, a link, or a date. */
export type Written = string | { text: string; href: string } | { text: string; datetime: string };

const organizationLink = (organization: OrganizationRef) => ({
	text: organization.acronym ?? organization.name,
	href: `/organizations/${organization.id}`
});

/**
 * `eventId` is the event whose page shows them: there it is "this event", and outcomes agreed at it do
 * not say where they came from.
 */
export function outcomesInBrief(outcomes: readonly OutcomeView[], eventId: number | null) {
	return outcomes.map((outcome) => ({
		id: outcome.id,
		kindLabel: outcome.kindLabel,
		title: outcome.title,
		status: outcome.status,
		statusLabel: outcome.statusLabel,
		lines: linesOf(outcome, eventId)
	}));
}

function linesOf(outcome: OutcomeView, eventId: number | null): { muted: boolean; parts: Written[] }[] {
	const about: Written[] = [];
	const { event, ownerPerson, ownerOrganization } = outcome;
	if (event && event.id !== eventId) {
		about.push(
			`${m.records_outcome_from()} `,
			{ text: event.title, href: `/events/${event.id}` },
			', ',
			{ text: formatShortDate(event.startAt, event.timeZone), datetime: event.startAt },
			'. '
		);
	}
	if (ownerPerson || ownerOrganization) {
		about.push(`${m.records_outcome_owner()} `);
		if (ownerPerson) about.push({ text: ownerPerson.name, href: `/people/${ownerPerson.id}` });
		if (ownerPerson && ownerOrganization) about.push(', ');
		if (ownerOrganization) about.push(organizationLink(ownerOrganization));
		about.push('. ');
	}
	if (outcome.dueOn) {
		about.push(
			`${m.records_outcome_due()} `,
			{ text: formatCalendarDate(outcome.dueOn), datetime: outcome.dueOn },
			'.'
		);
	}
	const lines = about.length > 0 ? [{ muted: true, parts: about }] : [];
	if (outcome.parties.length > 0) {
		const parties = outcome.parties.flatMap((party, i) => [i > 0 ? '; ' : '', organizationLink(party)]);
		lines.push({ muted: false, parts: [`${m.records_parties()} `, ...parties, '.'] });
	}
	if (outcome.followUps.length > 0) {
		const followUps = outcome.followUps.flatMap((followUp, i): Written[] => [
			i > 0 ? '; ' : '',
			followUp.eventId === eventId
				? m.records_outcome_this_event()
				: { text: followUp.title, href: `/events/${followUp.eventId}` },
			' (',
			{ text: formatShortDate(followUp.startAt, followUp.timeZone), datetime: followUp.startAt },
			')'
		]);
		lines.push({ muted: false, parts: [`${m.records_outcome_followed_up()} `, ...followUps] });
	}
	return lines;
}

export type OutcomeInBrief = ReturnType<typeof outcomesInBrief>[number];
