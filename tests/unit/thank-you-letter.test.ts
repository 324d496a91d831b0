/**
 * A thank-you letter's composition, pure: the form of address a post calls for (an ambassador, a director
 * general, a minister, a president, anyone else by name), the dates and place in the event's own zone
 * (whole days as dates), the topics and agreed points as lists, the closing and the signature.
 */
import { describe, expect, test } from 'vitest';
import {
	composeThankYouLetter,
	datesPhrase,
	eventDates,
	formOfAddress,
	titleLines,
	type LetterEvent,
	type LetterPerson
} from '$lib/server/correspondence/thank-you.letter';

const IOM = { name: 'International Organization for Migration', acronym: 'IOM' };
const person = (values: Partial<LetterPerson>): LetterPerson => ({
	honorific: 'Mr',
	givenName: 'William Lacy',
	familyName: 'Swing',
	position: null,
	organization: null,
	...values
});
const meeting: LetterEvent = {
	kind: 'bilateral_meeting',
	title: 'Meeting with the Director General of IOM',
	// 11:00 in Baku (UTC+4) on 16 January 2017.
	startAt: '2017-01-16T07:00:00.000Z',
	endAt: '2017-01-16T08:00:00.000Z',
	timeZone: 'Asia/Baku',
	allDay: false,
	place: 'Baku'
};

describe('form of address', () => {
	test('an ambassador is addressed as Excellency and assured of the highest consideration', () => {
		expect(
			formOfAddress(
				person({
					honorific: 'H.E. Ms',
					givenName: 'Anna',
					familyName: 'Berg',
					position: 'Ambassador of the Kingdom of Sweden to the Republic of Azerbaijan'
				})
			)
		).toEqual({
			salutation: 'Excellency,',
			excellency: true,
			closing: 'Please accept, Excellency, the assurances of my highest consideration.'
		});
	});

	test('a permanent representative is an Excellency too', () => {
		expect(
			formOfAddress(person({ position: 'Permanent Representative to the UN Office at Geneva' })).salutation
		).toBe('Excellency,');
	});

	test('a director general is addressed by the title, and as Excellency only when styled H.E.', () => {
		const swing = formOfAddress(
			person({ position: 'Director General of the International Organization for Migration' })
		);
		expect(swing).toEqual({
			salutation: 'Dear Director General,',
			excellency: false,
			closing: 'Yours sincerely,'
		});
		const vitorino = formOfAddress(
			person({ honorific: 'H.E. Mr', familyName: 'Vitorino', position: 'Director General of IOM' })
		);
		expect(vitorino.salutation).toBe('Dear Director General,');
		expect(vitorino.closing).toBe('Please accept, Excellency, the assurances of my highest consideration.');
	});

	test('a deputy director general is written to by name', () => {
		expect(
			formOfAddress(
				person({ honorific: 'Ms', familyName: 'Pope', position: 'Deputy Director General for Operations' })
			).salutation
		).toBe('Dear Ms Pope,');
	});

	test('a minister is "Dear Minister", a deputy minister is not', () => {
		expect(
			formOfAddress(person({ position: 'Minister of Foreign Affairs of the Republic of Azerbaijan' }))
		).toEqual({
			salutation: 'Dear Minister,',
			excellency: true,
			closing: 'Please accept, Excellency, the assurances of my highest consideration.'
		});
		expect(
			formOfAddress(person({ familyName: 'Mammadov', position: 'Deputy Minister of Labour' })).salutation
		).toBe('Dear Mr Mammadov,');
	});

	test('a president by the office, Madam for a woman; a vice-president is not the president', () => {
		expect(formOfAddress(person({ position: 'President of the Republic of Azerbaijan' })).salutation).toBe(
			'Dear Mr President,'
		);
		expect(formOfAddress(person({ honorific: 'Ms', position: 'President of the Council' })).salutation).toBe(
			'Dear Madam President,'
		);
		expect(formOfAddress(person({ position: 'Vice-President of the Bank' })).salutation).toBe(
			'Dear Mr Swing,'
		);
	});

	test('anyone else styled H.E. is Excellency; without an honorific, the whole name', () => {
		expect(formOfAddress(person({ honorific: 'H.E. Mr', position: 'Special Envoy' })).salutation).toBe(
			'Excellency,'
		);
		expect(formOfAddress(person({ honorific: null, position: null })).salutation).toBe(
			'Dear William Lacy Swing,'
		);
	});
});

describe('the lines under the name', () => {
	test('the organisation is added when the post does not name it', () => {
		expect(titleLines({ position: 'Chief of Mission', organization: IOM })).toEqual([
			'Chief of Mission',
			'International Organization for Migration (IOM)'
		]);
		expect(
			titleLines({
				position: 'Director General of the International Organization for Migration',
				organization: IOM
			})
		).toEqual(['Director General of the International Organization for Migration']);
	});
});

describe('dates in the event’s zone', () => {
	test('a meeting late in the evening UTC is dated by its local day', () => {
		// 22:30 UTC on 15 January is 02:30 on 16 January in Baku.
		const late = { ...meeting, startAt: '2017-01-15T22:30:00.000Z', endAt: '2017-01-15T23:30:00.000Z' };
		expect(eventDates(late)).toEqual({ first: '2017-01-16', last: '2017-01-16' });
	});

	test('an all-day session ends on the day before its exclusive end', () => {
		const council = {
			...meeting,
			kind: 'council_session' as const,
			allDay: true,
			timeZone: 'Europe/Zurich',
			// Midnight in Geneva (UTC+1) of 5 December to midnight after 8 December.
			startAt: '2016-12-04T23:00:00.000Z',
			endAt: '2016-12-08T23:00:00.000Z'
		};
		expect(eventDates(council)).toEqual({ first: '2016-12-05', last: '2016-12-08' });
		expect(datesPhrase(eventDates(council))).toBe('from 5 to 8 December 2016');
	});

	test('dates said once where they share a month or a year', () => {
		expect(datesPhrase({ first: '2017-01-16', last: '2017-01-16' })).toBe('on 16 January 2017');
		expect(datesPhrase({ first: '2026-11-28', last: '2026-12-02' })).toBe(
			'from 28 November to 2 December 2026'
		);
		expect(datesPhrase({ first: '2026-12-30', last: '2027-01-02' })).toBe(
			'from 30 December 2026 to 2 January 2027'
		);
	});
});

describe('the letter', () => {
	const letter = composeThankYouLetter({
		event: meeting,
		addressee: person({
			position: 'Director General of the International Organization for Migration',
			organization: IOM
		}),
		signatory: person({
			honorific: 'Mr',
			givenName: 'Ilham',
			familyName: 'Aliyev',
			position: 'President of the Republic of Azerbaijan'
		}),
		host: { name: 'Government of the Republic of Azerbaijan', acronym: null },
		topics: ['Regional Training Center on Migration', 'Readmission management'],
		agreed: ['Joint project on migration data', 'the signing of the Cooperation Agreement']
	});

	test('reads from the address to the signature, with the date, place, topics and agreed points', () => {
		expect(letter.subject).toBe('Thanks to Mr William Lacy Swing: Meeting with the Director General of IOM');
		expect(letter.text).toBe(
			[
				'Mr William Lacy Swing\nDirector General of the International Organization for Migration',
				'Dear Director General,',
				'On behalf of the Government of the Republic of Azerbaijan, I would like to thank you most sincerely for our meeting on 16 January 2017 in Baku.',
				'I greatly valued our exchange of views on the following subjects:\n– Regional Training Center on Migration\n– Readmission management',
				'I am pleased that we agreed on the following:\n– Joint project on migration data\n– the signing of the Cooperation Agreement',
				'I look forward to the further development of our fruitful cooperation.',
				'Yours sincerely,',
				'Ilham Aliyev\nPresident of the Republic of Azerbaijan'
			].join('\n\n')
		);
	});

	test('an official visit without a place, topics, agreed points or signatory leaves them out', () => {
		const visit = composeThankYouLetter({
			event: { ...meeting, kind: 'official_visit', place: null },
			addressee: person({
				honorific: 'H.E. Ms',
				familyName: 'Berg',
				givenName: 'Anna',
				position: 'Ambassador of Sweden'
			}),
			signatory: null,
			host: null,
			topics: [],
			agreed: []
		});
		expect(visit.text).toBe(
			[
				'H.E. Ms Anna Berg\nAmbassador of Sweden',
				'Excellency,',
				'I would like to thank you most sincerely for your official visit on 16 January 2017.',
				'I look forward to the further development of our fruitful cooperation.',
				'Please accept, Excellency, the assurances of my highest consideration.'
			].join('\n\n')
		);
	});
});
