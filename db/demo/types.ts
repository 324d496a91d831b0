/**
 * The shape of the demo data set. Records name each other by stable string keys ('sms', 'huseynov',
 * 'imd-2021'); the loader (src/lib/server/demo/demo.service.ts) turns keys into the ids the database
 * generates. Times are wall-clock times ("2021-12-17T10:00") in the event's IANA zone; dates are YYYY-MM-DD.
 *
 * The seed documents (../shared/seeds, cited in the data as [000] … [004]):
 *   [000] Note verbale Ref 0451/13/21/26 of the Permanent Mission of Azerbaijan in Geneva to IOM,
 *         17 September 2021, with the enclosed letter No 09/1502 of the Chief of the SMS to IOM's
 *         Director General, 2 September 2021 ("Champion countries").
 *   [001] SMS news item: the Chief of the SMS met the Regional Director of IOM.
 *   [002] SMS news item: International Migrants Day event held at the SMS.
 *   [003] IOM Azerbaijan web page: Post-International Migration Review Forum Debrief for Azerbaijan.
 *   [004] SMS web page: International cooperation.
 */
import type {
	AgendaItemKind,
	AgendaRole,
	DatePrecision,
	CorrespondenceEventLink,
	CorrespondenceDirection,
	CorrespondenceKind,
	EventKind,
	EventStatus,
	HostRole,
	OrganizationKind,
	OutcomeKind,
	OutcomeStatus,
	ParticipantRole,
	ProjectProgramme,
	ProjectState,
	RsvpStatus,
	TimingCertainty
} from '../../src/lib/vocabulary';
import type { AgreementKey } from './agreements';
import type { correspondence } from './correspondence';
import type { EventKey } from './events';
import type { OrganizationKey } from './organizations';
import type { OutcomeKey } from './outcomes';
import type { PersonKey } from './people';
import type { SeriesKey } from './series';
import type { DemoTopic } from './topics';
import type { VenueKey } from './venues';
import type { DemoVisit } from './visits';

/** Wall-clock date and time without zone, "YYYY-MM-DDTHH:mm". */
export type LocalDateTime = `${number}-${number}-${number}T${number}:${number}`;
/** Calendar date, "YYYY-MM-DD". */
export type CalendarDate = `${number}-${number}-${number}`;

/** A text's versions in other languages (issue 18 §2); the text itself is the original, in `original`. */
export interface DemoVersions {
	readonly original: 'az' | 'en' | 'ru';
	readonly az?: string;
	readonly en?: string;
	readonly ru?: string;
}

export interface DemoOrganization {
	readonly key: string;
	readonly name: string;
	readonly nameVersions?: DemoVersions;
	readonly acronym?: string;
	readonly kind: OrganizationKind;
	/** ISO 3166-1 alpha-2. */
	readonly countryCode?: string;
	/** Key of the parent organization; it must come earlier in the list. */
	readonly parent?: string;
	readonly city?: string;
	readonly website?: string;
	readonly notes?: string;
}

/** A post a person held; a date left out is one the seeds do not give (notes say what they do give). */
export interface DemoPosition {
	readonly position: string;
	readonly positionVersions?: DemoVersions;
	readonly organization: OrganizationKey | null;
	readonly rank?: string;
	/** First and last day in the post. */
	readonly from?: CalendarDate;
	readonly to?: CalendarDate;
	readonly notes?: string;
}

export interface DemoPerson {
	readonly key: string;
	readonly honorific?: string;
	readonly givenName: string;
	readonly familyName: string;
	readonly nativeName?: string;
	readonly rank?: string;
	/** Current position; the position held at each event is on the participant, or from `positions`. */
	readonly position?: string;
	/**
	 * The current position's versions in other languages; left out, those of the post in `positions`
	 * written the same way, if any.
	 */
	readonly positionVersions?: DemoVersions;
	readonly organization: OrganizationKey | null;
	/** Heads that organisation: first in its order of precedence, and named as its head in its dossier. */
	readonly headsOrganization?: boolean;
	readonly notes?: string;
	/** Posts over time: where one covers an event's date, the participant is given it. */
	readonly positions?: readonly DemoPosition[];
}

export interface DemoVenue {
	readonly key: string;
	readonly name: string;
	readonly address?: string;
	readonly city: string;
	readonly countryCode: string;
	/** IANA zone. */
	readonly timeZone: string;
	readonly notes?: string;
}

export interface DemoSeries {
	readonly key: string;
	readonly name: string;
	readonly description?: string;
}

export interface DemoHost {
	readonly organization: OrganizationKey;
	readonly role: HostRole;
}

export interface DemoDelegation {
	/** Unique within the event; participants name their delegation by it. */
	readonly name: string;
	readonly organization: OrganizationKey | null;
}

export interface DemoParticipant {
	readonly person: PersonKey;
	readonly role: ParticipantRole;
	readonly delegation?: string;
	/** Title, rank and organization as they stood at this event. */
	readonly positionAtEvent?: string;
	readonly rankAtEvent?: string;
	readonly organization: OrganizationKey | null;
	readonly notes?: string;
	/**
	 * For an event still to come: invited when the data loads, with this answer ('invited': none yet).
	 * Left out for the events of the seeds, which were held: attended.
	 */
	readonly answer?: RsvpStatus;
}

export interface DemoAgendaRole {
	/** The person, who must be a participant of the same event. */
	readonly person: PersonKey;
	readonly role: AgendaRole;
}

export interface DemoAgendaItem {
	readonly kind: AgendaItemKind;
	readonly title: string;
	readonly titleVersions?: DemoVersions;
	/** Wall-clock times in the event's zone. */
	readonly start?: LocalDateTime;
	readonly end?: LocalDateTime;
	readonly notes?: string;
	readonly roles?: readonly DemoAgendaRole[];
}

export interface DemoEvent {
	readonly key: string;
	readonly kind: EventKind;
	readonly title: string;
	readonly titleVersions?: DemoVersions;
	readonly theme?: string;
	readonly description: string;
	/**
	 * Wall-clock times in timeZone; for an all-day event midnight of its first day and midnight after its
	 * last (end exclusive).
	 */
	readonly start: LocalDateTime;
	readonly end: LocalDateTime;
	/** Whole days: the sources give the dates of a session of several days and no times. */
	readonly allDay?: true;
	readonly timeZone: string;
	readonly timing: TimingCertainty;
	readonly venue: VenueKey | null;
	readonly status: EventStatus;
	readonly series?: SeriesKey;
	readonly isPublic: 0 | 1;
	/** In the order they are named. */
	readonly hosts: readonly DemoHost[];
	readonly delegations?: readonly DemoDelegation[];
	readonly participants?: readonly DemoParticipant[];
	/** In programme order. */
	readonly agenda?: readonly DemoAgendaItem[];
	/** A seating plan generated from the guests' precedence when the data loads. */
	readonly seating?: DemoSeating;
}

/** How a demo event's seating plan is generated (src/lib/server/seating/seating.layout.ts). */
export interface DemoSeating {
	readonly layout: 'banquet' | 'bilateral';
	readonly topShape: 'long' | 'round';
	readonly topSeats: number;
	readonly shape: 'long' | 'round';
	readonly seatsPerTable: number;
	readonly keepDelegations: boolean;
	readonly alternateHosts: boolean;
}

export interface DemoFollowUp {
	readonly event: EventKey;
	readonly note?: string;
}

export interface DemoOutcome {
	readonly key: string;
	/** The event it came from; null for an agreement recorded without one. */
	readonly event: EventKey | null;
	readonly kind: OutcomeKind;
	readonly title: string;
	readonly text?: string;
	readonly ownerPerson?: PersonKey;
	readonly ownerOrganization?: OrganizationKey;
	readonly dueOn?: CalendarDate;
	readonly status: OutcomeStatus;
	readonly parties?: readonly OrganizationKey[];
	/** Later events that took the outcome further. */
	readonly followUps?: readonly DemoFollowUp[];
}

export interface DemoEventLink {
	readonly event: EventKey;
	readonly link: CorrespondenceEventLink;
}

export interface DemoCorrespondence {
	readonly key: string;
	readonly kind: CorrespondenceKind;
	/** Seen from the office: received or sent. */
	readonly direction: CorrespondenceDirection;
	readonly replyExpected?: boolean;
	/** Keys of documents listed before this one: the one it answers, the one it transmits. */
	readonly inReplyTo?: string;
	readonly transmits?: string;
	readonly referenceNumber?: string;
	readonly datedOn: CalendarDate;
	readonly place?: string;
	readonly sender: OrganizationKey | null;
	readonly recipient: OrganizationKey | null;
	readonly signatory?: PersonKey;
	readonly addressee?: PersonKey;
	readonly subject: string;
	readonly summary?: string;
	readonly events?: readonly DemoEventLink[];
}

type CorrespondenceKey = (typeof correspondence)[number]['key'];

export interface DemoAgreement {
	readonly key: string;
	readonly title: string;
	readonly summary?: string;
	/** At least two. */
	readonly parties: readonly OrganizationKey[];
	readonly signedOn?: CalendarDate;
	/** Known to be signed, on a date the seed does not give. */
	readonly signedUndated?: boolean;
	readonly signedPlace?: string;
	/** The event where it was signed. */
	readonly signedEvent?: EventKey;
	readonly approvedOn?: CalendarDate;
	readonly approvalAct?: string;
	readonly inForceOn?: CalendarDate;
	/** Documents about it. */
	readonly letters?: readonly CorrespondenceKey[];
}

/** A date as precisely as a source gives it: "since 2014" is { on: '2014-01-01', precision: 'year' }. */
export interface DemoApproximateDate {
	readonly on: CalendarDate;
	readonly precision: DatePrecision;
}

export interface DemoProject {
	readonly key: string;
	readonly title: string;
	readonly programme?: ProjectProgramme;
	readonly state: ProjectState;
	readonly start?: DemoApproximateDate;
	readonly end?: DemoApproximateDate;
	readonly partners: readonly OrganizationKey[];
	readonly focalPerson?: PersonKey;
	readonly description?: string;
	readonly events?: readonly EventKey[];
	readonly outcomes?: readonly OutcomeKey[];
	readonly correspondence?: readonly CorrespondenceKey[];
	readonly agreements?: readonly AgreementKey[];
}

export interface DemoDataSet {
	readonly organizations: readonly DemoOrganization[];
	readonly people: readonly DemoPerson[];
	readonly venues: readonly DemoVenue[];
	readonly series: readonly DemoSeries[];
	readonly events: readonly DemoEvent[];
	readonly outcomes: readonly DemoOutcome[];
	readonly correspondence: readonly DemoCorrespondence[];
	readonly agreements: readonly DemoAgreement[];
	readonly projects: readonly DemoProject[];
	readonly topics?: readonly DemoTopic[];
	readonly visits?: readonly DemoVisit[];
	/** Events still to come, made when the data loads from the office's date that day (YYYY-MM-DD). */
	readonly upcoming?: (today: CalendarDate) => readonly DemoEvent[];
}
