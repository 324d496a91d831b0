/** The fields of a person as people read them: their labels on the form and in the notice of a stale save. */
export const PERSON_LABELS = {
	honorific: 'Honorific',
	givenName: 'Given name',
	familyName: 'Family name',
	nativeName: 'Name in own script',
	position: 'Position',
	rank: 'Rank',
	precedenceLevel: 'Precedence level',
	headsOrganization: 'Heads their organisation',
	organizationId: 'Organisation',
	email: 'E-mail',
	phone: 'Phone',
	contactPublic: 'Contact details public',
	notes: 'Notes'
};
