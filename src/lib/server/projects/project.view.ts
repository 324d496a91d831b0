/** What project pages receive: chosen fields, labels resolved. */
import { formatPersonName } from '../../format/names';
import type { DatePrecision, ProjectProgramme } from '../../vocabulary';
import type { AgreementSummary } from '../agreements/agreement.view';
import type { CorrespondenceListItem } from '../correspondence/correspondence.view';
import type { EventSummary } from '../events/event.view';
import type { OrganizationRef } from '../organizations/organization.ref';
import type { OutcomeSummary } from '../outcomes/outcome.view';
import type { ProjectListRow, ProjectRow } from './project.repository';
import { toProjectRef, type ProjectRef } from './project.ref';

export interface ProjectListItem extends ProjectRef {
	partners: OrganizationRef[];
	/** Our focal point. */
	focalPoint: { id: number; name: string } | null;
}

export interface ProjectView extends ProjectListItem {
	programme: ProjectProgramme | null;
	description: string | null;
	events: EventSummary[];
	outcomes: OutcomeSummary[];
	letters: CorrespondenceListItem[];
	agreements: AgreementSummary[];
	/** What a change names to be refused if someone saved in between. */
	version: number;
}

type FocalColumns = Pick<
	ProjectListRow,
	'focal_id' | 'focal_honorific' | 'focal_given_name' | 'focal_family_name'
>;

function focalPoint(row: FocalColumns): ProjectListItem['focalPoint'] {
	if (row.focal_id === null || row.focal_given_name === null || row.focal_family_name === null) return null;
	const name = formatPersonName({
		honorific: row.focal_honorific,
		given_name: row.focal_given_name,
		family_name: row.focal_family_name
	});
	return { id: row.focal_id, name };
}

export function toProjectListItem(
	row: ProjectListRow | (ProjectRow & { start_precision: DatePrecision | null }),
	partners: OrganizationRef[]
): ProjectListItem {
	return { ...toProjectRef(row), partners, focalPoint: focalPoint(row) };
}

export function toProjectView(
	row: ProjectRow,
	parts: Omit<ProjectView, keyof ProjectListItem | 'programme' | 'description' | 'version'> & {
		partners: OrganizationRef[];
	}
): ProjectView {
	return {
		...toProjectListItem(row, parts.partners),
		programme: row.programme,
		description: row.description,
		events: parts.events,
		outcomes: parts.outcomes,
		letters: parts.letters,
		agreements: parts.agreements,
		version: row.version
	};
}
