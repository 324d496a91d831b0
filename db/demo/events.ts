/**
 * Events of the demo data set, oldest first, with their hosts, delegations, participants and agenda.
 * Sources in brackets (see types.ts): [001] meeting with IOM's Regional Director, [002] International
 * Migrants Day 2021, [003] post-IMRF debrief, [004] the SMS's international cooperation page (2010–2017
 * events). A session of several days whose dates alone a seed gives is all-day (as recorded, nothing
 * assumed). Where a seed gives no time of day the times are assumed (timing 'time_assumed'); where it gives
 * no date the date is assumed too ('date_assumed'); each description says what was assumed. The meetings
 * [004] reports without any date (with the bilateral partners, William Lacy Swing's official visit) are
 * entered in the first months of 2017, the time of the latest events it dates.
 */
import type { OrganizationKey } from './organizations';
import type { DemoEvent, LocalDateTime } from './types';

const SMS_CHIEF = 'Chief of the State Migration Service';
const HUSEYNOV_RANK = 'II rank state migration service counselor';
const IOM_DG = 'Director General of the International Organization for Migration';
const PRESIDENT = 'President of the Republic of Azerbaijan';
/** William Lacy Swing at the head of IOM's side: at the 2016 signing and on his official visit [004]. */
const SWING_HEADING_IOM = {
	person: 'swing',
	role: 'head_of_delegation',
	delegation: 'International Organization for Migration',
	positionAtEvent: IOM_DG,
	organization: 'iom'
} as const;
const DATE_NOT_KNOWN = 'The source gives no date; the date shown is assumed, and so is the time of day.';

/**
 * One record for the meetings [004] reports with a bilateral partner, which it neither dates nor places nor
 * counts: the Service and the partner's side, both as hosts since the source does not say who received
 * whom, on an assumed day, in Baku time, without a venue.
 */
function meetingsWithPartner<const Key extends string>(meetings: {
	key: Key;
	kind: 'bilateral_meeting' | 'working_visit';
	title: string;
	/** What the source says of them. */
	said: string;
	start: LocalDateTime;
	end: LocalDateTime;
	sides: readonly { organization: OrganizationKey; delegation: string }[];
}) {
	return {
		key: meetings.key,
		kind: meetings.kind,
		title: meetings.title,
		description:
			`${meetings.said} ${DATE_NOT_KNOWN} ` +
			'Nor does it say where, so no venue is entered (times are in Baku time). Both sides are entered as ' +
			'hosts: the source does not say who received whom.',
		start: meetings.start,
		end: meetings.end,
		timeZone: 'Asia/Baku',
		timing: 'date_assumed',
		venue: null,
		status: 'held',
		isPublic: 1,
		hosts: [
			{ organization: 'sms', role: 'host' },
			...meetings.sides.map((side) => ({ organization: side.organization, role: 'host' as const }))
		],
		delegations: [
			{ name: 'State Migration Service', organization: 'sms' },
			...meetings.sides.map((side) => ({ name: side.delegation, organization: side.organization }))
		]
	} as const satisfies DemoEvent;
}

export const events = [
	// [004] "Two meetings - 8th and 19th meetings of the Council were held in Baku on 30.09.2010 and 12.10.2016".
	{
		key: 'chmb-8-2010',
		kind: 'council_session',
		title: '8th Meeting of the CIS Council of Heads of Migration Bodies',
		description:
			'The 8th meeting of the Council of Heads of Migration Bodies (CHMB) of the Commonwealth of ' +
			'Independent States, held in Baku. The State Migration Service represents Azerbaijan in the Council. ' +
			'The source gives the date only: the times of day and the venue are not stated.',
		start: '2010-09-30T10:00',
		end: '2010-09-30T17:00',
		timeZone: 'Asia/Baku',
		timing: 'time_assumed',
		venue: 'baku',
		status: 'held',
		series: 'cis-chmb',
		isPublic: 1,
		hosts: [{ organization: 'cis-chmb', role: 'host' }]
	},
	// [004] "participation of Mr. Firudin Nabiyev at the high-level Summit of UN General Assembly …".
	{
		key: 'unga-summit-2016',
		kind: 'multilateral_meeting',
		title:
			'High-level summit of the UN General Assembly on "Addressing large movements of refugees and migrants"',
		theme: 'Addressing large movements of refugees and migrants',
		description:
			'The Chief of the State Migration Service, Mr Firudin Nabiyev, took part and spoke at the plenary ' +
			'meeting and at round tables. Dates as the source gives them (18–19 September 2016, New York); ' +
			'the venue is not stated in it.',
		start: '2016-09-18T00:00',
		end: '2016-09-20T00:00',
		allDay: true,
		timeZone: 'America/New_York',
		timing: 'exact',
		venue: 'un-hq',
		status: 'held',
		isPublic: 1,
		hosts: [{ organization: 'un', role: 'host' }],
		participants: [{ person: 'nabiyev', role: 'speaker', positionAtEvent: SMS_CHIEF, organization: 'sms' }],
		agenda: [
			{ kind: 'speech', title: 'Plenary meeting', roles: [{ person: 'nabiyev', role: 'speaker' }] },
			{ kind: 'panel', title: 'Round tables', roles: [{ person: 'nabiyev', role: 'speaker' }] }
		]
	},
	// [004] 19th meeting of the CIS CHMB, Baku, 12.10.2016.
	{
		key: 'chmb-19-2016',
		kind: 'council_session',
		title: '19th Meeting of the CIS Council of Heads of Migration Bodies',
		description:
			'The 19th meeting of the Council of Heads of Migration Bodies (CHMB) of the Commonwealth of ' +
			'Independent States, held in Baku. The State Migration Service represents Azerbaijan in the Council. ' +
			'The source gives the date only: the times of day and the venue are not stated.',
		start: '2016-10-12T10:00',
		end: '2016-10-12T17:00',
		timeZone: 'Asia/Baku',
		timing: 'time_assumed',
		venue: 'baku',
		status: 'held',
		series: 'cis-chmb',
		isPublic: 1,
		hosts: [{ organization: 'cis-chmb', role: 'host' }]
	},
	// [004] "107th Session of IOM Council held December 5-8, 2016 in Geneva".
	{
		key: 'iom-council-107',
		kind: 'council_session',
		title: '107th Session of the IOM Council',
		description:
			'The Chief of the State Migration Service, Mr Firudin Nabiyev, took part in the session. ' +
			'The source gives the dates (5–8 December 2016) and the city only: the venue is assumed.',
		start: '2016-12-05T00:00',
		end: '2016-12-09T00:00',
		allDay: true,
		timeZone: 'Europe/Zurich',
		timing: 'exact',
		venue: 'geneva',
		status: 'held',
		series: 'iom-council',
		isPublic: 1,
		hosts: [{ organization: 'iom', role: 'host' }],
		delegations: [{ name: 'Azerbaijan', organization: 'az-government' }],
		participants: [
			{
				person: 'nabiyev',
				role: 'head_of_delegation',
				delegation: 'Azerbaijan',
				positionAtEvent: SMS_CHIEF,
				organization: 'sms'
			}
		]
	},
	// [004] the SMS–IOM Cooperation Agreement "was signed on December 8, 2016 in Geneva".
	{
		key: 'sms-iom-signing-2016',
		kind: 'signing_ceremony',
		title: 'Signing of the Cooperation Agreement between the State Migration Service and IOM',
		description:
			'Signing of the Cooperation Agreement between the State Migration Service of the Republic of ' +
			'Azerbaijan and the International Organization for Migration on the Pilot Project on Assistance for ' +
			'the Voluntary Return of Migrants from Azerbaijan, in Geneva during the 107th Session of the IOM ' +
			'Council. The source gives the date and city only; the time of day is assumed, and it does not name ' +
			'the signatories: the Chief of the Service and the Director General of IOM are recorded as presumed.',
		start: '2016-12-08T15:00',
		end: '2016-12-08T15:30',
		timeZone: 'Europe/Zurich',
		timing: 'time_assumed',
		venue: 'geneva',
		status: 'held',
		isPublic: 1,
		hosts: [
			{ organization: 'sms', role: 'host' },
			{ organization: 'iom', role: 'host' }
		],
		delegations: [
			{ name: 'State Migration Service', organization: 'sms' },
			{ name: 'International Organization for Migration', organization: 'iom' }
		],
		participants: [
			{
				person: 'nabiyev',
				role: 'head_of_delegation',
				delegation: 'State Migration Service',
				positionAtEvent: SMS_CHIEF,
				organization: 'sms'
			},
			SWING_HEADING_IOM
		],
		agenda: [
			{
				kind: 'signing',
				title: 'Signing of the Cooperation Agreement',
				start: '2016-12-08T15:00',
				end: '2016-12-08T15:30'
			}
		]
	},
	// [004] "An official visit of William Lacy Swing, Director General of IOM, to our country at the invitation
	// of Azerbaijani government and his meeting with President of the Republic of Azerbaijan Mr. Ilham Aliyev".
	{
		key: 'swing-official-visit',
		kind: 'official_visit',
		title: 'Official visit of the Director General of IOM, Mr William Lacy Swing, to Azerbaijan',
		description:
			'Official visit of Mr William Lacy Swing, Director General of the International Organization for ' +
			'Migration, to the Republic of Azerbaijan at the invitation of the Government of Azerbaijan, during ' +
			'which he met the President of the Republic of Azerbaijan, Mr Ilham Aliyev. The source calls the ' +
			'visit a reflection of the importance the state gives to IOM, as an outcome of productive ' +
			'cooperation. The source gives no date; the date shown is assumed, and so are its length (one day) ' +
			'and the times of day. Nor does it say where in Azerbaijan, so no venue is entered.',
		start: '2017-01-16T09:00',
		end: '2017-01-16T18:00',
		timeZone: 'Asia/Baku',
		timing: 'date_assumed',
		venue: null,
		status: 'held',
		isPublic: 1,
		hosts: [{ organization: 'az-government', role: 'host' }],
		delegations: [{ name: 'International Organization for Migration', organization: 'iom' }],
		participants: [SWING_HEADING_IOM]
	},
	// [004] the meeting with the President during the visit above.
	{
		key: 'swing-aliyev-meeting',
		kind: 'bilateral_meeting',
		title:
			'Meeting of the President of the Republic of Azerbaijan, Mr Ilham Aliyev, with the Director General ' +
			'of IOM, Mr William Lacy Swing',
		description:
			'The President of the Republic of Azerbaijan, Mr Ilham Aliyev, met Mr William Lacy Swing, Director ' +
			'General of the International Organization for Migration, during his official visit to Azerbaijan at ' +
			'the invitation of the Government. The source says nothing of what was discussed. ' +
			DATE_NOT_KNOWN +
			' Nor does it say where, so no venue is entered (times are in Baku time).',
		start: '2017-01-16T11:00',
		end: '2017-01-16T12:00',
		timeZone: 'Asia/Baku',
		timing: 'date_assumed',
		venue: null,
		status: 'held',
		isPublic: 1,
		hosts: [{ organization: 'az-government', role: 'host' }],
		delegations: [
			{ name: 'Republic of Azerbaijan', organization: 'az-government' },
			{ name: 'International Organization for Migration', organization: 'iom' }
		],
		participants: [
			{
				person: 'ilham-aliyev',
				role: 'host',
				delegation: 'Republic of Azerbaijan',
				positionAtEvent: PRESIDENT,
				organization: null
			},
			SWING_HEADING_IOM
		]
	},
	// [004] "Heads of relevant authorities of the Republic of Turkey, as well as, ambassadors of the Republic of
	// Turkey in the Republic of Azerbaijan met with the head of Service and discussed cooperation perspectives."
	meetingsWithPartner({
		key: 'turkey-authorities-meeting',
		kind: 'bilateral_meeting',
		title:
			'Meetings of the Chief of the State Migration Service with heads of authorities of the Republic of Turkey',
		said:
			'Heads of relevant authorities of the Republic of Turkey met the head of the State Migration Service ' +
			'and discussed cooperation perspectives. The source reports such meetings without naming the ' +
			'authorities or the people, or saying how many there were; this record stands for them.',
		start: '2017-02-07T10:00',
		end: '2017-02-07T11:00',
		sides: [{ organization: 'turkey', delegation: 'Republic of Turkey' }]
	}),
	meetingsWithPartner({
		key: 'turkey-ambassador-meeting',
		kind: 'bilateral_meeting',
		title:
			'Meetings of the Chief of the State Migration Service with Ambassadors of the Republic of Turkey in ' +
			'the Republic of Azerbaijan',
		said:
			'Ambassadors of the Republic of Turkey in the Republic of Azerbaijan met the head of the State ' +
			'Migration Service and discussed cooperation perspectives. The source reports such meetings without ' +
			'naming the ambassadors or saying how many there were; this record stands for them.',
		start: '2017-02-14T10:00',
		end: '2017-02-14T11:00',
		sides: [{ organization: 'turkey-embassy', delegation: 'Embassy of the Republic of Turkey' }]
	}),
	// [004] "Between the authorities mutual working visits and meetings were arranged either in managerial and
	// working level, exchange of practices in migration sphere was held …".
	meetingsWithPartner({
		key: 'russia-working-visit',
		kind: 'working_visit',
		title:
			'Working visits and meetings between the State Migration Service and state authorities of the Russian ' +
			'Federation',
		said:
			'Mutual working visits and meetings of the State Migration Service and state authorities of the ' +
			'Russian Federation, at managerial and working level, with an exchange of practice in the migration ' +
			'sphere; ties were also established within the cooperation platforms realized. The source reports ' +
			'them as held since the Service was established, without naming the authorities or the people, or ' +
			'saying how many there were; this record stands for them.',
		start: '2017-02-21T10:00',
		end: '2017-02-21T17:00',
		sides: [{ organization: 'russia', delegation: 'Russian Federation' }]
	}),
	// [004] "Constantly meetings of the head of the Service with heads of abovementioned authorities and
	// Ambassadors Extraordinary and Plenipotentiary of the Kingdom of Netherlands in the Republic of Azerbaijan
	// were held and issues of mutual interests were discussed."
	meetingsWithPartner({
		key: 'netherlands-authorities-meeting',
		kind: 'bilateral_meeting',
		title:
			'Meetings of the Chief of the State Migration Service with the heads of the Immigration and ' +
			'Naturalization Service and the Repatriation and Departure Service of the Netherlands',
		said:
			'The head of the State Migration Service met the heads of the Immigration and Naturalization Service ' +
			'under the Ministry of Justice and of the Repatriation and Departure Service of the Kingdom of the ' +
			'Netherlands, and issues of mutual interest were discussed. The source says such meetings were held ' +
			'constantly, without naming the people or saying how many there were; this record stands for them.',
		start: '2017-03-01T10:00',
		end: '2017-03-01T11:00',
		sides: [
			{ organization: 'netherlands-immigration', delegation: 'Immigration and Naturalization Service' },
			{ organization: 'netherlands-repatriation', delegation: 'Repatriation and Departure Service' }
		]
	}),
	meetingsWithPartner({
		key: 'netherlands-ambassador-meeting',
		kind: 'bilateral_meeting',
		title:
			'Meetings of the Chief of the State Migration Service with Ambassadors Extraordinary and ' +
			'Plenipotentiary of the Kingdom of the Netherlands in the Republic of Azerbaijan',
		said:
			'The head of the State Migration Service met Ambassadors Extraordinary and Plenipotentiary of the ' +
			'Kingdom of the Netherlands in the Republic of Azerbaijan, and issues of mutual interest were ' +
			'discussed. The source says such meetings were held constantly, without naming the ambassadors or ' +
			'saying how many there were; this record stands for them.',
		start: '2017-03-07T10:00',
		end: '2017-03-07T11:00',
		sides: [{ organization: 'netherlands-embassy', delegation: 'Embassy of the Kingdom of the Netherlands' }]
	}),
	// [004] event "held on April 18-19, 2017 in New York in the framework of the IOM's International Dialogue on Migration".
	{
		key: 'idm-2017',
		kind: 'forum',
		title:
			'Strengthening international cooperation on and governance of migration towards the adoption of a ' +
			'global compact for safe, orderly and regular migration in 2018',
		description:
			"Held in the framework of IOM's International Dialogue on Migration. The Chief of the State Migration " +
			'Service, Mr Firudin Nabiyev, took part at the invitation of the Director General of IOM, Mr William ' +
			'Lacy Swing. The source gives the dates (18–19 April 2017) and the city only: the venue is assumed.',
		start: '2017-04-18T00:00',
		end: '2017-04-20T00:00',
		allDay: true,
		timeZone: 'America/New_York',
		timing: 'exact',
		venue: 'un-hq',
		status: 'held',
		series: 'iom-idm',
		isPublic: 1,
		hosts: [{ organization: 'iom', role: 'host' }],
		participants: [
			{
				person: 'nabiyev',
				role: 'guest',
				positionAtEvent: SMS_CHIEF,
				organization: 'sms',
				notes: 'At the invitation of the Director General of IOM, Mr William Lacy Swing.'
			}
		]
	},
	// [002] the whole event; [000] the "Champion countries" initiative Prentice spoke on.
	{
		key: 'imd-2021',
		kind: 'observance',
		title: 'International Migrants Day 2021',
		titleVersions: {
			original: 'en',
			az: 'Beynəlxalq Miqrantlar Günü 2021',
			ru: 'Международный день мигрантов 2021'
		},
		theme: 'Harnessing the potential of human mobility',
		description:
			'Event dedicated to 18 December, International Migrants Day, held at the State Migration Service and ' +
			'organized jointly with the International Organization for Migration, on the eve of the 70th ' +
			'anniversary of IOM. Opening speeches, a video message of the Director General of IOM, a speech on ' +
			'the "Champion Countries" initiative and the presentation of the Migration Profile of the Republic ' +
			'of Azerbaijan prepared with the support of IOM. Date assumed: the source says only that the event ' +
			'was dedicated to 18 December (a Saturday in 2021), so it is entered on the working day before, ' +
			'Friday 17 December 2021; the times of day are assumed too. The order of the programme is as the ' +
			'source reports it.',
		start: '2021-12-17T10:00',
		end: '2021-12-17T12:30',
		timeZone: 'Asia/Baku',
		timing: 'date_assumed',
		venue: 'sms-hq',
		status: 'held',
		series: 'imd',
		isPublic: 1,
		hosts: [
			{ organization: 'sms', role: 'host' },
			{ organization: 'iom-azerbaijan', role: 'co_host' }
		],
		participants: [
			{
				person: 'huseynov',
				role: 'host',
				positionAtEvent: SMS_CHIEF,
				rankAtEvent: HUSEYNOV_RANK,
				organization: 'sms'
			},
			{
				person: 'aliyeva',
				role: 'speaker',
				positionAtEvent: 'Commissioner for Human Rights (Ombudsman) of the Republic of Azerbaijan',
				organization: 'ombudsman'
			},
			{
				person: 'gjorgjiev',
				role: 'speaker',
				positionAtEvent: 'Head of the Representation of IOM in the Republic of Azerbaijan',
				organization: 'iom-azerbaijan'
			},
			{
				person: 'andreeva',
				role: 'speaker',
				positionAtEvent: 'United Nations Resident Coordinator in the Republic of Azerbaijan',
				organization: 'un-rco-azerbaijan'
			},
			{
				person: 'vitorino',
				role: 'speaker',
				positionAtEvent: IOM_DG,
				organization: 'iom',
				notes: 'Took part by a recorded video message, shown at the event.'
			},
			{
				person: 'prentice',
				role: 'speaker',
				positionAtEvent: 'Head of the UN Network on Migration Secretariat',
				organization: 'unnm-secretariat'
			},
			{
				person: 'pinjo',
				role: 'speaker',
				positionAtEvent: 'International expert',
				organization: null
			}
		],
		// The seeds give the agenda in English only; the Azerbaijani and Russian versions of some titles are
		// the office's, so that the programme prints side by side (issue 18 §2); the others fall back visibly.
		agenda: [
			{
				kind: 'opening_remarks',
				title: 'Welcoming address',
				titleVersions: { original: 'en', az: 'Salamlama nitqi', ru: 'Приветственное слово' },
				start: '2021-12-17T10:00',
				end: '2021-12-17T10:15',
				roles: [{ person: 'huseynov', role: 'speaker' }],
				notes: [
					'The aims of the Day: to raise public awareness of issues of public concern related to migration, ' +
						'mobilize political will and resources to solve problems, and celebrate and strengthen the ' +
						'achievements of mankind in managing migration and protecting the rights and freedoms of migrants.',
					'This year\'s Day, on the eve of the 70th anniversary of IOM, is held under the slogan "Harnessing ' +
						'the potential of human mobility"; the growing importance of migration is ever more clearly ' +
						'reflected in international processes.',
					"During the pandemic the country's migration policy was built on maximum convenience for persons, " +
						'fewer administrative procedures, digitalization, and the protection of the rights of migrants ' +
						'and their families.',
					'Azerbaijan, one of the first countries in the region to join the Global Compact for Safe, Orderly ' +
						'and Regular Migration and the "Champion Countries" initiative launched under the auspices of the ' +
						'UN Network on Migration, will create positive values in this regard.',
					'The Regional Training Center on Migration in Azerbaijan will strengthen and expand regional ' +
						'partnerships.',
					'The liberation of the lands of Azerbaijan from occupation affects migration processes in the ' +
						'country and the region and will require a new framework for cooperation with IOM and other ' +
						'specialized UN organizations.',
					'He called on all partners to strengthen joint cooperation so that the mobility of persons is ' +
						'legal, safe and within the norms of international law.'
				].join('\n')
			},
			{
				kind: 'speech',
				title: 'Opening speech',
				start: '2021-12-17T10:15',
				end: '2021-12-17T10:25',
				roles: [{ person: 'aliyeva', role: 'speaker' }]
			},
			{
				kind: 'speech',
				title: 'Opening speech',
				start: '2021-12-17T10:25',
				end: '2021-12-17T10:35',
				roles: [{ person: 'gjorgjiev', role: 'speaker' }]
			},
			{
				kind: 'speech',
				title: 'Opening speech',
				start: '2021-12-17T10:35',
				end: '2021-12-17T10:45',
				roles: [{ person: 'andreeva', role: 'speaker' }]
			},
			{
				kind: 'video_message',
				title: 'Video message on International Migrants Day',
				titleVersions: {
					original: 'en',
					az: 'Beynəlxalq Miqrantlar Günü münasibətilə videomüraciət',
					ru: 'Видеообращение по случаю Международного дня мигрантов'
				},
				start: '2021-12-17T10:45',
				end: '2021-12-17T10:55',
				roles: [{ person: 'vitorino', role: 'video_message' }]
			},
			{
				kind: 'speech',
				title:
					'The "Champion Countries" initiative and the implementation of the Global Compact for Safe, ' +
					'Orderly and Regular Migration',
				start: '2021-12-17T10:55',
				end: '2021-12-17T11:25',
				roles: [{ person: 'prentice', role: 'speaker' }]
			},
			{
				kind: 'presentation',
				title: 'Migration Profile of the Republic of Azerbaijan',
				titleVersions: {
					original: 'en',
					az: 'Azərbaycan Respublikasının Miqrasiya Profili',
					ru: 'Миграционный профиль Азербайджанской Республики'
				},
				start: '2021-12-17T11:25',
				end: '2021-12-17T12:30',
				roles: [{ person: 'pinjo', role: 'presenter' }],
				notes: 'The Migration Profile of the Republic of Azerbaijan, prepared with the support of IOM.'
			}
		]
	},
	// [001] the whole meeting.
	{
		key: 'sms-iom-rd-meeting-2021',
		kind: 'bilateral_meeting',
		title: 'Meeting of the Chief of the State Migration Service with the Regional Director of IOM',
		description:
			'The Chief of the State Migration Service, Mr Vusal Huseynov, met Mr Manfred Profazi, Regional ' +
			'Director of the IOM Regional Office for South-Eastern Europe, Eastern Europe and Central Asia. ' +
			'The Chief of the Service stressed the value of the two joint international projects and of the ' +
			'Regional Training Center on Migration, the need to enhance bilateral collaboration for implementing ' +
			"the GCM, and IOM's support in updating Azerbaijan's National Migration Profile (covering 2013–2020 " +
			'and the first ten months of 2021); satisfaction was expressed with the joint activities in the ' +
			'Migration Governance Indicators process. Mr Profazi called the SMS one of the key strategic partners ' +
			'of IOM and said that Azerbaijan has shown an exemplary role in implementing and promoting the GCM. ' +
			'Date assumed: the source gives none, but says the Migration Profile (presented on International ' +
			'Migrants Day 2021) "was published a few days ago", so the meeting is entered on Tuesday ' +
			'21 December 2021; the time of day and the venue (SMS headquarters) are assumed too.',
		start: '2021-12-21T11:00',
		end: '2021-12-21T12:00',
		timeZone: 'Asia/Baku',
		timing: 'date_assumed',
		venue: 'sms-hq',
		status: 'held',
		isPublic: 1,
		hosts: [{ organization: 'sms', role: 'host' }],
		delegations: [
			{ name: 'State Migration Service', organization: 'sms' },
			{ name: 'International Organization for Migration', organization: 'iom-ro-vienna' }
		],
		participants: [
			{
				person: 'huseynov',
				role: 'head_of_delegation',
				delegation: 'State Migration Service',
				positionAtEvent: SMS_CHIEF,
				rankAtEvent: HUSEYNOV_RANK,
				organization: 'sms'
			},
			{
				person: 'profazi',
				role: 'head_of_delegation',
				delegation: 'International Organization for Migration',
				positionAtEvent:
					'Regional Director, IOM Regional Office for South-Eastern Europe, Eastern Europe and Central Asia',
				organization: 'iom-ro-vienna'
			}
		],
		agenda: [
			{
				kind: 'opening_remarks',
				title: 'Opening remarks',
				titleVersions: { original: 'en', az: 'Açılış sözü', ru: 'Вступительное слово' },
				start: '2021-12-21T11:00',
				end: '2021-12-21T11:15',
				roles: [{ person: 'huseynov', role: 'speaker' }],
				notes:
					'The State Migration Service collaborates closely with IOM, one of its key partners in the ' +
					'migration field, in various directions of migration management; two international projects ' +
					'continue successfully; the Regional Training Center on Migration is an example of fruitful ' +
					'cooperation.'
			},
			{
				kind: 'exchange_of_views',
				title: 'Exchange of views on cooperation and other issues of mutual interest',
				titleVersions: {
					original: 'en',
					az: 'Əməkdaşlıq və qarşılıqlı maraq doğuran digər məsələlər üzrə fikir mübadiləsi',
					ru: 'Обмен мнениями о сотрудничестве и других вопросах, представляющих взаимный интерес'
				},
				start: '2021-12-21T11:15',
				end: '2021-12-21T12:00',
				roles: [
					{ person: 'huseynov', role: 'speaker' },
					{ person: 'profazi', role: 'speaker' }
				],
				notes:
					'Mr Profazi: the existing relationships are developing successfully, the SMS is one of the ' +
					"organization's key strategic partners, and joint projects play a significant role in expanding " +
					'cooperation in the field of migration.'
			}
		]
	},
	// [003] "participated in the Forum as one of the 33 'Champion Country'"; dates not in the seeds.
	{
		key: 'imrf-2022',
		kind: 'forum',
		title: 'International Migration Review Forum 2022',
		theme: 'Review of the implementation of the Global Compact for Safe, Orderly and Regular Migration',
		description:
			'The first International Migration Review Forum (IMRF), which assessed the implementation of the ' +
			'Global Compact for Safe, Orderly and Regular Migration and adopted the Progress Declaration. ' +
			'Azerbaijan took part as one of the 33 "Champion Countries", with an actively participating ' +
			'delegation whose members the sources do not name. Date assumed: the dates (17–20 May 2022) and the ' +
			'venue are from the UN calendar, not from the seed documents; the times of day are assumed too.',
		start: '2022-05-17T10:00',
		end: '2022-05-20T18:00',
		timeZone: 'America/New_York',
		timing: 'date_assumed',
		venue: 'un-hq',
		status: 'held',
		isPublic: 1,
		hosts: [{ organization: 'un', role: 'host' }],
		delegations: [{ name: 'Azerbaijan', organization: 'az-government' }]
	},
	// [003] the whole debrief.
	{
		key: 'imrf-debrief-2022',
		kind: 'debrief',
		title: 'Post-International Migration Review Forum Debrief for Azerbaijan',
		description:
			'Debriefing session after the International Migration Review Forum for representatives of government ' +
			'agencies, the UN, civil society organizations, experts and other stakeholders, for participants to ' +
			'share their feedback on their experience at, and in preparation for, the IMRF 2022. The source (an ' +
			'IOM Azerbaijan web page) names the organiser only implicitly: IOM Azerbaijan is entered as host and ' +
			'the UN Network on Migration in Azerbaijan, whose work plan the participants agreed to adjust, as ' +
			'co-host. The date is from the source; the times of day and the venue are not stated and are assumed.',
		start: '2022-06-30T10:00',
		end: '2022-06-30T13:00',
		timeZone: 'Asia/Baku',
		timing: 'time_assumed',
		venue: 'baku',
		status: 'held',
		isPublic: 1,
		hosts: [
			{ organization: 'iom-azerbaijan', role: 'host' },
			{ organization: 'unnm-azerbaijan', role: 'co_host' }
		],
		participants: [
			{
				person: 'andreeva',
				role: 'speaker',
				positionAtEvent: 'UN Resident Coordinator in Azerbaijan',
				organization: 'un-rco-azerbaijan'
			},
			{
				person: 'gjorgjiev',
				role: 'host',
				positionAtEvent: 'Chief of IOM Mission to Azerbaijan',
				organization: 'iom-azerbaijan'
			},
			{ person: 'huseynov', role: 'speaker', positionAtEvent: SMS_CHIEF, organization: 'sms' },
			{
				person: 'allahveranov',
				role: 'speaker',
				positionAtEvent: 'Chairman of the Public Council under the State Migration Service',
				organization: 'sms-public-council'
			}
		],
		agenda: [
			{
				kind: 'opening_remarks',
				title: 'Opening remarks',
				start: '2022-06-30T10:00',
				end: '2022-06-30T10:15',
				roles: [{ person: 'andreeva', role: 'speaker' }],
				notes:
					'Emphasized the active participation of the Azerbaijani delegation in the work of the IMRF, the ' +
					'result of fruitful cooperation between the State Migration Service and IOM Azerbaijan and of the ' +
					'personal contribution of the heads of these organizations.'
			},
			{
				kind: 'speech',
				title: 'Speech',
				start: '2022-06-30T10:15',
				end: '2022-06-30T10:30',
				roles: [{ person: 'gjorgjiev', role: 'speaker' }],
				notes:
					"Participants' feedback must be thoroughly taken into consideration so that future IMRFs fulfil " +
					'their potential and continue promoting the benefits of the GCM at local, national, regional and ' +
					'international level. Azerbaijan is a leader in the region in the field of migration. Areas of ' +
					'IOM collaboration with government agencies, consonant with the action points of the Progress ' +
					'Declaration: the Regional Training Center on Migration, digitalization of remittance flows, data ' +
					'collection and analysis, and further engagement of the diaspora and the private sector in ' +
					'diversifying the economy.'
			},
			{
				kind: 'speech',
				title: 'Speech',
				start: '2022-06-30T10:30',
				end: '2022-06-30T10:45',
				roles: [{ person: 'huseynov', role: 'speaker' }],
				notes:
					'The IMRF was a successful event assessing the implementation of the GCM and discussing its ' +
					'prospects; Azerbaijan participated as one of the 33 "Champion Countries", and the discussions ' +
					'helped determine the next steps. Ideas raised at this meeting should contribute to the successful ' +
					'implementation of the Global Compact in Azerbaijan.'
			},
			{
				kind: 'speech',
				title: 'Speech',
				start: '2022-06-30T10:45',
				end: '2022-06-30T11:00',
				roles: [{ person: 'allahveranov', role: 'speaker' }],
				notes:
					'Reflection on engagement through the IMRF process (preparation phase and accreditation) and the ' +
					'role civil society may play in reaching the goals of the Progress Declaration; the IMRF is a ' +
					'beginning, and the next steps should be set concretely and followed.'
			},
			{
				kind: 'exchange_of_views',
				title: "Participants' feedback on IMRF 2022",
				start: '2022-06-30T11:00',
				end: '2022-06-30T12:45'
			},
			{
				kind: 'closing',
				title: 'Closing',
				start: '2022-06-30T12:45',
				end: '2022-06-30T13:00',
				notes:
					'The participants agreed to adjust the draft work plan of UNNM Azerbaijan to the action points ' +
					'of the Progress Declaration.'
			}
		]
	},
	// [004] "Exchange of opinions and meetings were held constantly between these two countries": the Service's
	// meeting in the visit's programme (visits.ts). That one was held during the visit is assumed, as is all of
	// its timing. Last in the list, so that the demo's other events keep their ids.
	{
		key: 'swing-nabiyev-meeting',
		kind: 'bilateral_meeting',
		title:
			'Meeting of the Chief of the State Migration Service, Mr Firudin Nabiyev, with the Director General of ' +
			'IOM, Mr William Lacy Swing',
		description:
			'The Service and IOM met "constantly" on readmission, asylum interviews and the labour market ' +
			'information system, the source says. It does not report a meeting during the official visit: this ' +
			'one stands for the part the Service plays in the visit programme and is assumed, with its date and times. ' +
			DATE_NOT_KNOWN,
		start: '2017-01-16T15:00',
		end: '2017-01-16T16:00',
		timeZone: 'Asia/Baku',
		timing: 'date_assumed',
		venue: null,
		status: 'held',
		isPublic: 0,
		hosts: [{ organization: 'sms', role: 'host' }],
		delegations: [
			{ name: 'State Migration Service', organization: 'sms' },
			{ name: 'International Organization for Migration', organization: 'iom' }
		],
		participants: [
			{
				person: 'nabiyev',
				role: 'head_of_delegation',
				delegation: 'State Migration Service',
				positionAtEvent: SMS_CHIEF,
				organization: 'sms'
			},
			SWING_HEADING_IOM
		]
	}
] as const satisfies readonly DemoEvent[];

export type EventKey = (typeof events)[number]['key'];
