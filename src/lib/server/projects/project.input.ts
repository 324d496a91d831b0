/**
 * Reading the projects list's filters from a URL (anything unknown is dropped, never an error), the
 * fields of the project form, and the records a project page links.
 */
import { z } from 'zod';
import { m } from '../../paraglide/messages.js';
import { projectProgrammes, projectStates, type DatePrecision } from '../../vocabulary';
import { oneOf, positiveId } from '../query-params';
import { optional, plainText, recordFormOf, recordId, recordIds, type RecordFormValues } from '../validation';
import type { ProjectFilter } from './project.repository';

export function parseProjectListQuery(params: URLSearchParams): ProjectFilter {
	return {
		organizationId: positiveId(params.get('partner')),
		programme: oneOf(projectProgrammes.values, params.get('programme')),
		state: oneOf(projectStates.values, params.get('state'))
	};
}

/**
 * The fields of the project form; `partners` holds organisation ids, comma-separated; `agreementId`, on
 * a new project only, the agreement it is made under (other links are made from the project's page).
 */
export const PROJECT_FIELDS = [
	'title',
	'programme',
	'state',
	'startOn',
	'endOn',
	'focalPersonId',
	'partners',
	'description',
	'agreementId'
] as const;

export type ProjectFormValues = RecordFormValues<(typeof PROJECT_FIELDS)[number]>;

export const PROJECT_FORM = recordFormOf(PROJECT_FIELDS, ['partners']);

export interface ApproximateDate {
	/** The first day of what is known, YYYY-MM-DD. */
	on: string;
	precision: DatePrecision;
}

/** A date as the form shows it: "2014", "2014-03" or "2014-03-15". */
export function approximateDateText(on: string | null, precision: DatePrecision | null): string {
	if (!on || !precision) return '';
	return on.slice(0, precision === 'year' ? 4 : precision === 'month' ? 7 : 10);
}

/** The last day a date known to its precision may stand for: 2014 → 2014-12-31. */
function lastDayOf({ on, precision }: ApproximateDate): string {
	if (precision === 'day') return on;
	const [year, month] = on.split('-').map(Number) as [number, number];
	const end = precision === 'year' ? new Date(Date.UTC(year + 1, 0, 0)) : new Date(Date.UTC(year, month, 0));
	return end.toISOString().slice(0, 10);
}

/** A year, a month or a day, as precisely as the source says it. */
const approximateDate = (message: () => string) =>
	z
		.string()
		.trim()
		.transform((value, ctx): ApproximateDate => {
			const parts = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
			const on = parts && `${parts[1]}-${parts[2] ?? '01'}-${parts[3] ?? '01'}`;
			if (!parts || !on) {
				ctx.addIssue({ code: 'custom', message: message() });
				return z.NEVER;
			}
			const parsed = new Date(`${on}T00:00:00Z`);
			if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== on) {
				ctx.addIssue({ code: 'custom', message: m.validation_no_such_date() });
				return z.NEVER;
			}
			return { on, precision: parts[3] ? 'day' : parts[2] ? 'month' : 'year' };
		});

export const ProjectInput = z
	.object({
		title: plainText(m.projects_field_title, 500),
		programme: optional(
			z.enum(projectProgrammes.values, { error: () => m.projects_error_choose_programme() })
		),
		state: z.enum(projectStates.values, { error: () => m.projects_error_choose_state() }),
		startOn: optional(approximateDate(m.projects_error_start_date)),
		endOn: optional(approximateDate(m.projects_error_end_date)),
		focalPersonId: optional(recordId(m.projects_error_choose_person)),
		partners: recordIds(m.projects_error_choose_partners),
		description: optional(plainText(m.projects_field_description, 10_000, { multiline: true }))
	})
	.superRefine((input, ctx) => {
		if (input.startOn && input.endOn && lastDayOf(input.endOn) < input.startOn.on) {
			ctx.addIssue({ code: 'custom', path: ['endOn'], message: m.projects_error_end_before_start() });
		}
	});
export type ProjectInput = z.infer<typeof ProjectInput>;

/** A new project's fields, and the agreement it is made under, if any. */
export const ProjectCreateInput = z.intersection(
	ProjectInput,
	z.object({ agreementId: optional(recordId(m.projects_error_choose_agreement)) })
);
export type ProjectCreateInput = z.infer<typeof ProjectCreateInput>;

/** A record a project links to, or unlinks, from its page. */
export const ProjectLinkInput = z.object({
	kind: z.enum(['event', 'outcome', 'correspondence', 'agreement'], {
		error: () => m.projects_error_choose_link()
	}),
	targetId: recordId(m.projects_error_choose_link)
});
