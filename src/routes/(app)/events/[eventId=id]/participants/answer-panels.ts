/** The panels only a form's answer shows, fetched together when one is first needed (see answers.ts). */
export { default as ClashPanel } from './ClashPanel.svelte';
export { default as ImportPreview } from './ImportPreview.svelte';
export { default as LikelyMatches } from '$lib/components/LikelyMatches.svelte';
export { default as RemoveConfirm } from './RemoveConfirm.svelte';
