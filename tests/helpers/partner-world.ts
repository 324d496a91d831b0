/**
 * A partner and its meetings, for the dossier, brief and thread tests: IOM → its Regional Office → the Mission in
 * Azerbaijan, a sibling office under IOM, an unrelated organisation, and the Service on our side; a
 * meeting of the Service with the Regional Office, with both delegations.
 */
import type { Kysely } from 'kysely';
import type { Database, NewOutcome } from '$lib/server/db/schema';
import { insertEvent, insertOrganization, insertPerson } from './factories';

type Db = Kysely<Database>;

const stamps = () => ({ created_at: new Date().toISOString(), updated_at: new Date().toISOString() });

/** IOM → its Regional Office → the Mission in Azerbaijan, and the Service on our side. */
export async function iomTree(db: Db) {
	const iom = await insertOrganization(db, {
		name: 'International Organization for Migration',
		acronym: 'IOM',
		kind: 'international_organization',
		country_code: null
	});
	const office = await insertOrganization(db, {
		name: 'IOM Regional Office for South-Eastern Europe, Eastern Europe and Central Asia',
		acronym: null,
		kind: 'international_organization',
		parent_id: iom.id,
		country_code: 'AT'
	});
	const mission = await insertOrganization(db, {
		name: 'IOM Mission to Azerbaijan',
		acronym: null,
		kind: 'international_organization',
		parent_id: office.id
	});
	const sms = await insertOrganization(db);
	return { iom: iom.id, office: office.id, mission: mission.id, sms: sms.id };
}

/** The IOM tree with a sibling office under IOM and an organisation unrelated to it. */
export async function partnerTree(db: Db) {
	const tree = await iomTree(db);
	const sibling = await insertOrganization(db, {
		name: 'IOM Regional Office for the Middle East',
		acronym: null,
		kind: 'international_organization',
		parent_id: tree.iom,
		country_code: null
	});
	const unhcr = await insertOrganization(db, {
		name: 'UN Refugee Agency',
		acronym: 'UNHCR',
		kind: 'international_organization',
		country_code: null
	});
	return { ...tree, sibling: sibling.id, unhcr: unhcr.id };
}

export type PartnerTree = Awaited<ReturnType<typeof partnerTree>>;

export async function hostEvent(
	db: Db,
	eventId: number,
	organizationId: number,
	role: 'host' | 'co_host' = 'host',
	position = 0
) {
	await db
		.insertInto('event_organization')
		.values({ event_id: eventId, organization_id: organizationId, role, position })
		.execute();
}

/** A meeting at `start` (an hour long), hosted by `hostId`. */
export async function meetingWith(db: Db, hostId: number, start: string, title: string, fields = {}) {
	const startAt = new Date(start);
	const event = await insertEvent(db, {
		title,
		start_at: startAt.toISOString(),
		end_at: new Date(startAt.getTime() + 3_600_000).toISOString(),
		status: 'held',
		...fields
	});
	await hostEvent(db, event.id, hostId);
	return event.id;
}

export async function addOutcome(
	db: Db,
	fields: Partial<NewOutcome> & { title: string },
	parties: number[] = []
) {
	const { id } = await db
		.insertInto('outcome')
		.values({ kind: 'action_point', status: 'open', ...stamps(), ...fields })
		.returning('id')
		.executeTakeFirstOrThrow();
	if (parties.length > 0) {
		await db
			.insertInto('outcome_party')
			.values(parties.map((organization_id) => ({ outcome_id: id, organization_id })))
			.execute();
	}
	return id;
}

/** A side of the meeting with one person at its head. */
export async function sideWithHead(
	db: Db,
	eventId: number,
	side: { name: string; organizationId: number; position: number },
	person: { given: string; family: string; honorific: string; position: string | null }
) {
	const delegation = await db
		.insertInto('delegation')
		.values({
			event_id: eventId,
			name: side.name,
			organization_id: side.organizationId,
			position: side.position
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const someone = await insertPerson(db, {
		honorific: person.honorific,
		given_name: person.given,
		family_name: person.family,
		organization_id: side.organizationId,
		position: person.position
	});
	await db
		.insertInto('event_participant')
		.values({
			event_id: eventId,
			person_id: someone.id,
			role: 'head_of_delegation',
			delegation_id: delegation.id,
			organization_id: side.organizationId,
			position_at_event: person.position,
			...stamps()
		})
		.execute();
	return { delegationId: delegation.id, personId: someone.id };
}
