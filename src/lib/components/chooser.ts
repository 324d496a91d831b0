import type { ChooserResolution } from '$lib/server/choosers/chooser.service';

/** What a list filter's RecordChooser shows of its field: what the query chose, a message, candidates. */
export function filterChooser(resolution: ChooserResolution, name: string) {
	return { name, error: resolution.errors[name], ...resolution.choosers[name], inline: true };
}
