/** Queries over who takes part in an event. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { organizationRefColumns } from '../organizations/organization.ref';

/**
 * A person as named at one event: who they are, the title and rank they held there and the organisation
 * they came for. Selects from `event_participant as p` joined with `person` and `organization as o`.
 */
export const personAtEventColumns = [
	'person.id as person_id',
	'person.honorific',
	'person.given_name',
	'person.family_name',
	'person.native_name',
	'person.position as current_position',
	'person.rank as current_rank',
	'p.position_at_event',
	'p.rank_at_event',
	...organizationRefColumns('o', 'organization')
] as const;

export async function listDelegations(db: Kysely<Database>, eventId: number) {
	return db
		.selectFrom('delegation')
		.leftJoin('organization', 'organization.id', 'delegation.organization_id')
		.select([
			'delegation.id',
			'delegation.name',
			'delegation.position',
			...organizationRefColumns('organization', 'organization')
		])
		.where('delegation.event_id', '=', eventId)
		.orderBy('delegation.position')
		.orderBy('delegation.id')
		.execute();
}

/**
 * Participants in order of precedence: an officer's explicit order first, then by role (host and heads
 * of delegation before members), then alphabetically.
 */
export async function listParticipants(db: Kysely<Database>, eventId: number) {
	return db
		.selectFrom('event_participant as p')
		.innerJoin('person', 'person.id', 'p.person_id')
		.leftJoin('organization as o', 'o.id', 'p.organization_id')
		.select(['p.id', 'p.role', 'p.delegation_id', 'p.rsvp_status', 'p.responded_at', ...personAtEventColumns])
		.where('p.event_id', '=', eventId)
		.orderBy(sql`case when p.precedence is null then 1 else 0 end`)
		.orderBy('p.precedence')
		.orderBy(
			sql`case p.role when 'host' then 0 when 'head_of_delegation' then 1 when 'speaker' then 2 when 'delegation_member' then 3 when 'guest' then 4 when 'observer' then 5 else 6 end`
		)
		.orderBy('person.family_name')
		.orderBy('person.given_name')
		.execute();
}
