/** The notices only a refused save shows, fetched together when one is first needed (see answers.ts). */
export { default as EventClashes } from '$lib/components/EventClashes.svelte';
export { default as EventStaleNotice } from '$lib/components/EventStaleNotice.svelte';
