/**
 * People of the demo data set. The seed each comes from is given in brackets (see types.ts). The seeds
 * give no e-mail addresses or telephone numbers for people, so none are entered. Positions are the
 * current ones; what each person was called at a given event is kept on that event's participant.
 *
 * The seeds show two successions: Firudin Nabiyev, then Vusal Huseynov, Chief of the State Migration
 * Service; William Lacy Swing, then António Vitorino, Director General of IOM. They give no date on which
 * any of the four took up or left the post, so those dates are left empty (not known) and each post's
 * notes say what the seeds do show: the events at which he held it.
 */
import type { DemoPerson } from './types';

export const people = [
	// [000] signatory of letter No 09/1502; [001], [002], [003].
	{
		key: 'huseynov',
		honorific: 'Mr',
		givenName: 'Vusal',
		familyName: 'Huseynov',
		nativeName: 'Vüsal Hüseynov',
		rank: 'II rank state migration service counselor',
		position: 'Chief of the State Migration Service',
		organization: 'sms',
		headsOrganization: true,
		positions: [
			{
				position: 'Chief of the State Migration Service',
				positionVersions: {
					original: 'en',
					// The letterhead [000] names the Service "Dövlət Miqrasiya Xidməti"; the post in its words.
					az: 'Dövlət Miqrasiya Xidmətinin rəisi',
					ru: 'Начальник Государственной миграционной службы'
				},
				organization: 'sms',
				rank: 'II rank state migration service counselor',
				notes:
					'Successor of Firudin Nabiyev. Date of appointment not known: the seeds show him Chief from ' +
					'2 September 2021 (letter No 09/1502) [000] to 30 June 2022 (the IMRF debrief) [003].'
			}
		]
	},
	// [004] Chief of the SMS at the 2016–2017 events.
	{
		key: 'nabiyev',
		honorific: 'Mr',
		givenName: 'Firudin',
		familyName: 'Nabiyev',
		nativeName: 'Firudin Nəbiyev',
		position: 'Former Chief of the State Migration Service',
		positionVersions: {
			original: 'en',
			az: 'Dövlət Miqrasiya Xidmətinin sabiq rəisi',
			ru: 'Бывший начальник Государственной миграционной службы'
		},
		organization: null,
		notes: 'Chief of the State Migration Service at the 2016–2017 events recorded here.',
		positions: [
			{
				position: 'Chief of the State Migration Service',
				positionVersions: {
					original: 'en',
					// The letterhead [000] names the Service "Dövlət Miqrasiya Xidməti"; the post in its words.
					az: 'Dövlət Miqrasiya Xidmətinin rəisi',
					ru: 'Начальник Государственной миграционной службы'
				},
				organization: 'sms',
				notes:
					'Dates of office not known: the seeds show him Chief from September 2016 to April 2017 ' +
					'(the UN summit, the 107th IOM Council session, the International Dialogue on Migration) [004]. ' +
					'Vusal Huseynov succeeded him; when is not known.'
			}
		]
	},
	// [000] addressee of letter No 09/1502; [002] video message. The seeds spell him both António and Antonio.
	{
		key: 'vitorino',
		honorific: 'H.E. Mr',
		givenName: 'António',
		familyName: 'Vitorino',
		position: 'Director General of the International Organization for Migration',
		organization: 'iom',
		headsOrganization: true,
		positions: [
			{
				position: 'Director General of the International Organization for Migration',
				positionVersions: {
					original: 'en',
					az: 'Beynəlxalq Miqrasiya Təşkilatının Baş direktoru',
					ru: 'Генеральный директор Международной организации по миграции'
				},
				organization: 'iom',
				notes:
					'Successor of William Lacy Swing. Date of taking office not known: the seeds show him ' +
					'Director General on 2 September 2021 (letter No 09/1502) [000] and 18 December 2021 [002].'
			}
		]
	},
	// [004] Director General of IOM at the 2016–2017 events.
	{
		key: 'swing',
		honorific: 'Mr',
		givenName: 'William Lacy',
		familyName: 'Swing',
		position: 'Former Director General of the International Organization for Migration',
		positionVersions: {
			original: 'en',
			az: 'Beynəlxalq Miqrasiya Təşkilatının sabiq Baş direktoru',
			ru: 'Бывший Генеральный директор Международной организации по миграции'
		},
		organization: null,
		notes: 'Director General of IOM at the 2016–2017 events recorded here.',
		positions: [
			{
				position: 'Director General of the International Organization for Migration',
				positionVersions: {
					original: 'en',
					az: 'Beynəlxalq Miqrasiya Təşkilatının Baş direktoru',
					ru: 'Генеральный директор Международной организации по миграции'
				},
				organization: 'iom',
				notes:
					'Dates of office not known: the seeds show him Director General at the 2016–2017 events, and ' +
					'his official visit to Azerbaijan (date not known) [004]. António Vitorino succeeded him; ' +
					'when is not known.'
			}
		]
	},
	// [001].
	{
		key: 'profazi',
		honorific: 'Mr',
		givenName: 'Manfred',
		familyName: 'Profazi',
		position:
			'Regional Director, IOM Regional Office for South-Eastern Europe, Eastern Europe and Central Asia',
		organization: 'iom-ro-vienna',
		headsOrganization: true
	},
	// [002].
	{
		key: 'aliyeva',
		honorific: 'Ms',
		givenName: 'Sabina',
		familyName: 'Aliyeva',
		nativeName: 'Səbinə Əliyeva',
		position: 'Commissioner for Human Rights (Ombudsman) of the Republic of Azerbaijan',
		organization: 'ombudsman',
		headsOrganization: true
	},
	// [002] "Head of the Representation of the IOM in the Republic of Azerbaijan"; [003] "Chief of IOM Mission to Azerbaijan".
	{
		key: 'gjorgjiev',
		honorific: 'Mr',
		givenName: 'Vladimir',
		familyName: 'Gjorgjiev',
		nativeName: 'Владимир Ѓорѓиев',
		position: 'Chief of Mission, IOM Azerbaijan',
		organization: 'iom-azerbaijan',
		headsOrganization: true
	},
	// [002], [003].
	{
		key: 'andreeva',
		honorific: 'Ms',
		givenName: 'Vladanka',
		familyName: 'Andreeva',
		nativeName: 'Владанка Андреева',
		position: 'United Nations Resident Coordinator in the Republic of Azerbaijan',
		organization: 'un-rco-azerbaijan'
	},
	// [002] "Head of the UN Migration Network Secretariat".
	{
		key: 'prentice',
		honorific: 'Mr',
		givenName: 'Jonathan',
		familyName: 'Prentice',
		position: 'Head of the UN Network on Migration Secretariat',
		organization: 'unnm-secretariat',
		headsOrganization: true
	},
	// [002].
	{
		key: 'pinjo',
		honorific: 'Ms',
		givenName: 'Yasmina',
		familyName: 'Pinjo',
		position: 'International expert',
		organization: null,
		notes: 'Prepared the Migration Profile of the Republic of Azerbaijan with the support of IOM.'
	},
	// [003] "Chairman of the Public Council under SMS".
	{
		key: 'allahveranov',
		honorific: 'Mr',
		givenName: 'Azer',
		familyName: 'Allahveranov',
		nativeName: 'Azər Allahverənov',
		position: 'Chairman of the Public Council under the State Migration Service',
		organization: 'sms-public-council',
		headsOrganization: true
	},
	// [004] "his meeting with President of the Republic of Azerbaijan Mr. Ilham Aliyev"; [002] "the Supreme
	// Commander-in-Chief, Mr. Ilham Aliyev". Head of state, so under no organisation of the directory.
	{
		key: 'ilham-aliyev',
		honorific: 'Mr',
		givenName: 'Ilham',
		familyName: 'Aliyev',
		nativeName: 'İlham Əliyev',
		position: 'President of the Republic of Azerbaijan',
		organization: null,
		notes: 'Also named the Supreme Commander-in-Chief [002].'
	}
] as const satisfies readonly DemoPerson[];

export type PersonKey = (typeof people)[number]['key'];
