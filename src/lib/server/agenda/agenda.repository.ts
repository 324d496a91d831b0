/** Queries over an event's programme. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { personAtEventColumns } from '../participants/participant.repository';

export async function listAgendaItems(db: Kysely<Database>, eventId: number) {
	return db
		.selectFrom('agenda_item')
		.select(['id', 'position', 'kind', 'title', 'start_at', 'end_at', 'notes', 'is_published'])
		.where('event_id', '=', eventId)
		.orderBy('position')
		.orderBy('id')
		.execute();
}

/** Everyone with a role on any item of the event, with the title they held at that event. */
export async function listAgendaRoles(db: Kysely<Database>, eventId: number) {
	return db
		.selectFrom('agenda_item_role as r')
		.innerJoin('agenda_item as i', 'i.id', 'r.agenda_item_id')
		.innerJoin('event_participant as p', 'p.id', 'r.participant_id')
		.innerJoin('person', 'person.id', 'p.person_id')
		.leftJoin('organization as o', 'o.id', 'p.organization_id')
		.select(['r.agenda_item_id', 'r.role', 'r.position', ...personAtEventColumns])
		.where('i.event_id', '=', eventId)
		.orderBy('r.agenda_item_id')
		.orderBy('r.position')
		.execute();
}
