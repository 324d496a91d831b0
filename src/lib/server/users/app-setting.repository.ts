/** Queries over app_setting, the office's switches kept by key. Kysely only. */
import type { Insertable, Kysely } from 'kysely';
import type { AppSettingTable, Database } from '../db/schema';

export async function findSettingValue(db: Kysely<Database>, key: string): Promise<string | null> {
	const row = await db.selectFrom('app_setting').select('value').where('key', '=', key).executeTakeFirst();
	return row?.value ?? null;
}

/** Fails when the key is set already: a marker row that only one writer may add. */
export async function insertSetting(db: Kysely<Database>, setting: Insertable<AppSettingTable>) {
	await db.insertInto('app_setting').values(setting).execute();
}

export async function upsertSetting(db: Kysely<Database>, setting: Insertable<AppSettingTable>) {
	await db
		.insertInto('app_setting')
		.values(setting)
		.onConflict((oc) =>
			oc.column('key').doUpdateSet({ value: setting.value, updated_at: setting.updated_at })
		)
		.execute();
}
