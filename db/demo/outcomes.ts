/**
 * Outcomes of the demo data set: what the meetings decided and agreed to do (the agreements the Service
 * works under are in agreements.ts). Sources in brackets (see types.ts): [001] meeting with IOM's
 * Regional Director, [003] post-IMRF debrief.
 */
import type { DemoOutcome } from './types';

export const outcomes = [
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
		status: 'open',
		parties: ['sms', 'iom']
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
	}
] as const satisfies readonly DemoOutcome[];

export type OutcomeKey = (typeof outcomes)[number]['key'];
