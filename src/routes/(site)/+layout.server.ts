import { textWords } from '$lib/server/i18n/shared.words';
import type { LayoutServerLoad } from './$types';

// The public event pages show stored texts (LocalizedText.svelte), whose note comes from here.
export const load: LayoutServerLoad = () => ({ textWords: textWords() });
