/**
 * The topics of the demo meetings: what the Chief of the State Migration Service and IOM's Regional
 * Director discussed, as seed [001] reports it (see types.ts), in the order it tells it. Each topic says
 * only what the seed says: who raised it, what was said on each side, and the statement of the meeting it
 * became (outcomes.ts). The seed gives no talking points prepared beforehand and no questions expected
 * from IOM, so those are left empty.
 */
import type { TopicSide } from '../../src/lib/vocabulary';
import type { EventKey } from './events';
import type { OutcomeKey } from './outcomes';

export interface DemoTopic {
	readonly event: EventKey;
	readonly title: string;
	readonly raisedBy: TopicSide;
	readonly ourPosition?: string;
	readonly talkingPoints?: string;
	readonly expectedQuestions?: string;
	/** What was said on it. */
	readonly discussion?: string;
	/** The outcome of the meeting it became. */
	readonly outcome?: OutcomeKey;
}

export const topics = [
	// "Vusal Huseynov stressed the value of joint projects and mentioned that implementation of two
	// international projects continues successfully … the Regional Training Center on Migration …"
	{
		event: 'sms-iom-rd-meeting-2021',
		title: 'The two joint projects and the Regional Training Center on Migration',
		raisedBy: 'our_side',
		ourPosition:
			'Joint projects are of value: the implementation of two international projects continues ' +
			'successfully as part of the collaboration with IOM.',
		discussion:
			'The Chief of the Service stressed the value of joint projects and mentioned that the ' +
			'implementation of two international projects continues successfully as part of the collaboration ' +
			'with IOM. He stated that the establishment and improvement of the Regional Training Center on ' +
			'Migration, targeting the enhancement of potential in the migration field in the region, and the ' +
			'actions taken for this purpose, are examples of fruitful cooperation between the Service and the ' +
			'organization. Mr Profazi stressed the importance and significant role of the implementation of ' +
			'joint projects in expanding cooperation in the field of migration.',
		outcome: 'rd-meeting-projects'
	},
	// "… the necessity of enhancing bilateral collaboration … for the successful implementation of the GCM".
	{
		event: 'sms-iom-rd-meeting-2021',
		title: 'The Global Compact for Safe, Orderly and Regular Migration (GCM)',
		raisedBy: 'our_side',
		ourPosition:
			'Bilateral collaboration between the State Migration Service and IOM needs to be enhanced for the ' +
			'successful implementation of the GCM.',
		discussion:
			'The Chief of the Service stressed the necessity of enhancing bilateral collaboration between the ' +
			'State Migration Service and IOM for the successful implementation of the GCM. Mr Profazi said that ' +
			'Azerbaijan has demonstrated an exemplary role in the implementation and promotion of the GCM.',
		outcome: 'rd-meeting-gcm'
	},
	// "He emphasized the support of IOM in updating Azerbaijan's National Migration Profile, which was
	// published a few days ago and covers the years 2013 - 2020 and the first ten months of 2021."
	{
		event: 'sms-iom-rd-meeting-2021',
		title: 'The National Migration Profile (2013–2020 and the first ten months of 2021)',
		raisedBy: 'our_side',
		discussion:
			"The Chief of the Service emphasized IOM's support in updating Azerbaijan's National Migration " +
			'Profile, published a few days before the meeting, which covers the years 2013–2020 and the first ' +
			'ten months of 2021.'
	},
	// "In addition, satisfaction was expressed with the joint activities within the Migration Governance
	// Indicators process": said in the passive, in the paragraph on what the Chief of the Service said.
	{
		event: 'sms-iom-rd-meeting-2021',
		title: 'The Migration Governance Indicators process',
		raisedBy: 'our_side',
		discussion:
			'Satisfaction was expressed with the joint activities within the Migration Governance Indicators ' +
			'process, which aims to improve migration management in accordance with international standards.',
		outcome: 'rd-meeting-mgi'
	}
] as const satisfies readonly DemoTopic[];
