import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../schema-kit';

/**
 * PostgreSQL: a change noted for the search index or the dossiers while its record was already waiting
 * now holds that waiting row until the change commits (INSERT … ON CONFLICT DO UPDATE locks the row it
 * meets; DO NOTHING did not). Before, a refresh in another connection or process could take the row off
 * the list and write the record's document or entries from before the change — which, once committed,
 * noted nothing more: the index stayed one change behind until the record changed again. The refreshes
 * skip rows held this way (FOR UPDATE SKIP LOCKED in search.repository.ts and dossier.repository.ts)
 * and take them once the change has committed. SQLite writes one transaction at a time: nothing to do.
 */
export async function up(db: Kysely<any>): Promise<void> {
	if (!isPostgres(db)) return;
	await createNoteFunctions(
		db,
		sql`do update set entity_id = excluded.entity_id`,
		sql`do update set record_id = excluded.record_id`
	);
}

export async function down(db: Kysely<any>): Promise<void> {
	if (!isPostgres(db)) return;
	await createNoteFunctions(db, sql`do nothing`, sql`do nothing`);
}

async function createNoteFunctions(
	db: Kysely<any>,
	search: ReturnType<typeof sql>,
	dossier: ReturnType<typeof sql>
) {
	await sql`create or replace function search_pending_note() returns trigger language plpgsql
		set search_path from current as $$
		begin
			if tg_op = 'DELETE' then
				insert into search_pending (entity_type, entity_id) values (tg_argv[0], old.id)
					on conflict (entity_type, entity_id) ${search};
				return old;
			end if;
			insert into search_pending (entity_type, entity_id) values (tg_argv[0], new.id)
				on conflict (entity_type, entity_id) ${search};
			return new;
		end
	$$`.execute(db);
	await sql`create or replace function dossier_pending_note() returns trigger language plpgsql
		set search_path from current as $$
		declare
			ids integer[];
			id integer;
		begin
			if tg_op = 'DELETE' then
				ids := array[(to_jsonb(old) ->> tg_argv[1])::integer];
			elsif tg_op = 'UPDATE' then
				ids := array[(to_jsonb(old) ->> tg_argv[1])::integer, (to_jsonb(new) ->> tg_argv[1])::integer];
			else
				ids := array[(to_jsonb(new) ->> tg_argv[1])::integer];
			end if;
			foreach id in array ids loop
				if id is not null then
					insert into dossier_pending (record_type, record_id) values (tg_argv[0], id)
						on conflict (record_type, record_id) ${dossier};
				end if;
			end loop;
			return null;
		end
	$$`.execute(db);
}
