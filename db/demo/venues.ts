/**
 * Venues of the demo data set. The seeds mostly name only a city: such events get a "(venue not stated)"
 * venue in that city, so that they still carry the right time zone. Sources in brackets (see types.ts).
 */
import type { DemoVenue } from './types';

export const venues = [
	// [000] letterhead of letter No 09/1502 (English side; AZ-1114 from the Azerbaijani side); [001], [002].
	{
		key: 'sms-hq',
		name: 'State Migration Service headquarters',
		address: '202 Binagadi Highway, 3123 Block, Binagadi district, Baku AZ-1114',
		city: 'Baku',
		countryCode: 'AZ',
		timeZone: 'Asia/Baku'
	},
	// [003] "in Baku"; [004] the CIS CHMB meetings "were held in Baku".
	{
		key: 'baku',
		name: 'Baku (venue not stated)',
		city: 'Baku',
		countryCode: 'AZ',
		timeZone: 'Asia/Baku',
		notes: 'The source documents say only "in Baku".'
	},
	// [004] the IOM Council session and the signing "in Geneva".
	{
		key: 'geneva',
		name: 'Geneva (venue not stated)',
		city: 'Geneva',
		countryCode: 'CH',
		timeZone: 'Europe/Zurich',
		notes: 'The source documents say only "in Geneva".'
	},
	// [004] "in New-York"; the seeds do not name the building.
	{
		key: 'un-hq',
		name: 'United Nations Headquarters',
		address: '405 East 42nd Street, New York, NY 10017',
		city: 'New York',
		countryCode: 'US',
		timeZone: 'America/New_York',
		notes: 'The source documents say only "in New York"; the address is not from them.'
	}
] as const satisfies readonly DemoVenue[];

export type VenueKey = (typeof venues)[number]['key'];
