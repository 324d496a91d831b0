/** What the guests' needs pages receive: each guest's needs by name, and the caterer's and interpreters' sums. */
import { sortByText } from '../../format/collation';
import {
	dietaryRequirements,
	rsvpStatuses,
	type DietaryRequirement,
	type RsvpStatus
} from '../../vocabulary';
import { toPersonAtEvent, type PersonAtEvent } from '../events/event.view';
import { languageName } from '../../guest-needs';
import type { NeedsOfEventRow, ParticipantWithNeedsRow } from './guest-needs.repository';

export interface GuestNeeds {
	participantId: number;
	person: PersonAtEvent;
	rsvp: RsvpStatus;
	rsvpLabel: string;
	/** Declined or did not come: listed, but not counted for meals or interpreters. */
	away: boolean;
	diet: { requirement: DietaryRequirement; label: string }[];
	dietaryNote: string | null;
	accessibility: string | null;
	interpretation: { tag: string; name: string } | null;
	securityNote: string | null;
}

/** Meals of one requirement, and for whom. */
export interface MealCount {
	requirement: DietaryRequirement;
	label: string;
	count: number;
	guests: string[];
}

export interface LanguageNeed {
	tag: string;
	name: string;
	guests: string[];
}

export interface NeedsSummary {
	guests: GuestNeeds[];
	meals: MealCount[];
	languages: LanguageNeed[];
	/** Guests still expected: everyone invited but those who declined or did not come. */
	expected: number;
	/** Of them, those who accepted. */
	accepted: number;
	truncated: boolean;
}

const AWAY: ReadonlySet<RsvpStatus> = new Set(['declined', 'no_show']);

export function toGuestNeeds(
	row: NeedsOfEventRow | ParticipantWithNeedsRow,
	diet: readonly DietaryRequirement[]
): GuestNeeds {
	return {
		participantId: row.id,
		person: toPersonAtEvent(row),
		rsvp: row.rsvp_status,
		rsvpLabel: rsvpStatuses.labels[row.rsvp_status],
		away: AWAY.has(row.rsvp_status),
		diet: diet.map((requirement) => ({ requirement, label: dietaryRequirements.labels[requirement] })),
		dietaryNote: row.dietary_note,
		accessibility: row.accessibility,
		interpretation: row.interpretation_language
			? { tag: row.interpretation_language, name: languageName(row.interpretation_language) }
			: null,
		securityNote: row.security_note
	};
}

/** The caterer's counts (in the vocabulary's order) and the interpreters' languages, of those expected. */
export function summarizeNeeds(
	guests: GuestNeeds[],
	answers: { rsvp_status: RsvpStatus; n: number | string }[],
	truncated: boolean
): NeedsSummary {
	const present = guests.filter((guest) => !guest.away);
	const meals = dietaryRequirements.values
		.map((requirement) => {
			const having = present.filter((guest) => guest.diet.some((d) => d.requirement === requirement));
			return {
				requirement,
				label: dietaryRequirements.labels[requirement],
				count: having.length,
				guests: having.map((guest) => guest.person.name)
			};
		})
		.filter((meal) => meal.count > 0);
	const languages = new Map<string, LanguageNeed>();
	for (const guest of present) {
		if (!guest.interpretation) continue;
		const need = languages.get(guest.interpretation.tag) ?? { ...guest.interpretation, guests: [] };
		need.guests.push(guest.person.name);
		languages.set(need.tag, need);
	}
	const count = (statuses: RsvpStatus[]) =>
		answers.filter((a) => statuses.includes(a.rsvp_status)).reduce((sum, a) => sum + Number(a.n), 0);
	return {
		guests,
		meals,
		languages: sortByText(languages.values(), (language) => language.name),
		expected: count(['invited', 'accepted', 'tentative', 'attended']),
		accepted: count(['accepted', 'attended']),
		truncated
	};
}
