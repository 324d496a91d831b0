import { onDemand } from '$lib/forms/on-demand.svelte';

/** The panels only a form's answer shows (answer-panels.ts), fetched together when first needed. */
export const answerPanels = onDemand(() => import('./answer-panels'));

export type AnswerPanels = NonNullable<typeof answerPanels.module>;
