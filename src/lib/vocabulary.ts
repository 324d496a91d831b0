/**
 * The closed vocabularies of the domain: the values the database CHECK constraints allow, and the words
 * people read for them. Client-safe. A test inserts every value here on both engines, so this list and
 * the migrations cannot drift apart unnoticed.
 */
import { m } from './paraglide/messages.js';

/**
 * A closed list: its stored codes (values) and the words for them (labels), each label read in the
 * reader's language at the moment it is read (messages/{locale}/vocabulary.json, keys
 * vocabulary_<list>_<code>). Codes are never translated; only labels are.
 */
type Message = (inputs?: Record<string, never>, options?: { locale?: 'en' | 'az' | 'ru' }) => string;

function vocabulary<const T extends Record<string, Message>>(messages: T) {
	const labels = {} as { readonly [K in keyof T]: string };
	for (const [value, message] of Object.entries(messages)) {
		Object.defineProperty(labels, value, { get: () => message(), enumerable: true });
	}
	/** A code's label in a given language, whatever the reader's (reading a file typed in any of them). */
	const labelIn = (value: keyof T & string, locale: 'en' | 'az' | 'ru') => messages[value]!({}, { locale });
	return { values: Object.keys(messages) as (keyof T & string)[], labels, labelIn };
}

export const organizationKinds = /* @__PURE__ */ vocabulary({
	government_body: m.vocabulary_organization_kind_government_body,
	international_organization: m.vocabulary_organization_kind_international_organization,
	un_entity: m.vocabulary_organization_kind_un_entity,
	diplomatic_mission: m.vocabulary_organization_kind_diplomatic_mission,
	civil_society: m.vocabulary_organization_kind_civil_society,
	academic: m.vocabulary_organization_kind_academic,
	private_sector: m.vocabulary_organization_kind_private_sector
});

export const eventKinds = /* @__PURE__ */ vocabulary({
	observance: m.vocabulary_event_kind_observance,
	forum: m.vocabulary_event_kind_forum,
	debrief: m.vocabulary_event_kind_debrief,
	bilateral_meeting: m.vocabulary_event_kind_bilateral_meeting,
	multilateral_meeting: m.vocabulary_event_kind_multilateral_meeting,
	official_visit: m.vocabulary_event_kind_official_visit,
	working_visit: m.vocabulary_event_kind_working_visit,
	council_session: m.vocabulary_event_kind_council_session,
	training: m.vocabulary_event_kind_training,
	signing_ceremony: m.vocabulary_event_kind_signing_ceremony,
	reception: m.vocabulary_event_kind_reception,
	other: m.vocabulary_event_kind_other
});

export const eventStatuses = /* @__PURE__ */ vocabulary({
	draft: m.vocabulary_event_status_draft,
	planned: m.vocabulary_event_status_planned,
	confirmed: m.vocabulary_event_status_confirmed,
	held: m.vocabulary_event_status_held,
	postponed: m.vocabulary_event_status_postponed,
	cancelled: m.vocabulary_event_status_cancelled
});

export const timingCertainties = /* @__PURE__ */ vocabulary({
	exact: m.vocabulary_timing_exact,
	time_assumed: m.vocabulary_timing_time_assumed,
	date_assumed: m.vocabulary_timing_date_assumed
});

export const hostRoles = /* @__PURE__ */ vocabulary({
	host: m.vocabulary_host_role_host,
	co_host: m.vocabulary_host_role_co_host
});

export const agendaItemKinds = /* @__PURE__ */ vocabulary({
	opening_remarks: m.vocabulary_agenda_item_kind_opening_remarks,
	speech: m.vocabulary_agenda_item_kind_speech,
	video_message: m.vocabulary_agenda_item_kind_video_message,
	presentation: m.vocabulary_agenda_item_kind_presentation,
	panel: m.vocabulary_agenda_item_kind_panel,
	exchange_of_views: m.vocabulary_agenda_item_kind_exchange_of_views,
	signing: m.vocabulary_agenda_item_kind_signing,
	break: m.vocabulary_agenda_item_kind_break,
	closing: m.vocabulary_agenda_item_kind_closing
});

export const agendaRoles = /* @__PURE__ */ vocabulary({
	chair: m.vocabulary_agenda_role_chair,
	moderator: m.vocabulary_agenda_role_moderator,
	speaker: m.vocabulary_agenda_role_speaker,
	presenter: m.vocabulary_agenda_role_presenter,
	video_message: m.vocabulary_agenda_role_video_message
});

export const participantRoles = /* @__PURE__ */ vocabulary({
	host: m.vocabulary_participant_role_host,
	head_of_delegation: m.vocabulary_participant_role_head_of_delegation,
	delegation_member: m.vocabulary_participant_role_delegation_member,
	speaker: m.vocabulary_participant_role_speaker,
	observer: m.vocabulary_participant_role_observer,
	press: m.vocabulary_participant_role_press,
	guest: m.vocabulary_participant_role_guest
});

export const rsvpStatuses = /* @__PURE__ */ vocabulary({
	invited: m.vocabulary_rsvp_invited,
	accepted: m.vocabulary_rsvp_accepted,
	tentative: m.vocabulary_rsvp_tentative,
	declined: m.vocabulary_rsvp_declined,
	attended: m.vocabulary_rsvp_attended,
	no_show: m.vocabulary_rsvp_no_show
});

/** Agreements are a register of their own (agreementStates); outcome rows of kind 'agreement' moved there. */
export const outcomeKinds = /* @__PURE__ */ vocabulary({
	decision: m.vocabulary_outcome_kind_decision,
	action_point: m.vocabulary_outcome_kind_action_point,
	statement: m.vocabulary_outcome_kind_statement
});

/** Who brings a meeting's topic up: the office's side, or the visiting or receiving partner's. */
export const topicSides = /* @__PURE__ */ vocabulary({
	our_side: m.vocabulary_topic_side_our_side,
	their_side: m.vocabulary_topic_side_their_side
});

/** The kinds of event that have topics: meetings with one partner, prepared and recorded point by point. */
export const topicEventKinds = ['bilateral_meeting', 'official_visit', 'working_visit'] as const;

export function hasTopics(kind: string): boolean {
	return (topicEventKinds as readonly string[]).includes(kind);
}

export const outcomeStatuses = /* @__PURE__ */ vocabulary({
	open: m.vocabulary_outcome_status_open,
	in_progress: m.vocabulary_outcome_status_in_progress,
	done: m.vocabulary_outcome_status_done,
	dropped: m.vocabulary_outcome_status_dropped
});

/**
 * Where an agreement stands, derived from its dates (agreements/agreement.state.ts), never stored: a
 * later state wins over an earlier one.
 */
export const agreementStates = /* @__PURE__ */ vocabulary({
	draft: m.vocabulary_agreement_state_draft,
	signed: m.vocabulary_agreement_state_signed,
	approved: m.vocabulary_agreement_state_approved,
	in_force: m.vocabulary_agreement_state_in_force,
	expired: m.vocabulary_agreement_state_expired,
	terminated: m.vocabulary_agreement_state_terminated
});

/** The programme or instrument a cooperation project runs under. */
export const projectProgrammes = /* @__PURE__ */ vocabulary({
	twinning: m.vocabulary_project_programme_twinning,
	taiex: m.vocabulary_project_programme_taiex,
	mieux: m.vocabulary_project_programme_mieux,
	joint_project: m.vocabulary_project_programme_joint_project,
	technical_cooperation: m.vocabulary_project_programme_technical_cooperation,
	other: m.vocabulary_project_programme_other
});

export const projectStates = /* @__PURE__ */ vocabulary({
	planned: m.vocabulary_project_state_planned,
	ongoing: m.vocabulary_project_state_ongoing,
	completed: m.vocabulary_project_state_completed
});

/** How much of a date a source gives: "since 2014" is 2014-01-01 to the year. */
export const datePrecisions = /* @__PURE__ */ vocabulary({
	year: m.vocabulary_date_precision_year,
	month: m.vocabulary_date_precision_month,
	day: m.vocabulary_date_precision_day
});

export const correspondenceKinds = /* @__PURE__ */ vocabulary({
	note_verbale: m.vocabulary_correspondence_kind_note_verbale,
	letter: m.vocabulary_correspondence_kind_letter,
	invitation: m.vocabulary_correspondence_kind_invitation,
	memorandum: m.vocabulary_correspondence_kind_memorandum,
	email: m.vocabulary_correspondence_kind_email,
	report: m.vocabulary_correspondence_kind_report,
	other: m.vocabulary_correspondence_kind_other
});

/** Seen from the office: a document it received, or one it sent. */
export const correspondenceDirections = /* @__PURE__ */ vocabulary({
	incoming: m.vocabulary_correspondence_direction_incoming,
	outgoing: m.vocabulary_correspondence_direction_outgoing
});

export const correspondenceEventLinks = /* @__PURE__ */ vocabulary({
	leads_to: m.vocabulary_correspondence_event_link_leads_to,
	concerns: m.vocabulary_correspondence_event_link_concerns,
	follows_up: m.vocabulary_correspondence_event_link_follows_up
});

/** What a partner's dossier holds, as its kind filter names them. */
export const dossierKinds = /* @__PURE__ */ vocabulary({
	event: m.vocabulary_dossier_kind_event,
	correspondence: m.vocabulary_dossier_kind_correspondence,
	outcome: m.vocabulary_dossier_kind_outcome,
	agreement: m.vocabulary_dossier_kind_agreement,
	project: m.vocabulary_dossier_kind_project
});

/** How an organisation takes part in a record of its dossier. */
export const dossierRoles = /* @__PURE__ */ vocabulary({
	host: m.vocabulary_dossier_role_host,
	co_host: m.vocabulary_dossier_role_co_host,
	participant: m.vocabulary_dossier_role_participant,
	sender: m.vocabulary_dossier_role_sender,
	recipient: m.vocabulary_dossier_role_recipient,
	owner: m.vocabulary_dossier_role_owner,
	party: m.vocabulary_dossier_role_party,
	partner: m.vocabulary_dossier_role_partner,
	meeting: m.vocabulary_dossier_role_meeting
});

/** Seen from the office: a gift it (or one of its people) received, or one it gave. */
export const giftDirections = /* @__PURE__ */ vocabulary({
	received: m.vocabulary_gift_direction_received,
	given: m.vocabulary_gift_direction_given
});

/** What became of a gift, as declarations ask. */
export const giftDispositions = /* @__PURE__ */ vocabulary({
	undecided: m.vocabulary_gift_disposition_undecided,
	kept: m.vocabulary_gift_disposition_kept,
	archived: m.vocabulary_gift_disposition_archived,
	declared: m.vocabulary_gift_disposition_declared,
	returned: m.vocabulary_gift_disposition_returned
});

/** The dietary requirements a caterer counts meals by; anything else goes in the note. */
export const dietaryRequirements = /* @__PURE__ */ vocabulary({
	vegetarian: m.vocabulary_dietary_vegetarian,
	vegan: m.vocabulary_dietary_vegan,
	halal: m.vocabulary_dietary_halal,
	kosher: m.vocabulary_dietary_kosher,
	no_pork: m.vocabulary_dietary_no_pork,
	no_alcohol: m.vocabulary_dietary_no_alcohol,
	gluten_free: m.vocabulary_dietary_gluten_free,
	lactose_free: m.vocabulary_dietary_lactose_free,
	nut_allergy: m.vocabulary_dietary_nut_allergy,
	seafood_allergy: m.vocabulary_dietary_seafood_allergy,
	diabetic: m.vocabulary_dietary_diabetic
});

export const userRoles = /* @__PURE__ */ vocabulary({
	admin: m.vocabulary_user_role_admin,
	officer: m.vocabulary_user_role_officer,
	viewer: m.vocabulary_user_role_viewer
});

/**
 * The interface's languages (src/lib/server/i18n/locale.ts, project.inlang/settings.json), each named in
 * its own language, as the switcher shows them whatever the page's language.
 */
export const interfaceLocales = {
	values: ['az', 'en', 'ru'],
	labels: { az: 'Azərbaycanca', en: 'English', ru: 'Русский' }
} as const;

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
