/** How people are named on screen and on paper. Client-safe. */

export interface NameParts {
	honorific: string | null;
	given_name: string;
	family_name: string;
}

/** "H.E. Mr António Vitorino" */
export function formatPersonName(p: NameParts): string {
	return [p.honorific, p.given_name, p.family_name].filter(Boolean).join(' ');
}

/** "Vitorino, António" — for alphabetical lists. */
export function formatSortName(p: NameParts): string {
	return `${p.family_name}, ${p.given_name}`;
}

/** "International Organization for Migration (IOM)" */
export function formatOrganizationName(o: { name: string; acronym: string | null }): string {
	return o.acronym && !o.name.includes(`(${o.acronym})`) ? `${o.name} (${o.acronym})` : o.name;
}

export interface PersonTitleParts {
	position: string | null;
	rank: string | null;
	organization: { name: string; acronym: string | null } | null;
}

/**
 * What follows a person's name wherever a person is named — event page, participants, agenda,
 * programme, lists and badges — in one order: position, then organisation, then rank. The organisation
 * is left out when the position names it already ("Director General of the International Organization
 * for Migration"), and written as its acronym when it has one.
 */
export function formatTitles(p: PersonTitleParts): string {
	const { position, rank, organization } = p;
	const named =
		organization !== null &&
		position !== null &&
		(position.includes(organization.name) ||
			(organization.acronym !== null && position.includes(organization.acronym)));
	const body = organization && !named ? (organization.acronym ?? organization.name) : null;
	return [position, body, rank]
		.map((part) => part?.trim())
		.filter(Boolean)
		.join(', ');
}

/** The name in the person's own script, or null when it reads the same as the Latin one. */
export function distinctNativeName(nativeName: string | null, p: NameParts): string | null {
	const fold = (name: string) => name.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
	if (!nativeName?.trim()) return null;
	const latin = fold(`${p.given_name} ${p.family_name}`);
	return fold(nativeName) === latin || fold(nativeName) === fold(`${p.family_name} ${p.given_name}`)
		? null
		: nativeName.trim();
}
