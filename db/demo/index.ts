/**
 * The demo data set: what the five seed documents (../shared/seeds, listed in types.ts) describe, entered
 * by hand. Loaded into an empty database by src/lib/server/demo/demo.service.ts.
 */
import { agreements } from './agreements';
import { correspondence } from './correspondence';
import { events } from './events';
import { organizations } from './organizations';
import { outcomes } from './outcomes';
import { nextMigrantsDay } from './next-migrants-day';
import { people } from './people';
import { projects } from './projects';
import { series } from './series';
import { topics } from './topics';
import type { DemoDataSet } from './types';
import { venues } from './venues';
import { visits } from './visits';

export const demoDataSet: DemoDataSet = {
	organizations,
	people,
	venues,
	series,
	events,
	outcomes,
	correspondence,
	agreements,
	projects,
	topics,
	visits,
	upcoming: (today) => [nextMigrantsDay(today)]
};

export type * from './types';
