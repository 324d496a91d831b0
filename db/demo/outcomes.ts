/**
 * Outcomes of the demo data set: what the meetings agreed and the agreements the Service works under.
 * Sources in brackets (see types.ts): [001] meeting with IOM's Regional Director, [003] post-IMRF
 * debrief, [004] the SMS's international cooperation page. Dates are those the seeds give; where a seed
 * gives none the date is left empty.
 */
import type { DemoOutcome } from './types';

export const outcomes = [
	// [004] "signed on December 8, 2016 in Geneva … approved with the Decree of the President … dated
	// February 23, 2017 and entered into force from March 2, 2017".
	{
		key: 'sms-iom-avr-agreement',
		event: 'sms-iom-signing-2016',
		kind: 'agreement',
		title:
			'Cooperation Agreement between State Migration Service of the Republic of Azerbaijan and ' +
			'International Organization for Migration on Pilot Project on Assistance for the Voluntary Return ' +
			'of Migrants from Azerbaijan',
		text:
			'Signed on 8 December 2016 in Geneva; approved by Decree of the President of the Republic of ' +
			'Azerbaijan dated 23 February 2017; entered into force on 2 March 2017.',
		status: 'done',
		signedOn: '2016-12-08',
		signedPlace: 'Geneva',
		approvedOn: '2017-02-23',
		inForceOn: '2017-03-02',
		parties: ['sms', 'iom']
	},
	// [001] "implementation of two international projects continues successfully … the establishment and
	// improvement of the Regional Training Center on Migration".
	{
		key: 'rd-meeting-projects',
		event: 'sms-iom-rd-meeting-2021',
		kind: 'statement',
		title: 'Continue the two joint international projects and the Regional Training Center on Migration',
		text:
			'The Chief of the Service stressed the value of joint projects: the implementation of two ' +
			'international projects continues successfully as part of the collaboration with IOM, and the ' +
			'establishment and improvement of the Regional Training Center on Migration, targeting the ' +
			'enhancement of potential in the migration field in the region, are examples of fruitful cooperation. ' +
			'Mr Profazi stressed the significant role of joint projects in expanding cooperation.',
		ownerOrganization: 'sms',
		status: 'open'
	},
	// [001] "the necessity of enhancing bilateral collaboration … for the successful implementation of the GCM".
	{
		key: 'rd-meeting-gcm',
		event: 'sms-iom-rd-meeting-2021',
		kind: 'statement',
		title: 'Enhance bilateral collaboration between the SMS and IOM for implementing the GCM',
		text:
			'The Chief of the Service stressed the necessity of enhancing bilateral collaboration between the ' +
			'State Migration Service and IOM for the successful implementation of the "Global Compact for Safe, ' +
			'Orderly and Regular Migration" (GCM).',
		ownerOrganization: 'sms',
		status: 'open'
	},
	// [001] "satisfaction was expressed with the joint activities within the Migration Governance Indicators process".
	{
		key: 'rd-meeting-mgi',
		event: 'sms-iom-rd-meeting-2021',
		kind: 'statement',
		title: 'Continue joint activities in the Migration Governance Indicators process',
		text:
			'Satisfaction was expressed with the joint activities within the Migration Governance Indicators ' +
			'process, which aims to improve migration management in accordance with international standards.',
		ownerOrganization: 'sms',
		status: 'open'
	},
	// [003] "the action points of the Progress Declaration of the IMRF 2022"; the debrief took it further.
	{
		key: 'imrf-progress-declaration',
		event: 'imrf-2022',
		kind: 'statement',
		title: 'Progress Declaration of the IMRF 2022 adopted',
		text:
			'The International Migration Review Forum 2022 concluded with the Progress Declaration, whose action ' +
			'points the post-IMRF debrief in Baku took up for Azerbaijan.',
		status: 'done',
		followUps: [
			{
				event: 'imrf-debrief-2022',
				note:
					'The participants agreed to adjust the draft work plan of UNNM Azerbaijan to the action points ' +
					'of the Progress Declaration.'
			}
		]
	},
	// [003] "At the end, the participants agreed to adjust the draft work Plan of UNNM Azerbaijan …".
	{
		key: 'debrief-unnm-work-plan',
		event: 'imrf-debrief-2022',
		kind: 'action_point',
		title:
			'Adjust the draft work plan of UNNM Azerbaijan to the action points of the IMRF Progress Declaration',
		text:
			'"At the end, the participants agreed to adjust the draft work Plan of UNNM Azerbaijan in reference ' +
			'to the action points defined in the Progress Declaration."',
		ownerOrganization: 'unnm-azerbaijan',
		status: 'open'
	},
	// [004] "signing of 'Agreement between the European Union and the Republic of Azerbaijan on the
	// facilitation of the issuance of visas' in November 29, 2013".
	{
		key: 'eu-visa-facilitation',
		event: null,
		kind: 'agreement',
		title:
			'Agreement between the European Union and the Republic of Azerbaijan on the facilitation of the ' +
			'issuance of visas',
		status: 'done',
		signedOn: '2013-11-29',
		parties: ['eu', 'az-government']
	},
	// [004] "… on the readmission of persons residing without authorization" on February 28, 2014.
	{
		key: 'eu-readmission',
		event: null,
		kind: 'agreement',
		title:
			'Agreement between the European Union and the Republic of Azerbaijan on the readmission of persons ' +
			'residing without authorization',
		status: 'done',
		signedOn: '2014-02-28',
		parties: ['eu', 'az-government']
	},
	// [004] no date given.
	{
		key: 'eu-mobility-partnership',
		event: null,
		kind: 'agreement',
		title:
			'Joint Declaration on a Mobility Partnership between the Republic of Azerbaijan and the European ' +
			'Union and its participating Member States',
		text: 'The source gives no date of signature.',
		status: 'done',
		parties: ['eu', 'az-government']
	},
	// [004] no date given; "contacts between parties entered new stage".
	{
		key: 'icmpd-cooperation',
		event: null,
		kind: 'agreement',
		title: 'Cooperation agreement between the Government of the Republic of Azerbaijan and ICMPD',
		text:
			'Cooperation agreement between the Government of the Republic of Azerbaijan and the International ' +
			'Centre for Migration Policy Development (ICMPD). The source gives no date of signature. ICMPD has ' +
			'implemented a number of projects in Azerbaijan in the framework of the Migration EU Expertise (MIEUX) ' +
			'programme.',
		status: 'done',
		parties: ['icmpd', 'az-government']
	}
] as const satisfies readonly DemoOutcome[];
