import { onDemand } from '$lib/forms/on-demand.svelte';

/**
 * The forms a visit seldom fills in (later-panels.ts): inviting a whole organisation, an import, someone
 * new, the sides. The server draws them; their script is fetched on their first use ($lib/forms/OnFirstUse).
 */
export const laterPanels = onDemand(() => import('./later-panels'));
