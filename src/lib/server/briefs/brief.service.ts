/**
 * A meeting's one-page brief: the A4 page an official takes into the room. What the meeting is (when,
 * where, both sides in order of precedence with the posts held on its date, the topics, what is carried
 * to it from earlier meetings) and what stands with the partner — the organisation across the table and
 * those above and below it: the last meetings, open action points, agreements in force, projects
 * running, the latest letter each way.
 *
 * Each section has a fixed cap so that the page prints on one sheet; the page says how many it left out.
 * A fixed number of queries whatever the size of the data: the dossier brought up to date (one query
 * when nothing changed), eight for the meeting, one for the partner's parents, six for the partner.
 */
import type { Kysely } from 'kysely';
import { officeToday } from '../calendar/calendar.settings';
import { toCorrespondenceListItem } from '../correspondence/correspondence.view';
import type { Database } from '../db/schema';
import type { PartnerScope } from '../dossier/dossier.repository';
import { refreshDossiers } from '../dossier/dossier.service';
import { findEvent, listHostsForEvents } from '../events/event.repository';
import { toEventSummary, toHostViews, type HostView } from '../events/event.view';
import { organizationRef, type OrganizationRef } from '../organizations/organization.ref';
import { listAncestors } from '../organizations/organization.repository';
import { listOutcomesFollowedUpAt } from '../outcomes/outcome.service';
import { listDelegationSummaries, listParticipantsForPrint } from '../participants/participant.repository';
import {
	toDelegationSummaries,
	toPrintedDelegations,
	toPrintedParticipant,
	type PrintedDelegation
} from '../participants/participant.view';
import { listTopics } from '../topics/topic.repository';
import { toTopicView } from '../topics/topic.view';
import {
	findLatestLetterWith,
	listAgreementsInForceWith,
	listEarlierMeetings,
	listOpenActionPointsWith,
	listRunningProjectsWith
} from './brief.repository';
import {
	toBriefActionPoints,
	toBriefAgreements,
	toBriefEvent,
	toBriefFollowUps,
	toBriefLetter,
	toBriefMeetings,
	toBriefProjects,
	toBriefSides,
	toBriefTopics,
	type BriefView
} from './brief.view';

type Db = Kysely<Database>;

/** What one A4 page holds: per section, at most this many lines. */
export const BRIEF_CAPS = {
	perSide: 5,
	topics: 6,
	meetings: 3,
	actionPoints: 5,
	agreements: 3,
	projects: 3,
	followUps: 4
} as const;
/** Characters of a topic's talking points, or of a meeting's result, on one line or two. */
const POINTS_LENGTH = 220;
const RESULT_LENGTH = 110;
/** More people than a meeting's sides hold; those beyond are counted by the sides' own summaries. */
const PEOPLE_LIMIT = 200;

/**
 * The organisation across the table: the first side sent by an organisation that is not a host, else
 * the first co-host, else nobody.
 */
function partnerOf(hosts: HostView[], sides: PrintedDelegation[]): OrganizationRef | null {
	const hostIds = new Set(hosts.filter((h) => h.role === 'host').map((h) => h.id));
	const side = sides.find((s) => s.organization && !hostIds.has(s.organization.id));
	if (side?.organization) return side.organization;
	const coHost = hosts.find((h) => h.role === 'co_host' && !hostIds.has(h.id));
	return coHost ? organizationRef(coHost.id, coHost.name, coHost.acronym) : null;
}

const none = { items: [], left: 0 };

/** The brief of an event, or null when there is no such event. Viewers may read it. */
export async function findEventBrief(db: Db, eventId: number, now = new Date()): Promise<BriefView | null> {
	await refreshDossiers(db);
	const event = await findEvent(db, eventId);
	if (!event) return null;
	const today = officeToday(now);
	const [hostRows, delegationRows, participantRows, topicRows, carried] = await Promise.all([
		listHostsForEvents(db, [eventId]),
		listDelegationSummaries(db, eventId),
		listParticipantsForPrint(db, eventId, PEOPLE_LIMIT),
		listTopics(db, eventId),
		listOutcomesFollowedUpAt(db, eventId)
	]);
	const sides = toPrintedDelegations(
		toDelegationSummaries(delegationRows),
		participantRows.slice(0, PEOPLE_LIMIT).map(toPrintedParticipant)
	);
	const partner = partnerOf(toHostViews(hostRows).get(eventId) ?? [], sides);
	const place = event.venue_name ? [event.venue_name, event.venue_city].filter(Boolean).join(', ') : null;
	const brief: BriefView = {
		event: toBriefEvent(toEventSummary(event), place),
		partnerChain: [],
		sides: toBriefSides(sides, BRIEF_CAPS.perSide),
		topics: toBriefTopics(
			topicRows.map((row) => toTopicView(row, { outcomes: [], letters: [] })),
			BRIEF_CAPS.topics,
			POINTS_LENGTH
		),
		meetings: none,
		actionPoints: none,
		agreements: none,
		projects: none,
		letters: { incoming: null, outgoing: null },
		followUps: toBriefFollowUps(carried, eventId, BRIEF_CAPS.followUps)
	};
	if (!partner) return brief;

	const ancestors = await listAncestors(db, partner.id);
	const scope: PartnerScope = { organizationId: partner.id, above: ancestors.map((a) => a.id) };
	const [meetings, actionPoints, agreements, projects, incoming, outgoing] = await Promise.all([
		listEarlierMeetings(db, scope, event, BRIEF_CAPS.meetings),
		listOpenActionPointsWith(db, scope, eventId, BRIEF_CAPS.actionPoints),
		listAgreementsInForceWith(db, scope, today, BRIEF_CAPS.agreements),
		listRunningProjectsWith(db, scope, BRIEF_CAPS.projects),
		findLatestLetterWith(db, scope, 'incoming'),
		findLatestLetterWith(db, scope, 'outgoing')
	]);
	const letter = (row: typeof incoming) =>
		toBriefLetter(row && toCorrespondenceListItem(row), Number(row?.total ?? 0));
	return {
		...brief,
		partnerChain: [...ancestors.map((a) => organizationRef(a.id, a.name, a.acronym)!), partner],
		meetings: toBriefMeetings(meetings, BRIEF_CAPS.meetings, RESULT_LENGTH),
		actionPoints: toBriefActionPoints(actionPoints, BRIEF_CAPS.actionPoints, today),
		agreements: toBriefAgreements(agreements, BRIEF_CAPS.agreements),
		projects: toBriefProjects(projects, BRIEF_CAPS.projects),
		letters: { incoming: letter(incoming), outgoing: letter(outgoing) }
	};
}
