/** The fields of a post as people read them: their labels on the form and in the notice of a stale save. */
export const POSITION_LABELS = {
	position: 'Position',
	organizationId: 'Organisation',
	rank: 'Rank',
	fromOn: 'First day in the post',
	toOn: 'Last day in the post',
	notes: 'Notes'
};
