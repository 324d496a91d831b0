/**
 * Writing a record that carries a version and a set of links saved with it (an agreement and its
 * parties, a project and its partners), inside the caller's transaction: inserted, or saved if nobody
 * saved it since the version the officer saw, with its audit entry either way. A save from an older
 * version writes nothing and is refused with the record as it now stands. The write services of those
 * domains check the actor's role and open the transaction; this is the part they have in common.
 */
import type { Kysely } from 'kysely';
import { recordAction, type Actor } from '../audit/audit';
import { diffColumns } from '../audit/changes';
import { addLink, listLinks, removeLink, replaceLinks, type LinkTable } from '../db/links';
import type { Database } from '../db/schema';
import { updateAtVersion, type VersionedTable } from '../db/versioned';
import { NotFound, StaleRecord } from '../errors';

type Stamps = { created_at: string; updated_at: string };

/** How one kind of record is written: its columns and links from the input, and how it is read back. */
export interface VersionedRecord<Input, Columns extends Record<string, unknown>, Row, Values> {
	/** Its table, and its entity type in the audit log. */
	entity: VersionedTable;
	/** Said when a save comes from an older version. */
	staleMessage: string;
	/** Said when the record is not there (deleted, or never was). */
	missingMessage: string;
	/** The links saved with the record (null: it has none), and what the audit entry calls them. */
	links: LinkTable | null;
	linksName: string;
	columns(input: Input): Columns;
	linkIds(input: Input): number[];
	/** Refuses, beside the fields, what the input names that does not exist. */
	checkReferences(tx: Kysely<Database>, input: Input): Promise<void>;
	insert(tx: Kysely<Database>, row: Columns & Stamps): Promise<{ id: number }>;
	findRow(tx: Kysely<Database>, id: number): Promise<(Row & { version: number }) | null>;
	/** The record as its form shows it, for the notice of a stale save. */
	formValues(row: Row, linkIds: number[]): Values;
	/** The event the audit entry is filed under, if any. */
	eventIdOf(columns: Columns): number | null;
}

/** Inserts the record and its links; audited. Returns its id. */
export async function insertVersionedRecord<Input, Columns extends Record<string, unknown>, Row, Values>(
	tx: Kysely<Database>,
	actor: Actor,
	record: VersionedRecord<Input, Columns, Row, Values>,
	input: Input,
	now: Date
): Promise<number> {
	await record.checkReferences(tx, input);
	const at = now.toISOString();
	const columns = record.columns(input);
	const linkIds = record.linkIds(input);
	const { id } = await record.insert(tx, { ...columns, created_at: at, updated_at: at });
	if (record.links) await replaceLinks(tx, record.links, id, linkIds);
	await recordAction(tx, actor, {
		action: `${record.entity}.create`,
		entityType: record.entity,
		entityId: id,
		eventId: record.eventIdOf(columns),
		after: record.links ? { ...columns, [record.linksName]: linkIds } : columns
	});
	return id;
}

/**
 * Saves every column and the links if the record is still at `version`; otherwise StaleRecord with the
 * record as it stands. Audited with what changed, before and after; a save that changes nothing writes
 * nothing.
 */
export async function reviseVersionedRecord<
	Input,
	Columns extends Record<string, unknown>,
	Row extends { [K in keyof Columns]: unknown },
	Values
>(
	tx: Kysely<Database>,
	actor: Actor,
	record: VersionedRecord<Input, Columns, Row, Values>,
	id: number,
	version: number,
	input: Input,
	now: Date
): Promise<void> {
	const current = await record.findRow(tx, id);
	if (!current) throw new NotFound(record.missingMessage);
	const linkIds = record.links ? (await listLinks(tx, record.links, [id])).map((link) => link.targetId) : [];
	const stale = () => new StaleRecord(record.formValues(current, linkIds), record.staleMessage);
	if (current.version !== version) throw stale();
	await record.checkReferences(tx, input);
	const next = record.columns(input);
	const diff = diffColumns(current, next);
	const nextLinks = [...record.linkIds(input)].sort((a, b) => a - b);
	const linksChanged = nextLinks.join(',') !== linkIds.join(',');
	if (!diff.changed && !linksChanged) return;
	if (!(await updateAtVersion(tx, record.entity, id, version, { ...next, updated_at: now.toISOString() }))) {
		throw stale();
	}
	if (linksChanged && record.links) await replaceLinks(tx, record.links, id, nextLinks);
	const links = (ids: number[]) => (linksChanged ? { [record.linksName]: ids } : {});
	await recordAction(tx, actor, {
		action: `${record.entity}.update`,
		entityType: record.entity,
		entityId: id,
		eventId: record.eventIdOf(next),
		before: { ...diff.before, ...links(linkIds) },
		after: { ...diff.after, ...links(nextLinks) }
	});
}

/**
 * Links one record to another from the record's page, or unlinks it (a letter about an agreement, an
 * event of a project): NotFound when the record is gone, or, to link, the other one; audited when it
 * changed anything.
 */
export async function setRecordLink(
	tx: Kysely<Database>,
	actor: Actor,
	record: {
		entity: VersionedTable;
		missingMessage: string;
		findRow(tx: Kysely<Database>, id: number): Promise<unknown>;
	},
	ownerId: number,
	target: {
		link: LinkTable;
		kind: string;
		targetId: number;
		/** The record to link, or null when it is gone (`missing` says so). */
		find(tx: Kysely<Database>): Promise<unknown>;
		missing: string;
	},
	linked: boolean
): Promise<void> {
	if (!(await record.findRow(tx, ownerId))) throw new NotFound(record.missingMessage);
	if (linked && !(await target.find(tx))) throw new NotFound(target.missing);
	const { link, kind, targetId } = target;
	await changeLink(tx, actor, { entity: record.entity, ownerId, link, kind, targetId }, linked);
}

/**
 * Links one record to another, or unlinks it: audited when it changed anything. Both records exist: the
 * caller has checked.
 */
export async function changeLink(
	tx: Kysely<Database>,
	actor: Actor,
	change: {
		entity: VersionedTable;
		ownerId: number;
		link: LinkTable;
		kind: string;
		targetId: number;
		/** The event the audit entry is filed under, if any. */
		eventId?: number;
	},
	linked: boolean
): Promise<void> {
	const { entity, ownerId, link, kind, targetId, eventId } = change;
	const changed = linked
		? await addLink(tx, link, ownerId, targetId)
		: await removeLink(tx, link, ownerId, targetId);
	if (!changed) return;
	await recordAction(tx, actor, {
		action: `${entity}.${linked ? 'link' : 'unlink'}`,
		entityType: entity,
		entityId: ownerId,
		eventId,
		after: { [kind]: targetId }
	});
}
