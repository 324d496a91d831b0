import { displayWords } from '$lib/server/i18n/shared.words';
import type { LayoutServerLoad } from './$types';

// The public event pages show stored texts and an event's when and where (LocalizedText.svelte,
// EventWhenWhere.svelte), whose words come from here.
export const load: LayoutServerLoad = () => ({ displayWords: displayWords() });
