/**
 * The closed vocabularies of the domain: the values the database CHECK constraints allow, and the words
 * people read for them. Client-safe. A test inserts every value here on both engines, so this list and
 * the migrations cannot drift apart unnoticed.
 */

export { organizationKinds } from './vocabularies/organization-kinds';
import type { organizationKinds } from './vocabularies/organization-kinds';
export { eventKinds } from './vocabularies/event-kinds';
import type { eventKinds } from './vocabularies/event-kinds';
export { eventStatuses } from './vocabularies/event-statuses';
import type { eventStatuses } from './vocabularies/event-statuses';
export { timingCertainties } from './vocabularies/timing-certainties';
import type { timingCertainties } from './vocabularies/timing-certainties';
export { hostRoles } from './vocabularies/host-roles';
import type { hostRoles } from './vocabularies/host-roles';
export { agendaItemKinds } from './vocabularies/agenda-item-kinds';
import type { agendaItemKinds } from './vocabularies/agenda-item-kinds';
export { agendaRoles } from './vocabularies/agenda-roles';
import type { agendaRoles } from './vocabularies/agenda-roles';
export { participantRoles } from './vocabularies/participant-roles';
import type { participantRoles } from './vocabularies/participant-roles';
export { rsvpStatuses } from './vocabularies/rsvp-statuses';
import type { rsvpStatuses } from './vocabularies/rsvp-statuses';
export { outcomeKinds } from './vocabularies/outcome-kinds';
import type { outcomeKinds } from './vocabularies/outcome-kinds';
export { topicSides } from './vocabularies/topic-sides';
import type { topicSides } from './vocabularies/topic-sides';
export { outcomeStatuses } from './vocabularies/outcome-statuses';
import type { outcomeStatuses } from './vocabularies/outcome-statuses';
export { agreementStates } from './vocabularies/agreement-states';
import type { agreementStates } from './vocabularies/agreement-states';
export { projectProgrammes } from './vocabularies/project-programmes';
import type { projectProgrammes } from './vocabularies/project-programmes';
export { projectStates } from './vocabularies/project-states';
import type { projectStates } from './vocabularies/project-states';
export { datePrecisions } from './vocabularies/date-precisions';
import type { datePrecisions } from './vocabularies/date-precisions';
export { correspondenceKinds } from './vocabularies/correspondence-kinds';
import type { correspondenceKinds } from './vocabularies/correspondence-kinds';
export { correspondenceDirections } from './vocabularies/correspondence-directions';
import type { correspondenceDirections } from './vocabularies/correspondence-directions';
export { correspondenceEventLinks } from './vocabularies/correspondence-event-links';
import type { correspondenceEventLinks } from './vocabularies/correspondence-event-links';
export { dossierKinds } from './vocabularies/dossier-kinds';
import type { dossierKinds } from './vocabularies/dossier-kinds';
export { dossierRoles } from './vocabularies/dossier-roles';
import type { dossierRoles } from './vocabularies/dossier-roles';
export { giftDirections } from './vocabularies/gift-directions';
import type { giftDirections } from './vocabularies/gift-directions';
export { giftDispositions } from './vocabularies/gift-dispositions';
import type { giftDispositions } from './vocabularies/gift-dispositions';
export { dietaryRequirements } from './vocabularies/dietary-requirements';
import type { dietaryRequirements } from './vocabularies/dietary-requirements';
export { userRoles } from './vocabularies/user-roles';
import type { userRoles } from './vocabularies/user-roles';
export { visitKinds } from './vocabularies/visit-kinds';
import type { visitKinds } from './vocabularies/visit-kinds';
export { visitItemKinds } from './vocabularies/visit-item-kinds';
import type { visitItemKinds } from './vocabularies/visit-item-kinds';
export { apiTokenRoles } from './vocabularies/api-token-roles';
import type { apiTokenRoles } from './vocabularies/api-token-roles';
export { apiTokenScopes } from './vocabularies/api-token-scopes';
import type { apiTokenScopes } from './vocabularies/api-token-scopes';
export { interfaceLocales } from './locales';
import type { interfaceLocales } from './locales';

/** The kinds of event that have topics: meetings with one partner, prepared and recorded point by point. */
export const topicEventKinds = ['bilateral_meeting', 'official_visit', 'working_visit'] as const;

export function hasTopics(kind: string): boolean {
	return (topicEventKinds as readonly string[]).includes(kind);
}

export type InterfaceLocale = (typeof interfaceLocales.values)[number];
export type OrganizationKind = (typeof organizationKinds.values)[number];
export type EventKind = (typeof eventKinds.values)[number];
export type EventStatus = (typeof eventStatuses.values)[number];
export type TimingCertainty = (typeof timingCertainties.values)[number];
export type HostRole = (typeof hostRoles.values)[number];
export type AgendaItemKind = (typeof agendaItemKinds.values)[number];
export type AgendaRole = (typeof agendaRoles.values)[number];
export type ParticipantRole = (typeof participantRoles.values)[number];
export type RsvpStatus = (typeof rsvpStatuses.values)[number];
export type OutcomeKind = (typeof outcomeKinds.values)[number];
export type OutcomeStatus = (typeof outcomeStatuses.values)[number];
export type TopicSide = (typeof topicSides.values)[number];
export type AgreementState = (typeof agreementStates.values)[number];
export type ProjectProgramme = (typeof projectProgrammes.values)[number];
export type ProjectState = (typeof projectStates.values)[number];
export type DatePrecision = (typeof datePrecisions.values)[number];
export type CorrespondenceKind = (typeof correspondenceKinds.values)[number];
export type CorrespondenceDirection = (typeof correspondenceDirections.values)[number];
export type CorrespondenceEventLink = (typeof correspondenceEventLinks.values)[number];
export type UserRole = (typeof userRoles.values)[number];
export type ApiTokenRole = (typeof apiTokenRoles.values)[number];
export type ApiTokenScope = (typeof apiTokenScopes.values)[number];
export type DossierKind = (typeof dossierKinds.values)[number];
export type DossierRole = (typeof dossierRoles.values)[number];
export type GiftDirection = (typeof giftDirections.values)[number];
export type GiftDisposition = (typeof giftDispositions.values)[number];
export type VisitKind = (typeof visitKinds.values)[number];
export type VisitItemKind = (typeof visitItemKinds.values)[number];
export type DietaryRequirement = (typeof dietaryRequirements.values)[number];
