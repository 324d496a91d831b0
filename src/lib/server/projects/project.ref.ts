/**
 * A project as other records name it (an agreement's, an event's, an organisation's): id, title, where it
 * stands and when it ran. Apart from the project views, so that the agreement view can name projects
 * while the project view shows agreements.
 */
import { formatPeriod } from '../../format/datetime';
import {
	projectProgrammes,
	projectStates,
	type DatePrecision,
	type ProjectProgramme,
	type ProjectState
} from '../../vocabulary';

export interface ProjectRef {
	id: number;
	title: string;
	state: ProjectState;
	stateLabel: string;
	programmeLabel: string | null;
	/** "Since 2014", "2016 – 2018". */
	period: string;
}

/** The columns a project reference is made from. */
export const projectRefColumns = [
	'project.id',
	'project.title',
	'project.state',
	'project.programme',
	'project.start_on',
	'project.start_precision',
	'project.end_on',
	'project.end_precision'
] as const;

export interface ProjectRefRow {
	id: number;
	title: string;
	state: ProjectState;
	programme: ProjectProgramme | null;
	start_on: string | null;
	start_precision: DatePrecision | null;
	end_on: string | null;
	end_precision: DatePrecision | null;
}

const approximate = (on: string | null, precision: DatePrecision | null) =>
	on && precision ? { on, precision } : null;

export function toProjectRef(row: ProjectRefRow): ProjectRef {
	return {
		id: row.id,
		title: row.title,
		state: row.state,
		stateLabel: projectStates.labels[row.state],
		programmeLabel: row.programme ? projectProgrammes.labels[row.programme] : null,
		period: formatPeriod(
			approximate(row.start_on, row.start_precision),
			approximate(row.end_on, row.end_precision)
		)
	};
}
