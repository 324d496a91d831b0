import { onDemand } from '$lib/forms/on-demand.svelte';

/** The likely matches, which only a refused save shows: fetched when first needed. */
export const likelyMatches = onDemand(() => import('$lib/components/LikelyMatches.svelte'));
