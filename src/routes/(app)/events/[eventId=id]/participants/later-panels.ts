/** The page's forms below the list, drawn by the server and started on first use (see later.ts). */
export { default as DelegationsPanel } from './DelegationsPanel.svelte';
export { default as ImportPanel } from './ImportPanel.svelte';
export { default as InvitePanel } from './InvitePanel.svelte';
export { default as NewPersonPanel } from './NewPersonPanel.svelte';
export { default as OrganizationInvitePanel } from './OrganizationInvitePanel.svelte';
