/** What the import page shows of a partner's invitation before anything is written. */

export type ImportAction = 'create' | 'update' | 'cancel' | 'none';

export interface PersonMatchView {
	address: string;
	/** The name the invitation gives (CN), or the address. */
	name: string;
	/** The person of the directory with this address; null: a new person will be added. */
	person: { id: number; name: string } | null;
	role: string;
}

export interface InvitationPreviewView {
	action: ImportAction;
	/** The button's words, or null when there is nothing to do. */
	actionLabel: string | null;
	/** What importing does, in a sentence. */
	what: string;
	method: string;
	uid: string;
	sequence: number;
	title: string;
	description: string | null;
	timeZone: string;
	/** The zone as the invitation named it, when not by its IANA name (Outlook's Windows names). */
	zoneGiven: string | null;
	startAt: string;
	endAt: string;
	/** Its times written in its zone ("Friday 17 December 2021, 10:00–12:30"), with the zone's offset then. */
	range: string;
	offset: string;
	allDay: boolean;
	venue: { id: number; name: string } | null;
	/** The place as written, when no venue of the directory matched it. */
	placeText: string | null;
	onlineUrl: string | null;
	organizer: PersonMatchView | null;
	attendees: PersonMatchView[];
	recurrence: {
		rule: string;
		/** Each with its times written in the invitation's zone. */
		occurrences: { startAt: string; endAt: string; range: string; title: string; cancelled: boolean }[];
		truncated: boolean;
		windowEnd: string;
	} | null;
	/** The events imported before from this UID (a few). */
	existing: { id: number; title: string; startAt: string; timeZone: string; range: string; status: string }[];
}
