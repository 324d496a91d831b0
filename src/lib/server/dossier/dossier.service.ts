/**
 * The partner dossier: everything with an organisation and with every organisation below it — events
 * hosted, co-hosted or attended, correspondence each way, outcomes, agreements, projects — as one
 * timeline, newest first, under an account of the partner as it stands.
 *
 * The timeline is read from dossier_entry, which holds a row per record and per organisation it is with
 * (the linked ones and all above them). Triggers note every change that can move a record (a link added,
 * a date moved, an organisation moved under another parent) in dossier_pending; `refreshDossiers` works
 * those out again before a dossier answers and once at start, so no write service has to know.
 */
import type { Kysely } from 'kysely';
import type { DossierKind } from '../../vocabulary';
import { officeToday } from '../calendar/calendar.settings';
import type { Database } from '../db/schema';
import { findOrganizationPage } from '../organizations/organization.service';
import { toPage, type PageRequest } from '../pagination';
import { dossierEntriesOf } from './dossier.entries';
import {
	claimPendingDossierRecords,
	countDossierKinds,
	deleteDossierEntries,
	findDossierSpan,
	hasPendingDossierRecords,
	insertDossierEntries,
	listAgreementDates,
	listAgreementLinks,
	listAgreementsInForceOf,
	listAncestries,
	listCorrespondenceDates,
	listCorrespondenceLinks,
	listDossierTimeline,
	listEventDates,
	listEventLinks,
	listOpenActionPointsOf,
	listOutcomeDates,
	listOutcomeIdsOfEvents,
	listOutcomeLinks,
	listProjectDates,
	listProjectLinks,
	listRunningProjectsOf,
	lockDossierRefresh,
	markEveryRecordPending,
	requeueRecordsOf,
	type DatedRecord,
	type DossierFilter,
	type RecordLink
} from './dossier.repository';
import {
	toAgreementsInForce,
	toDossierFilterView,
	toDossierItem,
	toDossierKindCounts,
	toDossierYears,
	toOpenActionPoints,
	toRunningProjects,
	type DossierView
} from './dossier.view';

type Db = Kysely<Database>;

/** Records whose entries are written in one transaction. */
const REFRESH_BATCH = 500;

const SOURCES: Record<
	DossierKind,
	{
		dates: (db: Db, ids: number[]) => Promise<DatedRecord[]>;
		links: (db: Db, ids: number[]) => Promise<RecordLink[]>;
	}
> = {
	event: { dates: listEventDates, links: listEventLinks },
	correspondence: { dates: listCorrespondenceDates, links: listCorrespondenceLinks },
	outcome: { dates: listOutcomeDates, links: listOutcomeLinks },
	agreement: { dates: listAgreementDates, links: listAgreementLinks },
	project: { dates: listProjectDates, links: listProjectLinks }
};

const KINDS = Object.keys(SOURCES) as DossierKind[];

/**
 * Works out again the entries of every record noted since the last refresh. One query when nothing
 * changed; otherwise, per batch, one transaction of a fixed number of queries. Returns how many records
 * it went through.
 */
export async function refreshDossiers(db: Db): Promise<number> {
	if (!(await hasPendingDossierRecords(db))) return 0;
	let done = 0;
	for (;;) {
		const claimed = await db.transaction().execute(async (tx) => {
			await lockDossierRefresh(tx);
			const pending = await claimPendingDossierRecords(tx, REFRESH_BATCH);
			const ids = (type: DossierKind | 'organization') =>
				pending.filter((p) => p.record_type === type).map((p) => p.record_id);
			// An organisation moved under another parent: everything in its dossier waits its turn again.
			await requeueRecordsOf(tx, ids('organization'));
			const idsOf = new Map(KINDS.map((kind) => [kind, ids(kind)]));
			// An outcome is dated and placed by the meeting it came from.
			const outcomes = new Set([
				...idsOf.get('outcome')!,
				...(await listOutcomeIdsOfEvents(tx, ids('event')))
			]);
			idsOf.set('outcome', [...outcomes]);

			// One after another: inside a transaction they share its one connection.
			const found: { kind: DossierKind; records: DatedRecord[]; links: RecordLink[] }[] = [];
			for (const kind of KINDS) {
				const kindIds = idsOf.get(kind)!;
				if (kindIds.length === 0) continue;
				found.push({
					kind,
					records: await SOURCES[kind].dates(tx, kindIds),
					links: await SOURCES[kind].links(tx, kindIds)
				});
			}
			const linked = [...new Set(found.flatMap((f) => f.links.map((link) => link.organization_id)))];
			const ancestries = await listAncestries(tx, linked);
			for (const kind of KINDS) await deleteDossierEntries(tx, kind, idsOf.get(kind)!);
			await insertDossierEntries(
				tx,
				found.flatMap((f) => dossierEntriesOf(f.kind, f.records, f.links, ancestries))
			);
			return pending.length;
		});
		done += claimed;
		if (claimed < REFRESH_BATCH && !(await hasPendingDossierRecords(db))) return done;
	}
}

/** Works out every dossier from scratch (after a restore, or when in doubt). */
export async function rebuildDossiers(db: Db): Promise<number> {
	await markEveryRecordPending(db);
	return refreshDossiers(db);
}

/** Lines of the timeline per page, and of each list in the head. */
export const DOSSIER_PAGE_SIZE = 50;
const HEAD_LIMIT = 8;
/** The most a count of one kind in a dossier reads: more shows as "1000+". */
export const COUNT_LIMIT = 1000;

/**
 * An organisation's dossier, or null when there is no such organisation. A fixed number of queries
 * whatever its size: bringing entries up to date (one when nothing changed), the organisation page's
 * own (the organisation, its parents, sub-organisations and people), then the timeline page, the counts
 * per kind, the years it spans, open action points, agreements in force and projects running.
 */
export async function findDossier(
	db: Db,
	organizationId: number,
	filter: DossierFilter,
	page: PageRequest,
	now = new Date()
): Promise<DossierView | null> {
	await refreshDossiers(db);
	const organization = await findOrganizationPage(db, organizationId);
	if (!organization) return null;
	const today = officeToday(now);
	const { kind, ...unkinded } = filter;
	const [rows, counts, span, agreements, projects] = await Promise.all([
		listDossierTimeline(db, organizationId, filter, today, page),
		countDossierKinds(db, organizationId, unkinded, COUNT_LIMIT),
		findDossierSpan(db, organizationId),
		listAgreementsInForceOf(db, organizationId, today, HEAD_LIMIT),
		listRunningProjectsOf(db, organizationId, HEAD_LIMIT)
	]);
	// A dossier holding more outcomes than a count reads has its action points read along the board's order.
	const unfiltered =
		unkinded.year === undefined && !unkinded.ownOnly
			? counts
			: await countDossierKinds(db, organizationId, {}, COUNT_LIMIT);
	const held = unfiltered.find((row) => row.record_type === 'outcome')!.n;
	const actionPoints = await listOpenActionPointsOf(db, organizationId, HEAD_LIMIT, {
		fromBoard: held > COUNT_LIMIT
	});
	const timeline = toPage(rows, page, (row) =>
		kind ? [row.occurred_at, row.record_id] : [row.occurred_at, row.record_type, row.record_id]
	);
	const kinds = toDossierKindCounts(counts, COUNT_LIMIT);
	return {
		organization,
		filter: toDossierFilterView(filter),
		kinds,
		total: kinds.reduce((sum, k) => sum + k.count, 0),
		totalMore: kinds.some((k) => k.more),
		years: toDossierYears(span),
		timeline: { ...timeline, items: timeline.items.map(toDossierItem) },
		openActionPoints: toOpenActionPoints(actionPoints, HEAD_LIMIT, today),
		agreementsInForce: toAgreementsInForce(agreements, HEAD_LIMIT),
		runningProjects: toRunningProjects(projects, HEAD_LIMIT)
	};
}
