import { onDemand } from '$lib/forms/on-demand.svelte';

/** The notices only a refused save shows (someone saved meanwhile, clashes): fetched when first needed. */
export const refusalNotices = onDemand(() => import('./refusal-notices'));
