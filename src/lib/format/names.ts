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
