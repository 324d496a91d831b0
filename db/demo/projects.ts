/**
 * Cooperation projects of the demo data set, from the seeds (see types.ts): [004] the SMS's international
 * cooperation page, with the EU's instruments, the Eastern Partnership platform and the consultative
 * processes; the Regional Training Center on Migration from [000], [001], [002] and [003]. Dates are those
 * the seeds give, as precisely as they give them; no seed names a focal point.
 */
import type { DemoProject } from './types';

export const projects = [
	// [004] "Currently the project of 'Consolidation of Migration and Border Management Capacities in
	// Azerbaijan' (since 2014) is ongoing successfully."
	{
		key: 'migration-border-management',
		title: 'Consolidation of Migration and Border Management Capacities in Azerbaijan',
		programme: 'joint_project',
		state: 'ongoing',
		start: { on: '2014-01-01', precision: 'year' },
		partners: ['iom'],
		description:
			'One of the significant projects IOM carries out in Azerbaijan for the protection of migrants’ rights ' +
			'and their durable integration.'
	},
	// [004] "Currently the project of 'Asylum Systems Quality Initiative in Eastern Europe and South Caucasus'
	// is implemented jointly with UNHCR."
	{
		key: 'asylum-systems-quality',
		title: 'Asylum Systems Quality Initiative in Eastern Europe and South Caucasus',
		programme: 'joint_project',
		state: 'ongoing',
		partners: ['unhcr'],
		description:
			'Implemented jointly with UNHCR, with whose representation in Azerbaijan the Service holds expert ' +
			'meetings on refugee status determination and the voluntary repatriation of asylum seekers.'
	},
	// [000] "with vital support of the IOM we have initiated the establishment of the Regional Training
	// Center on Migration"; [001] "the establishment and improvement of the Regional Training Center";
	// [002] "will serve to strengthen and expand regional partnerships"; [003] an area of collaboration.
	{
		key: 'regional-training-center',
		title: 'Regional Training Center on Migration',
		programme: 'joint_project',
		state: 'ongoing',
		partners: ['iom', 'iom-azerbaijan'],
		description:
			'Established in Azerbaijan with the vital support of IOM to enhance capacities in migration ' +
			'management in Azerbaijan and in other countries of the region. The sources give no start date: the ' +
			'letter of 2 September 2021 says its establishment was initiated recently.',
		events: ['sms-iom-rd-meeting-2021', 'imd-2021', 'imrf-debrief-2022'],
		outcomes: ['rd-meeting-projects'],
		correspondence: ['letter-09-1502']
	},
	// [004] "The organization implemented number of projects in our country in the framework of Migration EU
	// expertise (MIEUX) programs."
	{
		key: 'mieux',
		title: 'MIEUX projects in Azerbaijan',
		programme: 'mieux',
		state: 'completed',
		partners: ['icmpd', 'eu'],
		description:
			'Projects ICMPD implemented in Azerbaijan in the framework of the EU’s Migration EU Expertise (MIEUX) ' +
			'programme; the source names none of them singly, nor their dates.',
		agreements: ['icmpd-cooperation']
	},
	// [004] "State Migration Service actively uses EU programs such as Twinning and Technical Assistance and
	// Information Exchange instrument (TAIEX)."
	{
		key: 'eu-twinning',
		title: 'EU Twinning',
		programme: 'twinning',
		state: 'ongoing',
		partners: ['eu'],
		description: 'The EU’s Twinning instrument, which the State Migration Service actively uses.'
	},
	{
		key: 'eu-taiex',
		title: 'EU Technical Assistance and Information Exchange (TAIEX)',
		programme: 'taiex',
		state: 'ongoing',
		partners: ['eu'],
		description:
			'The EU’s Technical Assistance and Information Exchange instrument, which the State Migration ' +
			'Service actively uses.'
	},
	// [004] "Moreover State Migration Service of the Republic of Azerbaijan is represented in the first
	// platform of EU Eastern partnership called 'Democracy, good governance and stability'."
	{
		key: 'eastern-partnership-platform',
		title: 'Eastern Partnership Platform 1 "Democracy, good governance and stability"',
		programme: 'other',
		state: 'ongoing',
		partners: ['eap-platform-1'],
		description:
			'The State Migration Service of the Republic of Azerbaijan is represented in the first platform of ' +
			'the EU’s Eastern Partnership, "Democracy, good governance and stability". The source gives no ' +
			'dates and names no meeting of the platform.'
	},
	// [004] "State Migration Service of the Republic of Azerbaijan also enlarges cooperation within the frames
	// of international dialogue instruments, as well as, Almaty process …, Prague Process … and Budapest
	// Process". The source ties no meeting or project to any of them, so each is one record of that
	// cooperation, for the process's dossier.
	{
		key: 'almaty-process-cooperation',
		title: 'Cooperation within the Almaty Process',
		programme: 'other',
		state: 'ongoing',
		partners: ['almaty-process'],
		description:
			'The State Migration Service enlarges cooperation within the Almaty Process, a consultative process ' +
			'on international migration and the protection of refugees. The source gives no dates and names no ' +
			'meeting or project of the process.'
	},
	{
		key: 'prague-process-cooperation',
		title: 'Cooperation within the Prague Process',
		programme: 'other',
		state: 'ongoing',
		partners: ['prague-process'],
		description:
			'The State Migration Service enlarges cooperation within the Prague Process, started to trigger ' +
			'cooperation in the migration sphere among EU countries, Schengen countries, Eastern Partnership and ' +
			'Western Balkan states, Central Asian countries, Russia and Turkey. The source gives no dates and ' +
			'names no meeting or project of the process.'
	},
	{
		key: 'budapest-process-cooperation',
		title: 'Cooperation within the Budapest Process',
		programme: 'other',
		state: 'ongoing',
		partners: ['budapest-process'],
		description:
			'The State Migration Service enlarges cooperation within the Budapest Process, which includes more ' +
			'than 50 governments and 10 international organizations and works towards a system of constant ' +
			'regulation of migration. The source gives no dates and names no meeting or project of the process.'
	}
] as const satisfies readonly DemoProject[];
