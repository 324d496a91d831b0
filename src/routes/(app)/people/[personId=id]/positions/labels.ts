/** The fields of a post as people read them, for the notice of a stale save. */
export const POSITION_LABELS: Record<string, string> = {
	position: 'Position',
	organizationId: 'Organisation',
	rank: 'Rank',
	fromOn: 'First day in the post',
	toOn: 'Last day in the post',
	notes: 'Notes'
};
