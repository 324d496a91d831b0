/** Queries over who takes part in an event. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';

export async function listDelegations(db: Kysely<Database>, eventId: number) {
	return db
		.selectFrom('delegation')
		.leftJoin('organization', 'organization.id', 'delegation.organization_id')
		.select([
			'delegation.id',
			'delegation.name',
			'delegation.position',
			'organization.id as organization_id',
			'organization.name as organization_name',
			'organization.acronym as organization_acronym'
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
		.select([
			'p.id',
			'p.role',
			'p.delegation_id',
			'p.position_at_event',
			'p.rank_at_event',
			'p.rsvp_status',
			'p.responded_at',
			'person.id as person_id',
			'person.honorific',
			'person.given_name',
			'person.family_name',
			'person.native_name',
			'person.position as current_position',
			'person.rank as current_rank',
			'o.id as organization_id',
			'o.name as organization_name',
			'o.acronym as organization_acronym'
		])
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
