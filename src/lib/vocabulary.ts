/**
 * The closed vocabularies of the domain: the values the database CHECK constraints allow, and the words
 * people read for them. Client-safe. A test inserts every value here on both engines, so this list and
 * the migrations cannot drift apart unnoticed.
 */

function vocabulary<const T extends Record<string, string>>(labels: T) {
	return { values: Object.keys(labels) as (keyof T & string)[], labels };
}

export const organizationKinds = vocabulary({
	government_body: 'Government body',
	international_organization: 'International organisation',
	un_entity: 'UN entity',
	diplomatic_mission: 'Embassy or permanent mission',
	civil_society: 'Civil society',
	academic: 'Academic',
	private_sector: 'Private sector'
});

export const eventKinds = vocabulary({
	observance: 'Observance',
	forum: 'Forum or conference',
	debrief: 'Debrief',
	bilateral_meeting: 'Bilateral meeting',
	multilateral_meeting: 'Multilateral meeting',
	official_visit: 'Official visit',
	working_visit: 'Working visit',
	council_session: 'Council session',
	training: 'Training',
	signing_ceremony: 'Signing ceremony',
	reception: 'Reception',
	other: 'Other'
});

export const eventStatuses = vocabulary({
	draft: 'Draft',
	planned: 'Planned',
	confirmed: 'Confirmed',
	held: 'Held',
	postponed: 'Postponed',
	cancelled: 'Cancelled'
});

export const timingCertainties = vocabulary({
	exact: 'As recorded',
	time_assumed: 'Time of day assumed',
	date_assumed: 'Date assumed'
});

export const hostRoles = vocabulary({ host: 'Host', co_host: 'Co-host' });

export const agendaItemKinds = vocabulary({
	opening_remarks: 'Opening remarks',
	speech: 'Speech',
	video_message: 'Video message',
	presentation: 'Presentation',
	panel: 'Panel',
	exchange_of_views: 'Exchange of views',
	signing: 'Signing',
	break: 'Break',
	closing: 'Closing'
});

export const agendaRoles = vocabulary({
	chair: 'Chair',
	moderator: 'Moderator',
	speaker: 'Speaker',
	presenter: 'Presenter',
	video_message: 'Video message'
});

export const participantRoles = vocabulary({
	host: 'Host',
	head_of_delegation: 'Head of delegation',
	delegation_member: 'Delegation member',
	speaker: 'Speaker',
	observer: 'Observer',
	press: 'Press',
	guest: 'Guest'
});

export const rsvpStatuses = vocabulary({
	invited: 'Invited',
	accepted: 'Accepted',
	tentative: 'Tentative',
	declined: 'Declined',
	attended: 'Attended',
	no_show: 'No-show'
});

/** Agreements are a register of their own (agreementStates); outcome rows of kind 'agreement' moved there. */
export const outcomeKinds = vocabulary({
	decision: 'Decision',
	action_point: 'Action point',
	statement: 'Statement'
});

/** Who brings a meeting's topic up: the office's side, or the visiting or receiving partner's. */
export const topicSides = vocabulary({
	our_side: 'Our side',
	their_side: 'Their side'
});

/** The kinds of event that have topics: meetings with one partner, prepared and recorded point by point. */
export const topicEventKinds = ['bilateral_meeting', 'official_visit', 'working_visit'] as const;

export function hasTopics(kind: string): boolean {
	return (topicEventKinds as readonly string[]).includes(kind);
}

export const outcomeStatuses = vocabulary({
	open: 'Open',
	in_progress: 'In progress',
	done: 'Done',
	dropped: 'Dropped'
});

/**
 * Where an agreement stands, derived from its dates (agreements/agreement.state.ts), never stored: a
 * later state wins over an earlier one.
 */
export const agreementStates = vocabulary({
	draft: 'Draft',
	signed: 'Signed',
	approved: 'Approved',
	in_force: 'In force',
	expired: 'Expired',
	terminated: 'Terminated'
});

/** The programme or instrument a cooperation project runs under. */
export const projectProgrammes = vocabulary({
	twinning: 'Twinning (EU)',
	taiex: 'TAIEX (EU)',
	mieux: 'MIEUX (EU, ICMPD)',
	joint_project: 'Joint project',
	technical_cooperation: 'Technical cooperation',
	other: 'Other'
});

export const projectStates = vocabulary({
	planned: 'Planned',
	ongoing: 'Ongoing',
	completed: 'Completed'
});

/** How much of a date a source gives: "since 2014" is 2014-01-01 to the year. */
export const datePrecisions = vocabulary({
	year: 'Year',
	month: 'Month',
	day: 'Day'
});

export const correspondenceKinds = vocabulary({
	note_verbale: 'Note verbale',
	letter: 'Letter',
	invitation: 'Invitation',
	memorandum: 'Memorandum',
	email: 'E-mail',
	report: 'Report',
	other: 'Other'
});

/** Seen from the office: a document it received, or one it sent. */
export const correspondenceDirections = vocabulary({
	incoming: 'Incoming',
	outgoing: 'Outgoing'
});

export const correspondenceEventLinks = vocabulary({
	leads_to: 'Leads to',
	concerns: 'Concerns',
	follows_up: 'Follows up'
});

/** What a partner's dossier holds, as its kind filter names them. */
export const dossierKinds = vocabulary({
	event: 'Meetings and events',
	correspondence: 'Correspondence',
	outcome: 'Decisions and action points',
	agreement: 'Agreements',
	project: 'Projects'
});

/** How an organisation takes part in a record of its dossier. */
export const dossierRoles = vocabulary({
	host: 'Host',
	co_host: 'Co-host',
	participant: 'Took part',
	sender: 'Sender',
	recipient: 'Recipient',
	owner: 'Responsible',
	party: 'Party',
	partner: 'Partner',
	meeting: 'Hosted the meeting'
});

/** Seen from the office: a gift it (or one of its people) received, or one it gave. */
export const giftDirections = vocabulary({
	received: 'Received',
	given: 'Given'
});

/** What became of a gift, as declarations ask. */
export const giftDispositions = vocabulary({
	undecided: 'Not decided yet',
	kept: 'Kept by the office',
	archived: 'Archived',
	declared: 'Declared',
	returned: 'Returned'
});

/** The dietary requirements a caterer counts meals by; anything else goes in the note. */
export const dietaryRequirements = vocabulary({
	vegetarian: 'Vegetarian',
	vegan: 'Vegan',
	halal: 'Halal',
	kosher: 'Kosher',
	no_pork: 'No pork',
	no_alcohol: 'No alcohol',
	gluten_free: 'Gluten-free',
	lactose_free: 'Lactose-free',
	nut_allergy: 'Nut allergy',
	seafood_allergy: 'Fish and seafood allergy',
	diabetic: 'Diabetic'
});

export const userRoles = vocabulary({
	admin: 'Administrator',
	officer: 'Protocol officer',
	viewer: 'Viewer'
});

/**
 * The interface's languages (src/lib/server/i18n/locale.ts, project.inlang/settings.json), each named in
 * its own language, as the switcher shows them whatever the page's language.
 */
export const interfaceLocales = vocabulary({ az: 'Azərbaycanca', en: 'English', ru: 'Русский' });

export type InterfaceLocale = (typeof interfaceLocales.values)[number];
export type OrganizationKind = (typeof organizationKinds.values)[number];
export type EventKind = (typeof eventKinds.values)[number];
export type EventStatus = (typeof eventStatuses.values)[number];
export type TimingCertainty = (typeof timingCertainties.values)[number];
export type HostRole = (typeof hostRoles.values)[number];
export type AgendaItemKind = (typeof agendaItemKinds.values)[number];
export type AgendaRole = (typeof agendaRoles.values)[number];
export type ParticipantRole = (typeof participantRoles.values)[number];
export type RsvpStatus = (typeof rsvpStatuses.values)[number];
export type OutcomeKind = (typeof outcomeKinds.values)[number];
export type OutcomeStatus = (typeof outcomeStatuses.values)[number];
export type TopicSide = (typeof topicSides.values)[number];
export type AgreementState = (typeof agreementStates.values)[number];
export type ProjectProgramme = (typeof projectProgrammes.values)[number];
export type ProjectState = (typeof projectStates.values)[number];
export type DatePrecision = (typeof datePrecisions.values)[number];
export type CorrespondenceKind = (typeof correspondenceKinds.values)[number];
export type CorrespondenceDirection = (typeof correspondenceDirections.values)[number];
export type CorrespondenceEventLink = (typeof correspondenceEventLinks.values)[number];
export type UserRole = (typeof userRoles.values)[number];
export type DossierKind = (typeof dossierKinds.values)[number];
export type DossierRole = (typeof dossierRoles.values)[number];
export type GiftDirection = (typeof giftDirections.values)[number];
export type GiftDisposition = (typeof giftDispositions.values)[number];
export type DietaryRequirement = (typeof dietaryRequirements.values)[number];
