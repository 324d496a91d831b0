import { sql, type Kysely } from 'kysely';
import { columnTypes, isPostgres } from '../schema-kit';

/**
 * A person's feed shows the events of a window (a year back, two ahead) and their page the latest ones;
 * a person at ten thousand events should cost what the window holds, not every event they ever
 * attended, read and then sorted. So each participation carries its event's start, kept equal to it by
 * triggers whoever writes (a new participation takes it from its event; moving an event moves its
 * participations), and (person_id, event_start_at, event_id) lists one person's events in time order.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('event_participant')
		.addColumn('event_start_at', columnTypes(db).instant)
		.execute();
	await sql`update event_participant
		set event_start_at = (select start_at from event where event.id = event_participant.event_id)`.execute(db);
	await db.schema
		.createIndex('event_participant_person_start_idx')
		.on('event_participant')
		.columns(['person_id', 'event_start_at', 'event_id'])
		.execute();
	if (isPostgres(db)) {
		await sql`create function event_participant_take_start() returns trigger language plpgsql
			set search_path from current as $$
			begin
				new.event_start_at := (select start_at from event where id = new.event_id);
				return new;
			end
		$$`.execute(db);
		await sql`create trigger event_participant_take_start
			before insert or update of event_id, event_start_at on event_participant
			for each row execute function event_participant_take_start()`.execute(db);
		await sql`create function event_give_start() returns trigger language plpgsql
			set search_path from current as $$
			begin
				update event_participant set event_start_at = new.start_at where event_id = new.id;
				return new;
			end
		$$`.execute(db);
		await sql`create trigger event_give_start after update of start_at on event
			for each row when (old.start_at is distinct from new.start_at)
			execute function event_give_start()`.execute(db);
		return;
	}
	await sql`create trigger event_participant_take_start after insert on event_participant begin
		update event_participant set event_start_at = (select start_at from event where id = new.event_id)
			where id = new.id;
	end`.execute(db);
	await sql`create trigger event_participant_keep_start after update of event_id, event_start_at
		on event_participant
		when new.event_start_at is not (select start_at from event where id = new.event_id)
	begin
		update event_participant set event_start_at = (select start_at from event where id = new.event_id)
			where id = new.id;
	end`.execute(db);
	await sql`create trigger event_give_start after update of start_at on event
		when old.start_at is not new.start_at
	begin
		update event_participant set event_start_at = new.start_at where event_id = new.id;
	end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	if (isPostgres(db)) {
		await sql`drop trigger event_give_start on event`.execute(db);
		await sql`drop function event_give_start()`.execute(db);
		await sql`drop trigger event_participant_take_start on event_participant`.execute(db);
		await sql`drop function event_participant_take_start()`.execute(db);
	} else {
		await sql`drop trigger event_give_start`.execute(db);
		await sql`drop trigger event_participant_keep_start`.execute(db);
		await sql`drop trigger event_participant_take_start`.execute(db);
	}
	await db.schema.dropIndex('event_participant_person_start_idx').execute();
	await db.schema.alterTable('event_participant').dropColumn('event_start_at').execute();
}
