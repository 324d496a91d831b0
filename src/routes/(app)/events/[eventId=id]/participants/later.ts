import { onDemand } from '$lib/forms/on-demand.svelte';

/**
 * The page's forms below the list (later-panels.ts): inviting someone found, a whole organisation, an
 * import, someone new, the sides. The server draws them; their script is fetched on their first use, or
 * when what they show changes ($lib/forms/OnFirstUse.svelte), as most visits look at the list.
 */
export const laterPanels = onDemand(() => import('./later-panels'));
