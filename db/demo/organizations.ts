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
		// [000]: the letterhead, in Azerbaijani and English side by side.
		nameVersions: {
			original: 'en',
			az: 'Azərbaycan Respublikası Dövlət Miqrasiya Xidməti',
			ru: 'Государственная миграционная служба Азербайджанской Республики'
		},
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
		nameVersions: {
			original: 'en',
			az: 'Beynəlxalq Miqrasiya Təşkilatı',
			ru: 'Международная организация по миграции'
		},
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
		nameVersions: {
			original: 'en',
			az: 'Beynəlxalq Miqrasiya Təşkilatının Azərbaycandakı Nümayəndəliyi',
			ru: 'Представительство МОМ в Азербайджане'
		},
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
	},
	// [004] "the first platform of EU Eastern partnership called 'Democracy, good governance and stability'".
	{
		key: 'eastern-partnership',
		name: 'Eastern Partnership',
		kind: 'international_organization',
		parent: 'eu',
		notes: 'The EU\'s Eastern Partnership, kept under the EU: the source calls it "EU Eastern partnership".'
	},
	{
		key: 'eap-platform-1',
		name: 'Eastern Partnership Platform 1 "Democracy, good governance and stability"',
		kind: 'international_organization',
		parent: 'eastern-partnership',
		notes: 'The first platform of the Eastern Partnership; the State Migration Service is represented in it.'
	},
	// [004] the three consultative processes. The directory has no kind for a process of states, so they
	// are kept with the international organisations; the source gives none of them a seat.
	{
		key: 'almaty-process',
		name: 'Almaty Process',
		kind: 'international_organization',
		notes:
			'A consultative process of states, not an organisation: "a consultative process on international ' +
			'migration and protection of refugees".'
	},
	{
		key: 'prague-process',
		name: 'Prague Process',
		kind: 'international_organization',
		notes:
			'A process of states, not an organisation, "started in order to trigger cooperation among EU ' +
			'countries, Schengen countries, Eastern Partnership and Western Balkan states, Central Asian ' +
			'countries, Russia and Turkey in migration sphere".'
	},
	{
		key: 'budapest-process',
		name: 'Budapest Process',
		kind: 'international_organization',
		notes:
			'A process of states, not an organisation, "including in itself more than 50 governments and 10 ' +
			'international organizations, acting in direction of establishing system of constant regulation of ' +
			'migration".'
	},
	// [004] bilateral partners: "the Republic of Turkey, Russian Federation, and the Kingdom of Netherlands".
	// Each country is the partner at the top of its chain; the seed names no Turkish or Russian
	// authority singly.
	{
		key: 'turkey',
		name: 'Republic of Turkey',
		kind: 'government_body',
		countryCode: 'TR',
		city: 'Ankara',
		notes:
			'A bilateral partner of the State Migration Service. Heads of its relevant authorities (the source ' +
			'names none) met the head of the Service.'
	},
	// [004] "ambassadors of the Republic of Turkey in the Republic of Azerbaijan".
	{
		key: 'turkey-embassy',
		name: 'Embassy of the Republic of Turkey in the Republic of Azerbaijan',
		kind: 'diplomatic_mission',
		countryCode: 'TR',
		parent: 'turkey',
		city: 'Baku'
	},
	{
		key: 'russia',
		name: 'Russian Federation',
		kind: 'government_body',
		countryCode: 'RU',
		city: 'Moscow',
		notes:
			'A bilateral partner of the State Migration Service since the Service was established, through its ' +
			'state authorities (the source names none).'
	},
	{
		key: 'netherlands',
		name: 'Kingdom of the Netherlands',
		kind: 'government_body',
		countryCode: 'NL',
		city: 'The Hague',
		notes: 'A bilateral partner of the State Migration Service.'
	},
	// [004] "Immigration and Naturalization Service under Ministry of Justice, also the Repatriation and
	// Departure Service of Kingdom of the Netherlands".
	{
		key: 'netherlands-justice',
		name: 'Ministry of Justice of the Kingdom of the Netherlands',
		kind: 'government_body',
		countryCode: 'NL',
		parent: 'netherlands',
		city: 'The Hague'
	},
	{
		key: 'netherlands-immigration',
		name: 'Immigration and Naturalization Service',
		kind: 'government_body',
		countryCode: 'NL',
		parent: 'netherlands-justice',
		// The British spelling too, so that a search in either finds it.
		notes: 'The Immigration and Naturalisation Service under the Ministry of Justice of the Netherlands.'
	},
	// The seed ties the ministry to the first; the second is an agency of the same ministry.
	{
		key: 'netherlands-repatriation',
		name: 'Repatriation and Departure Service',
		kind: 'government_body',
		countryCode: 'NL',
		parent: 'netherlands-justice'
	},
	// [004] "Ambassadors Extraordinary and Plenipotentiary of the Kingdom of Netherlands in the Republic of
	// Azerbaijan".
	{
		key: 'netherlands-embassy',
		name: 'Embassy of the Kingdom of the Netherlands in the Republic of Azerbaijan',
		kind: 'diplomatic_mission',
		countryCode: 'NL',
		parent: 'netherlands',
		city: 'Baku'
	}
] as const satisfies readonly DemoOrganization[];

export type OrganizationKey = (typeof organizations)[number]['key'];
