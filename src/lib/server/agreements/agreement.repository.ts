/**
 * Queries over agreements: the register, one agreement with its parties, and where an
 * agreement stands on a given day, which the database works out from its dates (`agreementStateOn`).
 */
import { sql, type ExpressionBuilder, type Insertable, type Kysely } from 'kysely';
import type { AgreementState } from '../../vocabulary';
import { pageByKeyset } from '../db/keyset';
import { prepared, type Placeholders } from '../db/prepared';
import { hasLink, listLinkedOrganizations, listLinks, type LinkTable } from '../db/links';
import type { AgreementTable, Database, IsoDate } from '../db/schema';
import { eventRefColumns } from '../events/event.ref';
import type { PageRequest } from '../pagination';

export const AGREEMENT_PARTIES: LinkTable = {
	table: 'agreement_party',
	owner: 'agreement_id',
	target: 'organization_id'
};
export const AGREEMENT_LETTERS: LinkTable = {
	table: 'agreement_correspondence',
	owner: 'agreement_id',
	target: 'correspondence_id'
};

export interface AgreementFilter {
	/** A party to it. */
	organizationId?: number;
	state?: AgreementState;
	/** Signed in this year. */
	year?: number;
}

/**
 * Where an agreement stands on `today` (YYYY-MM-DD): the latest of its dates that has come wins —
 * terminated from the day the termination took effect, expired the day after it was last in force, in
 * force from its entry into force, then approved, signed (on a day that has come, or on a day nobody
 * recorded), and a draft before it is signed. The one
 * place this rule is written; dates still to come do not count yet.
 */
export function agreementStateOn(today: IsoDate) {
	return (eb: ExpressionBuilder<Database, 'agreement'>) =>
		eb
			.case()
			.when('agreement.terminated_on', '<=', today)
			.then(sql.lit<AgreementState>('terminated'))
			.when('agreement.in_force_until', '<', today)
			.then(sql.lit<AgreementState>('expired'))
			.when('agreement.in_force_on', '<=', today)
			.then(sql.lit<AgreementState>('in_force'))
			.when('agreement.approved_on', '<=', today)
			.then(sql.lit<AgreementState>('approved'))
			.when(eb.or([eb('agreement.signed_on', '<=', today), eb('agreement.signed_undated', '=', 1)]))
			.then(sql.lit<AgreementState>('signed'))
			.else(sql.lit<AgreementState>('draft'))
			.end();
}

/**
 * The register's sort key, spelled as the index agreement_register_idx spells it: the date of signature,
 * those without one sorting before every real date (last, newest first).
 */
const registerDate = sql<IsoDate>`coalesce(agreement.signed_on, '0001-01-01')`;

/** An agreement in brief with its state on `today`, as every list of agreements shows it. */
export function agreementsInBrief(db: Kysely<Database>, today: IsoDate) {
	return db
		.selectFrom('agreement')
		.select((eb) => [
			'agreement.id',
			'agreement.title',
			'agreement.signed_on',
			'agreement.signed_undated',
			'agreement.signed_place',
			'agreement.approved_on',
			'agreement.in_force_on',
			'agreement.in_force_until',
			'agreement.terminated_on',
			agreementStateOn(today)(eb).as('state'),
			registerDate.as('register_date')
		]);
}

export type AgreementSummaryRow = Awaited<ReturnType<typeof listAgreements>>[number];

/** One page of the register, latest signature first (keyset on the register date and id). */
export async function listAgreements(
	db: Kysely<Database>,
	filter: AgreementFilter,
	today: IsoDate,
	page: PageRequest
) {
	let query = agreementsInBrief(db, today);
	if (filter.organizationId)
		query = query.where(hasLink(AGREEMENT_PARTIES, 'agreement.id', filter.organizationId));
	if (filter.state) query = query.where((eb) => eb(agreementStateOn(today)(eb), '=', filter.state!));
	if (filter.year) {
		query = query
			.where(registerDate, '>=', `${filter.year}-01-01`)
			.where(registerDate, '<', `${filter.year + 1}-01-01`);
	}
	return pageByKeyset(query, page, { key: [registerDate, 'agreement.id'], order: 'desc' }).execute();
}

/** The agreements signed at an event, in the order of signature. */
export async function listAgreementsSignedAt(db: Kysely<Database>, eventId: number, today: IsoDate) {
	return agreementsSignedAt(db, { eventId, today });
}

const agreementsSignedAt = prepared((db, p: Placeholders<{ eventId: number; today: IsoDate }>) =>
	agreementsInBrief(db, p.today)
		.where('agreement.signed_event_id', '=', p.eventId)
		.orderBy(registerDate)
		.orderBy('agreement.id')
);

/** These agreements in brief, latest signature first (a project's, say). */
export async function listAgreementsById(db: Kysely<Database>, ids: number[], today: IsoDate) {
	if (ids.length === 0) return [];
	return agreementsInBrief(db, today)
		.where('agreement.id', 'in', ids)
		.orderBy(registerDate, 'desc')
		.orderBy('agreement.id', 'desc')
		.execute();
}

/** The agreement with its state and the event where it was signed. */
export async function findAgreement(db: Kysely<Database>, agreementId: number, today: IsoDate) {
	const row = await db
		.selectFrom('agreement')
		.leftJoin('event', 'event.id', 'agreement.signed_event_id')
		.selectAll('agreement')
		.select((eb) => [agreementStateOn(today)(eb).as('state'), ...eventRefColumns])
		.where('agreement.id', '=', agreementId)
		.executeTakeFirst();
	return row ?? null;
}

export type AgreementRow = NonNullable<Awaited<ReturnType<typeof findAgreement>>>;

/** The parties to several agreements at once, alphabetically. */
export async function listPartiesOfAgreements(db: Kysely<Database>, agreementIds: number[]) {
	return listLinkedOrganizations(db, AGREEMENT_PARTIES, agreementIds);
}

/** Every column of one agreement, as the edit form and a save need them. */
export async function findAgreementRow(db: Kysely<Database>, agreementId: number) {
	const row = await db.selectFrom('agreement').selectAll().where('id', '=', agreementId).executeTakeFirst();
	return row ?? null;
}

export async function listPartyIds(db: Kysely<Database>, agreementId: number): Promise<number[]> {
	return (await listLinks(db, AGREEMENT_PARTIES, [agreementId])).map((link) => link.targetId);
}

export async function insertAgreement(db: Kysely<Database>, values: Insertable<AgreementTable>) {
	return db.insertInto('agreement').values(values).returning('id').executeTakeFirstOrThrow();
}
