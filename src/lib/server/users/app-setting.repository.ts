/** Queries over app_setting, the office's switches kept by key. Kysely only. */
import type { Insertable, Kysely } from 'kysely';
import type { AppSettingTable, Database } from '../db/schema';
import { prepared, type Placeholders } from '../db/prepared';

// Read by every signed-in request (whether two-factor sign-in is required): built and compiled once.
const settingValue = prepared((db, p: Placeholders<{ key: string }>) =>
	db.selectFrom('app_setting').select('value').where('key', '=', p.key)
);

export async function findSettingValue(db: Kysely<Database>, key: string): Promise<string | null> {
	const [row] = await settingValue(db, { key });
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
