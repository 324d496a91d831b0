/** The zones a visit's forms offer, as a select's options, with the one a record holds first should the list lack it. */
export function zoneChoices(zones: readonly string[], current: string | undefined) {
	return (current && !zones.includes(current) ? [current, ...zones] : zones).map(
		(zone) => [zone, zone] as const
	);
}
