/**
 * The event page's parts that only officers see, and only on some events: new times attendees proposed,
 * waiting for a decision, and the open action points to carry over to a meeting ahead. Fetched apart from
 * the page (see its module script), with no styles of their own: a page drawn without scripts has the page's.
 */
export { default as WaitingProposals } from './WaitingProposals.svelte';
export { default as CarryOffers } from './CarryOffers.svelte';
