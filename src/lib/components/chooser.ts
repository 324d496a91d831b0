import type { ChooserResolution, ChooserState } from '$lib/server/choosers/chooser.service';

/** What a list filter's RecordChooser shows of its field: what the query chose, a message, candidates. */
export function filterChooser(resolution: ChooserResolution, name: string) {
	return { name, error: resolution.errors[name], ...resolution.choosers[name], inline: true };
}

/** What a RecordChooser of a form that starts empty shows: as submitted after a refusal, else nothing. */
export function submittedChooser(choosers: Record<string, ChooserState> | undefined, name: string) {
	const state = choosers?.[name];
	return { name, chosen: state?.chosen ?? [], text: state?.text, candidates: state?.candidates ?? [] };
}
