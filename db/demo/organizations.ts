/**
 * Organizations of the demo data set, parents before their children. The seed each comes from is given
 * in brackets (see types.ts): [000] note verbale and letter, [001] meeting with IOM's Regional Director,
 * [002] International Migrants Day 2021, [003] post-IMRF debrief, [004] the SMS's international cooperation page.
 * Cities not stated in a seed are the bodies' well-known seats.
 */
import type { DemoOrganization } from './types';

export const organizations = [
	// [000] letterhead of letter No 09/1502; [001]–[004].
	{
		key: 'sms',
		name: 'State Migration Service of the Republic of Azerbaijan',
		acronym: 'SMS',
		kind: 'government_body',
		countryCode: 'AZ',
		city: 'Baku',
		website: 'https://migration.gov.az',
		notes:
			'202 Binagadi Highway, 3123 Block, Binagadi district, Baku AZ-1114. ' +
			'Tel. +994 12 498 94 64, fax +994 12 562 37 02, info@migration.gov.az (letterhead of letter No 09/1502).'
	},
	// [003] "Chairman of the Public Council under SMS".
	{
		key: 'sms-public-council',
		name: 'Public Council under the State Migration Service',
		kind: 'civil_society',
		countryCode: 'AZ',
		parent: 'sms',
		city: 'Baku'
	},
	// [000] sender of note verbale Ref 0451/13/21/26.
	{
		key: 'az-mission-geneva',
		name: 'Permanent Mission of the Republic of Azerbaijan to the United Nations Office and other International Organizations in Geneva',
		kind: 'diplomatic_mission',
		countryCode: 'AZ',
		city: 'Geneva'
	},
	// [002] Sabina Aliyeva's office.
	{
		key: 'ombudsman',
		name: 'Office of the Commissioner for Human Rights (Ombudsman) of the Republic of Azerbaijan',
		kind: 'government_body',
		countryCode: 'AZ',
		city: 'Baku'
	},
	// [004] party, with the EU and ICMPD, to agreements signed in the name of the Republic of Azerbaijan.
	{
		key: 'az-government',
		name: 'Government of the Republic of Azerbaijan',
		kind: 'government_body',
		countryCode: 'AZ',
		city: 'Baku'
	},
	// [000]–[004].
	{
		key: 'iom',
		name: 'International Organization for Migration',
		acronym: 'IOM',
		kind: 'international_organization',
		city: 'Geneva',
		website: 'https://www.iom.int'
	},
	// [001] Manfred Profazi's office.
	{
		key: 'iom-ro-vienna',
		name: 'IOM Regional Office for South-Eastern Europe, Eastern Europe and Central Asia',
		kind: 'international_organization',
		parent: 'iom',
		city: 'Vienna'
	},
	// [002] "the Representation of the IOM in the Republic of Azerbaijan"; [003] "IOM Mission to Azerbaijan".
	{
		key: 'iom-azerbaijan',
		name: 'IOM Mission to Azerbaijan',
		acronym: 'IOM Azerbaijan',
		kind: 'international_organization',
		countryCode: 'AZ',
		parent: 'iom-ro-vienna',
		city: 'Baku'
	},
	// [004] convened the 2016 summit; the IMRF is a forum of the General Assembly.
	{
		key: 'un',
		name: 'United Nations',
		acronym: 'UN',
		kind: 'un_entity',
		city: 'New York',
		website: 'https://www.un.org'
	},
	// [002], [003] Vladanka Andreeva's office.
	{
		key: 'un-rco-azerbaijan',
		name: 'Office of the UN Resident Coordinator in Azerbaijan',
		kind: 'un_entity',
		countryCode: 'AZ',
		parent: 'un',
		city: 'Baku'
	},
	// [000] launched the "Champion countries" initiative; [002].
	{
		key: 'unnm',
		name: 'UN Network on Migration',
		acronym: 'UNNM',
		kind: 'un_entity',
		parent: 'un'
	},
	// [002] Jonathan Prentice's office ("Head of the UN Migration Network Secretariat").
	{
		key: 'unnm-secretariat',
		name: 'Secretariat of the UN Network on Migration',
		kind: 'un_entity',
		parent: 'unnm',
		city: 'Geneva'
	},
	// [000] "among the first countries in the region to establish UN Network on Migration at national level"; [003].
	{
		key: 'unnm-azerbaijan',
		name: 'UN Network on Migration in Azerbaijan',
		acronym: 'UNNM Azerbaijan',
		kind: 'un_entity',
		countryCode: 'AZ',
		parent: 'unnm',
		city: 'Baku'
	},
	// [004].
	{
		key: 'unhcr',
		name: 'United Nations High Commissioner for Refugees',
		acronym: 'UNHCR',
		kind: 'un_entity',
		parent: 'un',
		city: 'Geneva'
	},
	// [004].
	{
		key: 'eu',
		name: 'European Union',
		acronym: 'EU',
		kind: 'international_organization',
		city: 'Brussels'
	},
	// [004].
	{
		key: 'cis',
		name: 'Commonwealth of Independent States',
		acronym: 'CIS',
		kind: 'international_organization',
		city: 'Minsk'
	},
	// [004] "Council of Heads of Migration Bodies (CHMB) acting within CIS".
	{
		key: 'cis-chmb',
		name: 'Council of Heads of Migration Bodies of the Commonwealth of Independent States',
		acronym: 'CHMB',
		kind: 'international_organization',
		parent: 'cis'
	},
	// [004].
	{
		key: 'icmpd',
		name: 'International Centre for Migration Policy Development',
		acronym: 'ICMPD',
		kind: 'international_organization',
		city: 'Vienna'
	}
] as const satisfies readonly DemoOrganization[];

export type OrganizationKey = (typeof organizations)[number]['key'];
