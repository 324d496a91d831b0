/**
 * The one typed description of the database, shared by every repository. Instants are ISO-8601 UTC
 * strings ("2021-12-17T06:00:00.000Z") and dates are "YYYY-MM-DD" on both engines (the PostgreSQL
 * connection parses timestamptz and date to those forms); flags are 0 or 1.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
	ApiTokenRole,
	ApiTokenScope,
	AgendaItemKind,
	AgendaRole,
	CorrespondenceDirection,
	CorrespondenceEventLink,
	CorrespondenceKind,
	InterfaceLocale,
	DossierKind,
	DossierRole,
	DietaryRequirement,
	EventKind,
	GiftDirection,
	GiftDisposition,
	VisitItemKind,
	VisitKind,
	EventStatus,
	HostRole,
	OrganizationKind,
	DatePrecision,
	OutcomeKind,
	OutcomeStatus,
	ParticipantRole,
	ProjectProgramme,
	ProjectState,
	RsvpStatus,
	TimingCertainty,
	TopicSide,
	UserRole
} from '../../vocabulary';

/** ISO-8601 instant in UTC. */
export type Instant = string;
/** Calendar date, YYYY-MM-DD. */
export type IsoDate = string;
export type Flag = 0 | 1;
/** A language a text may be written in (content versions, issue 18 §2). */
export type ContentLocale = 'az' | 'en' | 'ru';
type Versioned = { version: ColumnType<number, number | undefined, number> };
type Stamped = { created_at: Instant; updated_at: Instant };

export interface OrganizationTable extends Stamped, Versioned {
	id: Generated<number>;
	name: string;
	/** The original's language (null: not said), and the versions in each language (null: none). */
	name_locale: ColumnType<ContentLocale | null, ContentLocale | null | undefined, ContentLocale | null>;
	name_az: ColumnType<string | null, string | null | undefined, string | null>;
	name_en: ColumnType<string | null, string | null | undefined, string | null>;
	name_ru: ColumnType<string | null, string | null | undefined, string | null>;
	acronym: string | null;
	kind: OrganizationKind;
	country_code: string | null;
	parent_id: number | null;
	city: string | null;
	website: string | null;
	notes: string | null;
	/** The key of the directory's alphabetical order (format/collation.ts sortKey), written with the name by its repository; null until written. */
	sort_key: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface PersonTable extends Stamped, Versioned {
	id: Generated<number>;
	honorific: string | null;
	given_name: string;
	family_name: string;
	native_name: string | null;
	rank: string | null;
	/** What the person is now, as first written; not derived from their posts over time (person_position). */
	position: string | null;
	/** The current post's original language (null: not said), and its versions in each language (null: none). */
	position_locale: ColumnType<ContentLocale | null, ContentLocale | null | undefined, ContentLocale | null>;
	position_az: ColumnType<string | null, string | null | undefined, string | null>;
	position_en: ColumnType<string | null, string | null | undefined, string | null>;
	position_ru: ColumnType<string | null, string | null | undefined, string | null>;
	organization_id: number | null;
	email: string | null;
	phone: string | null;
	contact_public: ColumnType<Flag, Flag | undefined, Flag>;
	notes: string | null;
	/** 1 for the head of their organisation: first in the order of precedence. */
	heads_organization: ColumnType<Flag, Flag | undefined, Flag>;
	/** Protocol rank as a number, 1 the highest; null: unranked, after everyone ranked. */
	precedence_level: ColumnType<number | null, number | null | undefined, number | null>;
	/** The name's spelling keys (search.text.ts nameKey), for the duplicate check; null until written. */
	name_key: ColumnType<string | null, string | null | undefined, string | null>;
	/** The key of the directory's alphabetical order (format/collation.ts sortKey), written with the names (family, then given) by its repository; null until written. */
	sort_key: ColumnType<string | null, string | null | undefined, string | null>;
	/** The language their invitations are written in (az, en, ru); null: the office's DEFAULT_LOCALE. */
	preferred_locale: ColumnType<
		InterfaceLocale | null,
		InterfaceLocale | null | undefined,
		InterfaceLocale | null
	>;
}

/** A post a person held (or holds), with its dates; null dates are not known or still running. */
export interface PersonPositionTable extends Stamped, Versioned {
	id: Generated<number>;
	person_id: number;
	position: string;
	/** The original's language (null: not said), and the versions in each language (null: none). */
	position_locale: ColumnType<ContentLocale | null, ContentLocale | null | undefined, ContentLocale | null>;
	position_az: ColumnType<string | null, string | null | undefined, string | null>;
	position_en: ColumnType<string | null, string | null | undefined, string | null>;
	position_ru: ColumnType<string | null, string | null | undefined, string | null>;
	organization_id: number | null;
	rank: string | null;
	from_on: IsoDate | null;
	to_on: IsoDate | null;
	notes: string | null;
}

/** A person merged into another: their old id leads to the one kept. */
export interface PersonRedirectTable {
	merged_person_id: number;
	person_id: number;
	name: string;
	merged_at: Instant;
}

export interface VenueTable extends Stamped, Versioned {
	id: Generated<number>;
	name: string;
	address: string | null;
	city: string;
	country_code: string;
	time_zone: string;
	notes: string | null;
	/** The key of the directory's alphabetical order (format/collation.ts sortKey), written with the name by its repository; null until written. */
	sort_key: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface EventSeriesTable extends Stamped {
	id: Generated<number>;
	name: string;
	description: string | null;
}

export interface EventTable extends Stamped, Versioned {
	id: Generated<number>;
	kind: EventKind;
	title: string;
	/** The original's language (null: not said), and the versions in each language (null: none). */
	title_locale: ColumnType<ContentLocale | null, ContentLocale | null | undefined, ContentLocale | null>;
	title_az: ColumnType<string | null, string | null | undefined, string | null>;
	title_en: ColumnType<string | null, string | null | undefined, string | null>;
	title_ru: ColumnType<string | null, string | null | undefined, string | null>;
	theme: string | null;
	description: string | null;
	start_at: Instant;
	end_at: Instant;
	time_zone: string;
	timing: ColumnType<TimingCertainty, TimingCertainty | undefined, TimingCertainty>;
	venue_id: number | null;
	online_url: string | null;
	status: ColumnType<EventStatus, EventStatus | undefined, EventStatus>;
	status_reason: string | null;
	series_id: number | null;
	is_public: ColumnType<Flag, Flag | undefined, Flag>;
	/** 1: whole days, from local midnight of the first to local midnight after the last (end exclusive). */
	all_day: ColumnType<Flag, Flag | undefined, Flag>;
	ical_uid: string;
	ical_sequence: ColumnType<number, number | undefined, number>;
	/** A partner's invitation imported: its UID, RECURRENCE-ID ('' when it does not recur), SEQUENCE, ORGANIZER. */
	import_uid: ColumnType<string | null, string | null | undefined, string | null>;
	import_occurrence: ColumnType<string | null, string | null | undefined, string | null>;
	import_sequence: ColumnType<number | null, number | null | undefined, number | null>;
	import_organizer: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface EventOrganizationTable {
	event_id: number;
	organization_id: number;
	role: HostRole;
	position: ColumnType<number, number | undefined, number>;
}

export interface DelegationTable {
	id: Generated<number>;
	event_id: number;
	name: string;
	organization_id: number | null;
	position: ColumnType<number, number | undefined, number>;
}

export interface EventParticipantTable extends Stamped {
	id: Generated<number>;
	event_id: number;
	person_id: number;
	role: ParticipantRole;
	delegation_id: number | null;
	position_at_event: string | null;
	rank_at_event: string | null;
	organization_id: number | null;
	precedence: number | null;
	rsvp_status: ColumnType<RsvpStatus, RsvpStatus | undefined, RsvpStatus>;
	invited_at: Instant | null;
	responded_at: Instant | null;
	notes: string | null;
	/** The iCalendar SEQUENCE last sent to them by e-mail; null: never invited by e-mail. */
	calendar_sequence_sent: ColumnType<number | null, number | null | undefined, number | null>;
	/** The event's start, kept equal to it by triggers (20261206_0201): never written by the app. */
	event_start_at: ColumnType<Instant | null, never, never>;
}

/** What a guest needs at one event (officers only); its dietary requirements are rows of participant_diet. */
export interface ParticipantNeedsTable {
	participant_id: number;
	dietary_note: string | null;
	accessibility: string | null;
	/** A BCP 47 language tag. */
	interpretation_language: string | null;
	security_note: string | null;
	updated_at: Instant;
	version: ColumnType<number, number | undefined, number>;
}

export interface ParticipantDietTable {
	participant_id: number;
	requirement: DietaryRequirement;
}

/** A seating plan of one event (see 20261208_0200_create_seating_plans for how seats are counted). */
export interface SeatingPlanTable {
	id: Generated<number>;
	event_id: number;
	layout: 'banquet' | 'bilateral';
	keep_delegations: number;
	alternate_hosts: number;
	version: ColumnType<number, number | undefined, number>;
	/** The version last printed or sent out. */
	printed_version: number | null;
	created_at: Instant;
	updated_at: Instant;
}

export interface SeatingTableTable {
	id: Generated<number>;
	plan_id: number;
	position: number;
	name: string;
	shape: 'round' | 'long' | 'facing' | 'behind';
	seats: number;
	side: number | null;
}

export interface SeatingSeatTable {
	table_id: number;
	seat: number;
	participant_id: number;
}

/** What one saved change of a plan moved. */
export interface SeatingChangeTable {
	id: Generated<number>;
	plan_id: number;
	version: number;
	participant_id: number | null;
	guest_name: string | null;
	from_seat: string | null;
	to_seat: string | null;
	summary: string | null;
	changed_at: Instant;
}

export interface AgendaItemTable extends Stamped, Versioned {
	id: Generated<number>;
	event_id: number;
	position: number;
	kind: AgendaItemKind;
	title: string;
	/** The original's language (null: not said), and the versions in each language (null: none). */
	title_locale: ColumnType<ContentLocale | null, ContentLocale | null | undefined, ContentLocale | null>;
	title_az: ColumnType<string | null, string | null | undefined, string | null>;
	title_en: ColumnType<string | null, string | null | undefined, string | null>;
	title_ru: ColumnType<string | null, string | null | undefined, string | null>;
	start_at: Instant | null;
	end_at: Instant | null;
	/** Minutes; the clock times follow from the event's start and the durations before (agenda.clock.ts). */
	duration_minutes: ColumnType<number | null, number | null | undefined, number | null>;
	notes: string | null;
	is_published: ColumnType<Flag, Flag | undefined, Flag>;
}

export interface AgendaItemRoleTable {
	agenda_item_id: number;
	participant_id: number;
	role: AgendaRole;
	position: ColumnType<number, number | undefined, number>;
}

export interface OutcomeTable extends Stamped, Versioned {
	id: Generated<number>;
	event_id: number | null;
	kind: OutcomeKind;
	title: string;
	text: string | null;
	owner_person_id: number | null;
	owner_organization_id: number | null;
	due_on: IsoDate | null;
	status: ColumnType<OutcomeStatus, OutcomeStatus | undefined, OutcomeStatus>;
	/** The officer at the office who follows it up (a user account); null: nobody named yet. */
	responsible_user_id: ColumnType<number | null, number | null | undefined, number | null>;
	// signed_on, signed_place, approved_on and in_force_on are still in the table, always null since
	// agreements moved to their own (db/migrations/20261205_0100_create_agreements.ts): not for use.
}

export interface OutcomePartyTable {
	outcome_id: number;
	organization_id: number;
}

export interface OutcomeFollowUpTable {
	outcome_id: number;
	event_id: number;
	/** What was said on it at that meeting, written after it. */
	note: string | null;
	/** When and by whom it was carried to the meeting; null on rows from before these were kept. */
	carried_at: ColumnType<string | null, string | null | undefined, string | null>;
	carried_by_user_id: ColumnType<number | null, number | null | undefined, number | null>;
	version: ColumnType<number, number | undefined, number>;
}

/** One change of an outcome's follow-up status, with the officer's note: the outcome's history. */
export interface OutcomeStatusChangeTable {
	id: Generated<number>;
	outcome_id: number;
	from_status: OutcomeStatus;
	to_status: OutcomeStatus;
	note: string;
	changed_by_user_id: number | null;
	changed_at: Instant;
}

/** The daily digest sent to an officer for an office day: one row each, written with its message. */
export interface ReminderDigestTable {
	user_id: number;
	office_date: IsoDate;
	outbox_message_id: number | null;
	created_at: Instant;
}

export interface AgreementTable extends Stamped, Versioned {
	id: Generated<number>;
	title: string;
	summary: string | null;
	signed_on: IsoDate | null;
	/** 1: signed, on a day the sources do not give (signed_on is then null). */
	signed_undated: ColumnType<Flag, Flag | undefined, Flag>;
	signed_place: string | null;
	/** The event where it was signed, when it is one of ours. */
	signed_event_id: number | null;
	approved_on: IsoDate | null;
	/** The act that approved it: "Decree of the President of the Republic of Azerbaijan". */
	approval_act: string | null;
	in_force_on: IsoDate | null;
	/** The last day it is in force, when it expires by its own terms. */
	in_force_until: IsoDate | null;
	/** The day its termination took effect. */
	terminated_on: IsoDate | null;
}

export interface AgreementPartyTable {
	agreement_id: number;
	organization_id: number;
}

export interface AgreementCorrespondenceTable {
	agreement_id: number;
	correspondence_id: number;
}

export interface ProjectTable extends Stamped, Versioned {
	id: Generated<number>;
	title: string;
	programme: ProjectProgramme | null;
	state: ColumnType<ProjectState, ProjectState | undefined, ProjectState>;
	/** The first day of what is known of the start ("since 2014": 2014-01-01 and 'year'), or null. */
	start_on: IsoDate | null;
	start_precision: DatePrecision | null;
	/** Likewise the end; null: open-ended. */
	end_on: IsoDate | null;
	end_precision: DatePrecision | null;
	/** Our focal point for the project. */
	focal_person_id: number | null;
	description: string | null;
}

/** An official or working visit: the visiting delegation, the host, its dates and zone (20261208_0300). */
export interface VisitTable extends Stamped, Versioned {
	id: Generated<number>;
	title: string;
	kind: VisitKind;
	organization_id: number | null;
	host_organization_id: number | null;
	starts_on: IsoDate;
	ends_on: IsoDate;
	time_zone: string;
	timing: ColumnType<TimingCertainty, TimingCertainty | undefined, TimingCertainty>;
	notes: string | null;
}

/** A member of the visiting delegation; position 0 heads it. */
export interface VisitMemberTable {
	visit_id: number;
	person_id: number;
	position: number;
}

/** One item of a visit's programme: a meeting (its event) or logistics with its own times. */
export interface VisitItemTable extends Stamped, Versioned {
	id: Generated<number>;
	visit_id: number;
	position: number;
	kind: VisitItemKind;
	event_id: number | null;
	title: string | null;
	start_at: Instant | null;
	end_at: Instant | null;
	time_zone: string | null;
	place: string | null;
	destination: string | null;
	flight: string | null;
	greeter: string | null;
	vehicle: string | null;
	driver: string | null;
	notes: string | null;
	for_everyone: ColumnType<Flag, Flag | undefined, Flag>;
	timing: ColumnType<TimingCertainty, TimingCertainty | undefined, TimingCertainty>;
}

/** The people a logistics item concerns when it is not for every member. */
export interface VisitItemPersonTable {
	item_id: number;
	person_id: number;
}

/** A gift given or received; the photograph's content is in the file store under its SHA-256. */
export interface GiftTable extends Stamped, Versioned {
	id: Generated<number>;
	direction: GiftDirection;
	given_on: IsoDate;
	event_id: number | null;
	giver_person_id: number | null;
	giver_organization_id: number | null;
	recipient_person_id: number | null;
	recipient_organization_id: number | null;
	description: string;
	/** In the currency's minor unit (ISO 4217 exponent); null: not estimated. */
	value_minor: number | null;
	currency: string | null;
	disposition: ColumnType<GiftDisposition, GiftDisposition | undefined, GiftDisposition>;
	disposition_on: IsoDate | null;
	disposition_note: string | null;
	notes: string | null;
	photo_sha256: string | null;
	photo_content_type: string | null;
	photo_size: number | null;
	photo_name: string | null;
}

export interface ProjectPartnerTable {
	project_id: number;
	organization_id: number;
}

export interface ProjectEventTable {
	project_id: number;
	event_id: number;
}

export interface ProjectOutcomeTable {
	project_id: number;
	outcome_id: number;
}

export interface ProjectCorrespondenceTable {
	project_id: number;
	correspondence_id: number;
}

export interface ProjectAgreementTable {
	project_id: number;
	agreement_id: number;
}

export interface TopicTable extends Stamped, Versioned {
	id: Generated<number>;
	event_id: number;
	/** 1, 2, 3 … within the event. */
	position: number;
	title: string;
	raised_by: ColumnType<TopicSide, TopicSide | undefined, TopicSide>;
	our_position: string | null;
	talking_points: string | null;
	/** What the other side is expected to ask or raise. */
	expected_questions: string | null;
	/** What was said, recorded after the meeting. */
	discussion: string | null;
	/** What the topic became: an outcome of the meeting, or a draft agreement (one at most). */
	outcome_id: number | null;
	agreement_id: number | null;
}

export interface TopicFollowsOutcomeTable {
	topic_id: number;
	outcome_id: number;
}

export interface TopicFollowsCorrespondenceTable {
	topic_id: number;
	correspondence_id: number;
}

export interface CorrespondenceTable extends Stamped, Versioned {
	id: Generated<number>;
	kind: CorrespondenceKind;
	reference_number: string | null;
	dated_on: IsoDate;
	place: string | null;
	sender_organization_id: number | null;
	recipient_organization_id: number | null;
	signatory_person_id: number | null;
	addressee_person_id: number | null;
	subject: string;
	summary: string | null;
	/** Null for documents registered before the direction was asked. */
	direction: CorrespondenceDirection | null;
	/** 1: an incoming document that needs our reply; it awaits one until a reply is recorded. */
	reply_expected: ColumnType<Flag, Flag | undefined, Flag>;
	/** The document this one answers. */
	in_reply_to_id: number | null;
	/** The document this one carries with it (a note verbale transmitting a letter). */
	transmits_id: number | null;
	/** 1: an outgoing letter drafted and not yet registered; it has no reference number until it is. */
	draft: ColumnType<Flag, Flag | undefined, Flag>;
	/** The text of a letter the office writes, as printed; null for documents registered as received. */
	body: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CorrespondenceEventTable {
	correspondence_id: number;
	event_id: number;
	link: ColumnType<CorrespondenceEventLink, CorrespondenceEventLink | undefined, CorrespondenceEventLink>;
}

/** A file a document encloses; the content is in the file store under its SHA-256. */
export interface CorrespondenceFileTable {
	id: Generated<number>;
	correspondence_id: number;
	sha256: string;
	size: number;
	/** Decided from the content when it came in. */
	content_type: string;
	/** The name it came with, made safe to show. */
	name: string;
	uploaded_at: Instant;
}

export interface UserAccountTable extends Stamped, Versioned {
	id: Generated<number>;
	email: string;
	name: string;
	role: UserRole;
	password_hash: string;
	person_id: number | null;
	disabled_at: Instant | null;
	password_changed_at: Instant;
	totp_key: string | null;
	totp_enabled_at: Instant | null;
	totp_pending_key: string | null;
	totp_last_step: number | null;
	last_login_at: Instant | null;
	/** 1: the daily digest of their action points is sent to them (the default); 0: turned off. */
	reminders: ColumnType<Flag, Flag | undefined, Flag>;
	/** The interface language they chose (az, en, ru); null: the browser's, else the office's. */
	locale: ColumnType<InterfaceLocale | null, InterfaceLocale | null | undefined, InterfaceLocale | null>;
}

export interface UserSessionTable {
	id: string;
	user_id: number;
	secret_hash: string;
	two_factor_verified: ColumnType<Flag, Flag | undefined, Flag>;
	client_address: string | null;
	user_agent: string | null;
	created_at: Instant;
	last_used_at: Instant;
}

/** A read API token (`api/`): only its secret's SHA-256 is kept. */
export interface ApiTokenTable {
	id: Generated<number>;
	lookup_id: string;
	secret_hash: string;
	name: string;
	scope: ColumnType<ApiTokenScope, ApiTokenScope | undefined, ApiTokenScope>;
	role: ApiTokenRole;
	created_at: Instant;
	created_by_user_id: number | null;
	expires_at: Instant | null;
	revoked_at: Instant | null;
	revoked_by_user_id: number | null;
	last_used_at: Instant | null;
}

export interface RecoveryCodeTable {
	id: Generated<number>;
	user_id: number;
	code_hash: string;
	used_at: Instant | null;
}

export interface LoginAttemptTable {
	id: Generated<number>;
	at: Instant;
	account_key: string;
	client_address: string;
	succeeded: Flag;
}

export interface PersonalLinkTable {
	id: string;
	person_id: number;
	secret_hash: string;
	created_by_user_id: number | null;
	created_at: Instant;
	expires_at: Instant;
	revoked_at: Instant | null;
	last_used_at: Instant | null;
}

export interface AppSettingTable {
	key: string;
	value: string;
	updated_at: Instant;
}

/**
 * The tables the search covers (db/migrations/20261124_2040_create_search_index.ts; agreements and
 * projects since 20261205_0100 and 0110).
 */
export type SearchEntityType =
	'event' | 'person' | 'organization' | 'outcome' | 'correspondence' | 'agreement' | 'project';

/** What search_pending notes: the searched tables, and venues, whose names only the choosers keep. */
export type PendingEntityType = SearchEntityType | 'venue';

/** A word of a record's name, for the choosers (20261206_0300_create_chooser_words, choosers/). */
export interface ChooserWordTable {
	entity_type: ChooserKind;
	word: string;
	entity_id: number;
}

/** The records a form chooses by name. */
export type ChooserKind = 'person' | 'organization' | 'correspondence' | 'venue';

/** A record whose search document must be written again (filled by triggers; see search.service.ts). */
export interface SearchPendingTable {
	entity_type: PendingEntityType;
	entity_id: number;
}

/** A record whose dossier entries must be worked out again (filled by triggers; see dossier.service.ts). */
export interface DossierPendingTable {
	/** A dossier record type, or 'organization' for one moved under another parent. */
	record_type: DossierKind | 'organization';
	record_id: number;
}

/** A record in one organisation's dossier: linked to it, or to one below it (see dossier.service.ts). */
export interface DossierEntryTable {
	organization_id: number;
	record_type: DossierKind;
	record_id: number;
	occurred_at: Instant;
	year: number;
	direct: Flag;
	via_organization_id: number | null;
	role: DossierRole;
}

/**
 * SQLite only (migration 20261208_0650): each distinct term of the search index and how many documents
 * hold it, kept by triggers on search_document, so that a prefix is searched as its few terms.
 */
export interface SearchTermTable {
	term: string;
	documents: number;
}

/** One searchable record: what a result shows, and its folded terms (search.text.ts). */
export interface SearchDocumentTable {
	id: Generated<number>;
	entity_type: SearchEntityType;
	entity_id: number;
	title: string;
	detail: string | null;
	body: string | null;
	title_terms: string;
	body_terms: string;
}

export interface AuditEntryTable {
	id: Generated<number>;
	at: Instant;
	actor_user_id: number | null;
	actor_label: string;
	action: string;
	entity_type: string;
	entity_id: number | null;
	event_id: number | null;
	before_json: string | null;
	after_json: string | null;
	client_address: string | null;
}

export interface CalendarFeedTable {
	/** The public half of the feed's token "<id>.<secret>". */
	id: string;
	secret_hash: string;
	name: string;
	person_id: number | null;
	organization_id: number | null;
	series_id: number | null;
	event_kind: EventKind | null;
	event_status: EventStatus | null;
	created_by_user_id: number | null;
	created_at: Instant;
	revoked_at: Instant | null;
	last_used_at: Instant | null;
}

/**
 * A change to what some feeds show (db/migrations/20261207_0300_create_feed_changes.ts): 'office',
 * 'public', 'all', or 'series:<id>', 'person:<id>', 'organization:<id>'. Written by triggers only.
 */
export interface FeedChangeTable {
	id: Generated<number>;
	scope: string;
	changed_at: Instant;
}

/** A reminder is plain text; the others are iTIP messages with a method, SEQUENCE and calendar. */
export type OutboxMessageKind = 'invitation' | 'update' | 'cancellation' | 'reminder' | 'proposal_declined';
export type InvitationKind = Exclude<OutboxMessageKind, 'reminder' | 'proposal_declined'>;
export type OutboxMessageStatus = 'queued' | 'sending' | 'sent' | 'failed';

/** The iTIP methods the office sends: invitations and their updates, cancellations, a declined proposal. */
export type ItipMethodSent = 'REQUEST' | 'CANCEL' | 'DECLINECOUNTER';

export interface OutboxMessageTable {
	id: Generated<number>;
	event_id: number | null;
	person_id: number | null;
	to_address: string;
	to_name: string;
	kind: OutboxMessageKind;
	method: ItipMethodSent | null;
	sequence: number | null;
	subject: string;
	text_body: string;
	ics: string | null;
	status: ColumnType<OutboxMessageStatus, OutboxMessageStatus | undefined, OutboxMessageStatus>;
	attempts: ColumnType<number, number | undefined, number>;
	next_attempt_at: Instant;
	/** While a worker sends it: the end of its lease, its random claim token, and which process it is. */
	claimed_until: Instant | null;
	claim_token: string | null;
	claimed_by: string | null;
	last_error: string | null;
	/** Chosen when queued, sent on every attempt. The column allows null (SQLite adds no NOT NULL to an
	 * existing column), but its migration gave every row one. */
	message_id: ColumnType<string, string, string>;
	created_by_user_id: number | null;
	created_at: Instant;
	sent_at: Instant | null;
}

/** applied: an answer recorded; refused: nothing changed (see reason); proposed: a COUNTER; refreshed: sent again. */
export type InboxOutcome = 'applied' | 'refused' | 'proposed' | 'refreshed' | 'invitation';

/** An iTIP message read from the office's mailbox, recorded with what it changed (src/lib/server/inbox). */
export interface InboxMessageTable {
	id: Generated<number>;
	mailbox: string;
	uid_validity: number;
	uid: number;
	message_id: string | null;
	from_address: string | null;
	subject: string | null;
	received_at: Instant;
	method: string | null;
	outcome: InboxOutcome;
	reason: string | null;
	event_id: number | null;
	participant_id: number | null;
	attendee_address: string | null;
	partstat: string | null;
	sent_at: Instant | null;
	sequence: number | null;
	proposed_start_at: Instant | null;
	proposed_end_at: Instant | null;
	comment: string | null;
	decision: 'accepted' | 'declined' | null;
	decided_at: Instant | null;
	decided_by_user_id: number | null;
	marking_until: Instant | null;
	/** An invitation's calendar object, kept until an officer imports it. */
	ics: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A kind of work run once an interval by whichever process takes its turn (backup/backup.schedule.ts). */
export interface ScheduledTurnTable {
	name: string;
	held_by: string | null;
	held_until: Instant | null;
	last_started_at: Instant | null;
	last_ended_at: Instant | null;
}

export interface Database {
	organization: OrganizationTable;
	person: PersonTable;
	person_position: PersonPositionTable;
	person_redirect: PersonRedirectTable;
	venue: VenueTable;
	event_series: EventSeriesTable;
	event: EventTable;
	event_organization: EventOrganizationTable;
	delegation: DelegationTable;
	event_participant: EventParticipantTable;
	participant_needs: ParticipantNeedsTable;
	participant_diet: ParticipantDietTable;
	seating_plan: SeatingPlanTable;
	seating_table: SeatingTableTable;
	seating_seat: SeatingSeatTable;
	seating_change: SeatingChangeTable;
	agenda_item: AgendaItemTable;
	agenda_item_role: AgendaItemRoleTable;
	outcome: OutcomeTable;
	outcome_party: OutcomePartyTable;
	outcome_follow_up: OutcomeFollowUpTable;
	outcome_status_change: OutcomeStatusChangeTable;
	agreement: AgreementTable;
	agreement_party: AgreementPartyTable;
	agreement_correspondence: AgreementCorrespondenceTable;
	project: ProjectTable;
	project_partner: ProjectPartnerTable;
	gift: GiftTable;
	visit: VisitTable;
	visit_member: VisitMemberTable;
	visit_item: VisitItemTable;
	visit_item_person: VisitItemPersonTable;
	project_event: ProjectEventTable;
	project_outcome: ProjectOutcomeTable;
	project_correspondence: ProjectCorrespondenceTable;
	project_agreement: ProjectAgreementTable;
	topic: TopicTable;
	topic_follows_outcome: TopicFollowsOutcomeTable;
	topic_follows_correspondence: TopicFollowsCorrespondenceTable;
	correspondence: CorrespondenceTable;
	correspondence_event: CorrespondenceEventTable;
	correspondence_file: CorrespondenceFileTable;
	user_account: UserAccountTable;
	user_session: UserSessionTable;
	api_token: ApiTokenTable;
	recovery_code: RecoveryCodeTable;
	login_attempt: LoginAttemptTable;
	personal_link: PersonalLinkTable;
	app_setting: AppSettingTable;
	audit_entry: AuditEntryTable;
	search_pending: SearchPendingTable;
	search_document: SearchDocumentTable;
	search_term: SearchTermTable;
	chooser_word: ChooserWordTable;
	dossier_pending: DossierPendingTable;
	dossier_entry: DossierEntryTable;
	calendar_feed: CalendarFeedTable;
	feed_change: FeedChangeTable;
	outbox_message: OutboxMessageTable;
	reminder_digest: ReminderDigestTable;
	inbox_message: InboxMessageTable;
	scheduled_turn: ScheduledTurnTable;
}

export type Organization = Selectable<OrganizationTable>;
export type NewOrganization = Insertable<OrganizationTable>;
export type OrganizationUpdate = Updateable<OrganizationTable>;
export type Person = Selectable<PersonTable>;
export type NewPerson = Insertable<PersonTable>;
export type PersonUpdate = Updateable<PersonTable>;
export type PersonPosition = Selectable<PersonPositionTable>;
export type NewPersonPosition = Insertable<PersonPositionTable>;
export type PersonPositionUpdate = Updateable<PersonPositionTable>;
export type Venue = Selectable<VenueTable>;
export type NewVenue = Insertable<VenueTable>;
export type EventRow = Selectable<EventTable>;
export type NewEvent = Insertable<EventTable>;
export type EventUpdate = Updateable<EventTable>;
export type NewAgendaItem = Insertable<AgendaItemTable>;
export type NewParticipant = Insertable<EventParticipantTable>;
export type Outcome = Selectable<OutcomeTable>;
export type NewOutcome = Insertable<OutcomeTable>;
export type Agreement = Selectable<AgreementTable>;
export type NewAgreement = Insertable<AgreementTable>;
export type Project = Selectable<ProjectTable>;
export type Gift = Selectable<GiftTable>;
export type NewProject = Insertable<ProjectTable>;
export type Topic = Selectable<TopicTable>;
export type NewTopic = Insertable<TopicTable>;
export type TopicUpdate = Updateable<TopicTable>;
export type Correspondence = Selectable<CorrespondenceTable>;
export type NewCorrespondence = Insertable<CorrespondenceTable>;
export type NewAuditEntry = Insertable<AuditEntryTable>;
export type NewUserAccount = Insertable<UserAccountTable>;
