/** Event series of the demo data set. Sources in brackets (see types.ts). */
import type { DemoSeries } from './types';

export const series = [
	// [002] "Event dedicated to December 18 - International Migrants Day".
	{
		key: 'imd',
		name: 'International Migrants Day',
		description: 'Observed on 18 December each year.'
	},
	// [004] "107th Session of IOM Council".
	{
		key: 'iom-council',
		name: 'IOM Council',
		description: 'Sessions of the Council of the International Organization for Migration.'
	},
	// [004] "in the framework of the IOM's International Dialogue on Migration".
	{
		key: 'iom-idm',
		name: 'IOM International Dialogue on Migration',
		description: "IOM's forum for migration policy dialogue among its member states and partners."
	},
	// [004] "8th and 19th meetings of the Council".
	{
		key: 'cis-chmb',
		name: 'CIS Council of Heads of Migration Bodies',
		description:
			'Meetings of the Council of Heads of Migration Bodies of the Commonwealth of Independent States.'
	}
] as const satisfies readonly DemoSeries[];

export type SeriesKey = (typeof series)[number]['key'];
