import { onDemand } from '$lib/forms/on-demand.svelte';

/**
 * An officer's tools on a person's page (PersonTools.svelte: the personal link, the calendar feeds). The
 * server draws them with the page; their script is fetched on their first use, or when what they show
 * changes ($lib/forms/OnFirstUse.svelte), as most visits only read the page.
 */
export const personTools = onDemand(() => import('./PersonTools.svelte'));
