/**
 * The demo data set: what the five seed documents (../shared/seeds, listed in types.ts) describe, entered
 * by hand. Loaded into an empty database by src/lib/server/demo/demo.service.ts.
 */
import { correspondence } from './correspondence';
import { events } from './events';
import { organizations } from './organizations';
import { outcomes } from './outcomes';
import { people } from './people';
import { series } from './series';
import type { DemoDataSet } from './types';
import { venues } from './venues';

export const demoDataSet: DemoDataSet = {
	organizations,
	people,
	venues,
	series,
	events,
	outcomes,
	correspondence
};

export type * from './types';
