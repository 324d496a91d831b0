/**
 * The text of a thank-you letter after a meeting or visit, composed from what the office recorded: the
 * addressee's form of address and post as held at the event, the dates and place in the event's own
 * zone (its dates when it takes whole days), its topics and what was agreed, a courteous closing and the
 * signatory. Pure: the officer edits the draft it gives before registering it. Written in the language
 * of the moment (`getLocale()`): the service runs it in the addressee's (`inLocale`).
 */
import { m } from '../../paraglide/messages.js';
import type { EventKind } from '../../vocabulary';
import { allDayDates, formatCalendarDate, instantToZoned } from '../../format/datetime';
import { formatOrganizationName, formatPersonName } from '../../format/names';

export interface LetterPerson {
	honorific: string | null;
	givenName: string;
	familyName: string;
	/** The post held at the event ("Director General of the International Organization for Migration"). */
	position: string | null;
	/**
	 * The post as first recorded, when the letter prints another language's version of it: the form of
	 * address reads the title from it ("Director General" makes "Dear Director General," in any language).
	 */
	recordedPosition?: string | null;
	organization: { name: string; acronym: string | null } | null;
}

export interface FormOfAddress {
	/** How the letter opens: "Excellency,", "Dear Director General,", "Dear Ms Andreeva,". */
	salutation: string;
	/** How it closes, before the signature. */
	closing: string;
	/** Addressed as Excellency (a head of state or government, a minister, an ambassador, "H.E."). */
	excellency: boolean;
}

/** "Mr", "Ms", "Dr" from an honorific as recorded ("H.E. Mr" → "Mr"), or null when it names none. */
function courtesyTitle(honorific: string | null): string | null {
	const words = (honorific ?? '').replace(/\bH\.\s?E\.?/gi, '').trim();
	return words === '' ? null : words;
}

/** The usual courtesy titles in the letter's language ("Mr" → "cənab", "господин"); others as recorded. */
const COURTESY: Record<string, () => string> = {
	mr: m.letters_title_mr,
	ms: m.letters_title_ms,
	mrs: m.letters_title_mrs
};
const courtesyIn = (title: string) => COURTESY[title.toLowerCase()]?.() ?? title;

const isMadam = (honorific: string | null) => /\b(ms|mrs|madam|madame|miss)\b\.?/i.test(honorific ?? '');

/**
 * The form of address protocol gives a person's post: a president or prime minister by the office
 * ("Dear Mr President,"), a minister as "Dear Minister,", an ambassador or permanent representative as
 * "Excellency,", the head of an international organisation by the title ("Dear Director General,");
 * anyone else styled H.E. as "Excellency,", and the rest by name ("Dear Ms Andreeva,"). Excellencies
 * are assured of the highest consideration at the close; the others are written to "Yours sincerely".
 */
export function formOfAddress(
	person: Pick<LetterPerson, 'honorific' | 'familyName' | 'givenName' | 'position' | 'recordedPosition'>
): FormOfAddress {
	const position = person.recordedPosition ?? person.position ?? '';
	const styledExcellency = /\bH\.\s?E\b/i.test(person.honorific ?? '');
	const madam = isMadam(person.honorific);
	/** A salutation by the office, for a man or a woman (the same words in English but for a president). */
	const office = (mr: () => string, madamForm: () => string) => (madam ? madamForm : mr)();
	const rules: [RegExp, () => string, boolean][] = [
		[
			/^(?!.*\bvice\b).*\bprime minister\b/i,
			() => office(m.letters_dear_prime_minister, m.letters_dear_prime_minister_madam),
			true
		],
		[
			/^(?!.*\bvice\b).*\bpresident\b/i,
			() => office(m.letters_dear_president, m.letters_dear_president_madam),
			true
		],
		[/\bambassador\b|\bpermanent representative\b|\bchargé d'affaires\b/i, m.letters_excellency, true],
		[
			/^(?!.*\bdeputy\b).*\bminister\b/i,
			() => office(m.letters_dear_minister, m.letters_dear_minister_madam),
			true
		],
		[
			/^(?!.*\b(deputy|assistant)\b).*\bsecretary[- ]general\b/i,
			() => office(m.letters_dear_secretary_general, m.letters_dear_secretary_general_madam),
			styledExcellency
		],
		[
			/^(?!.*\b(deputy|assistant)\b).*\bdirector[- ]general\b/i,
			() => office(m.letters_dear_director_general, m.letters_dear_director_general_madam),
			styledExcellency
		]
	];
	const closingOf = (excellency: boolean) =>
		excellency ? m.letters_highest_consideration() : m.letters_yours_sincerely();
	const rule = rules.find(([pattern]) => pattern.test(position));
	if (rule) {
		const [, salutation, excellency] = rule;
		return { salutation: salutation(), excellency, closing: closingOf(excellency) };
	}
	if (styledExcellency)
		return { salutation: m.letters_excellency(), excellency: true, closing: closingOf(true) };
	const title = courtesyTitle(person.honorific);
	const name = title
		? m.letters_courtesy_name({ title: courtesyIn(title), family: person.familyName })
		: `${person.givenName} ${person.familyName}`;
	return {
		salutation: (madam ? m.letters_dear_name_madam : m.letters_dear_name)({ name }),
		excellency: false,
		closing: closingOf(false)
	};
}

/** The post and, when the post does not name it already, the organisation: the lines under the name. */
export function titleLines(person: Pick<LetterPerson, 'position' | 'organization'>): string[] {
	const { position, organization } = person;
	const lines = position ? [position] : [];
	if (organization) {
		const named =
			position !== null &&
			(position.includes(organization.name) ||
				(organization.acronym !== null && new RegExp(`\\b${organization.acronym}\\b`).test(position)));
		if (!named) lines.push(formatOrganizationName(organization));
	}
	return lines;
}

export interface LetterEvent {
	kind: EventKind;
	title: string;
	startAt: string;
	endAt: string;
	timeZone: string;
	allDay: boolean;
	/** Where it was held, as a letter names it ("Baku"); null when not known. */
	place: string | null;
}

/** The local dates an event took, in its zone: whole days as they are, else the days of its start and end. */
export function eventDates(event: LetterEvent): { first: string; last: string } {
	if (event.allDay) {
		const days = allDayDates(event.startAt, event.endAt, event.timeZone);
		if (days) return days;
	}
	const first = instantToZoned(event.startAt, event.timeZone).slice(0, 10);
	const last = instantToZoned(event.endAt, event.timeZone).slice(0, 10);
	return { first, last: last < first ? first : last };
}

/**
 * "on 16 January 2017", "from 5 to 8 December 2016", "from 28 November to 2 December 2026", in the
 * language of the moment (the dates as `formatCalendarDate` writes them: day, month, year).
 */
export function datesPhrase({ first, last }: { first: string; last: string }): string {
	if (first === last) return m.letters_on_date({ date: formatCalendarDate(first) });
	const [a, b] = [formatCalendarDate(first), formatCalendarDate(last)];
	if (first.slice(0, 4) !== last.slice(0, 4)) return m.letters_from_to({ first: a, last: b });
	const [dayA, monthA] = a.split(' ');
	if (first.slice(0, 7) === last.slice(0, 7)) return m.letters_from_to({ first: dayA!, last: b });
	return m.letters_from_to({ first: `${dayA} ${monthA}`, last: b });
}

function occasion(event: LetterEvent): string {
	switch (event.kind) {
		case 'official_visit':
			return m.letters_occasion_official_visit();
		case 'working_visit':
			return m.letters_occasion_working_visit();
		case 'bilateral_meeting':
		case 'multilateral_meeting':
			return m.letters_occasion_meeting();
		default:
			return m.letters_occasion_participation({ title: event.title });
	}
}

/** The opening sentence: on whose behalf, for what, when and where. */
function thanks(event: LetterEvent, host: ThankYouFacts['host']): string {
	const facts = { occasion: occasion(event), when: datesPhrase(eventDates(event)) };
	const behalf = host?.name.replace(/^the /i, '');
	if (behalf !== undefined) {
		return event.place
			? m.letters_thanks_behalf_place({ ...facts, host: behalf, place: event.place })
			: m.letters_thanks_behalf({ ...facts, host: behalf });
	}
	return event.place ? m.letters_thanks_place({ ...facts, place: event.place }) : m.letters_thanks(facts);
}

export interface ThankYouFacts {
	event: LetterEvent;
	addressee: LetterPerson;
	/** Who signs: the host. Null when the event names none; the officer then adds the signature. */
	signatory: LetterPerson | null;
	/** On whose behalf the letter thanks: the host organisation. */
	host: { name: string; acronym: string | null } | null;
	/** The meeting's topics, in order. */
	topics: string[];
	/** What was agreed: decisions and action points recorded at it, agreements signed at it. */
	agreed: string[];
}

export interface ThankYouLetter {
	subject: string;
	salutation: string;
	/** The whole letter as it is printed: address, salutation, body, closing and signature. */
	text: string;
}

const bullets = (items: string[]) => items.map((item) => `– ${item.trim()}`).join('\n');

/** A thank-you letter's subject and text, in the plain register protocol letters use, in the language of the moment. */
export function composeThankYouLetter(facts: ThankYouFacts): ThankYouLetter {
	const { event, addressee, signatory, host, topics, agreed } = facts;
	const address = formOfAddress(addressee);
	const name = formatPersonName({
		honorific: addressee.honorific,
		given_name: addressee.givenName,
		family_name: addressee.familyName
	});
	const paragraphs = [[name, ...titleLines(addressee)].join('\n'), address.salutation, thanks(event, host)];
	if (topics.length > 0) paragraphs.push(m.letters_topics({ subjects: bullets(topics) }));
	if (agreed.length > 0) paragraphs.push(m.letters_agreed({ points: bullets(agreed) }));
	paragraphs.push(m.letters_cooperation());
	paragraphs.push(address.closing);
	if (signatory) {
		const signed = formatPersonName({
			honorific: null,
			given_name: signatory.givenName,
			family_name: signatory.familyName
		});
		paragraphs.push([signed, ...(signatory.position ? [signatory.position] : [])].join('\n'));
	}
	return {
		subject: m.letters_subject({ name, title: event.title }),
		salutation: address.salutation,
		text: paragraphs.join('\n\n')
	};
}
