/** Queries over the gifts register: the register, one gift, a year's report, and the photographs' content. */
import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Database, GiftTable } from '../db/schema';
import { pageByKeyset } from '../db/keyset';
import type { PageRequest } from '../pagination';
import type { GiftFilter } from './gift.input';

/** Givers and recipients by name: each side a person, an organisation, or both. */
const giftListColumns = [
	'gift.id',
	'gift.direction',
	'gift.given_on',
	'gift.description',
	'gift.value_minor',
	'gift.currency',
	'gift.disposition',
	'gift.disposition_on',
	'gift.event_id',
	'gift.photo_sha256',
	'giver_person.id as giver_person_id',
	'giver_person.honorific as giver_person_honorific',
	'giver_person.given_name as giver_person_given_name',
	'giver_person.family_name as giver_person_family_name',
	'giver_org.id as giver_organization_id',
	'giver_org.name as giver_organization_name',
	'giver_org.acronym as giver_organization_acronym',
	'recipient_person.id as recipient_person_id',
	'recipient_person.honorific as recipient_person_honorific',
	'recipient_person.given_name as recipient_person_given_name',
	'recipient_person.family_name as recipient_person_family_name',
	'recipient_org.id as recipient_organization_id',
	'recipient_org.name as recipient_organization_name',
	'recipient_org.acronym as recipient_organization_acronym',
	'event.title as event_title'
] as const;

function giftsWithParties(db: Kysely<Database>) {
	return db
		.selectFrom('gift')
		.leftJoin('person as giver_person', 'giver_person.id', 'gift.giver_person_id')
		.leftJoin('organization as giver_org', 'giver_org.id', 'gift.giver_organization_id')
		.leftJoin('person as recipient_person', 'recipient_person.id', 'gift.recipient_person_id')
		.leftJoin('organization as recipient_org', 'recipient_org.id', 'gift.recipient_organization_id')
		.leftJoin('event', 'event.id', 'gift.event_id')
		.select(giftListColumns);
}

export type GiftListRow = Awaited<ReturnType<ReturnType<typeof giftsWithParties>['execute']>>[number];

const yearBounds = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;

/** One page of the register, latest first (keyset on the date and id: gift_given_on_idx). Fetches limit + 1 rows. */
export async function listGifts(db: Kysely<Database>, filter: GiftFilter, page: PageRequest) {
	let query = giftsWithParties(db);
	if (filter.year) {
		const [from, to] = yearBounds(filter.year);
		query = query.where('gift.given_on', '>=', from).where('gift.given_on', '<=', to);
	}
	if (filter.direction) query = query.where('gift.direction', '=', filter.direction);
	if (filter.disposition) query = query.where('gift.disposition', '=', filter.disposition);
	return pageByKeyset(query, page, { key: ['gift.given_on', 'gift.id'], order: 'desc' }).execute();
}

/**
 * A year's gifts from or to this person (or organisation), in date order: each side's index
 * (gift_giver_person_idx …) serves its half, and a year of one party's gifts is a short list.
 */
export async function listGiftsOfParty(
	db: Kysely<Database>,
	party: { kind: 'person' | 'organization'; id: number },
	year: number
) {
	const [from, to] = yearBounds(year);
	const giver = party.kind === 'person' ? 'gift.giver_person_id' : 'gift.giver_organization_id';
	const recipient = party.kind === 'person' ? 'gift.recipient_person_id' : 'gift.recipient_organization_id';
	return giftsWithParties(db)
		.where((eb) => eb.or([eb(giver, '=', party.id), eb(recipient, '=', party.id)]))
		.where('gift.given_on', '>=', from)
		.where('gift.given_on', '<=', to)
		.orderBy('gift.given_on')
		.orderBy('gift.id')
		.execute();
}

/** One gift with its parties and event by name. */
export async function findGift(db: Kysely<Database>, giftId: number) {
	const row = await giftsWithParties(db)
		.select([
			'gift.disposition_note',
			'gift.notes',
			'gift.photo_name',
			'gift.photo_size',
			'gift.version',
			'gift.created_at',
			'gift.updated_at'
		])
		.where('gift.id', '=', giftId)
		.executeTakeFirst();
	return row ?? null;
}

/** Every column of one gift, as the edit form and a save need them. */
export async function findGiftRow(db: Kysely<Database>, giftId: number) {
	const row = await db.selectFrom('gift').selectAll().where('id', '=', giftId).executeTakeFirst();
	return row ?? null;
}

export async function insertGift(db: Kysely<Database>, values: Insertable<GiftTable>) {
	return db.insertInto('gift').values(values).returning('id').executeTakeFirstOrThrow();
}

/** Sets or clears the photograph (and the event) without touching the rest, raising the version. */
export async function updateGiftAttachment(
	db: Kysely<Database>,
	giftId: number,
	values: Pick<
		Updateable<GiftTable>,
		'photo_sha256' | 'photo_content_type' | 'photo_size' | 'photo_name' | 'event_id' | 'updated_at'
	>
) {
	const result = await db
		.updateTable('gift')
		.set({ ...values, version: sql`version + 1` })
		.where('id', '=', giftId)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

export async function findEventTitle(db: Kysely<Database>, eventId: number) {
	const row = await db
		.selectFrom('event')
		.select(['id', 'title'])
		.where('id', '=', eventId)
		.executeTakeFirst();
	return row ?? null;
}
