/**
 * Roles are checked where the rule lives: every write service refuses an actor whose role is too low
 * with Forbidden, before it reads or writes anything, whatever route (or script) called it. The hooks'
 * route-group guard is the outer wall (tests/http/access.test.ts); this is the inner one.
 *
 * Every function a service module exports is accounted for here: a read, a write with its role, or one
 * of the few that act without a signed-in actor. A new write service fails the first test until it is
 * listed, and then the second until it checks the role.
 */
import { expect, test } from 'vitest';
import type { Actor } from '$lib/server/audit/audit';
import { Forbidden } from '$lib/server/errors';
import type { UserRole } from '$lib/vocabulary';
import { describeEachEngine, type TestDatabase } from '../helpers/databases';

type ServiceFunction = (...args: unknown[]) => Promise<unknown>;

const modules = import.meta.glob<Record<string, unknown>>('/src/lib/server/**/*.service.ts', { eager: true });

const services = new Map<string, ServiceFunction>(
	Object.values(modules).flatMap((exports) =>
		Object.entries(exports).filter(
			(entry): entry is [string, ServiceFunction] => typeof entry[1] === 'function'
		)
	)
);

/** Writes, and the least role that may make them. */
const WRITES: Record<string, UserRole> = {
	carryActionPoints: 'officer',
	noteFollowUp: 'officer',
	addAgendaItem: 'officer',
	updateAgendaItem: 'officer',
	removeAgendaItem: 'officer',
	moveAgendaItem: 'officer',
	reorderAgendaItems: 'officer',
	assignToAgendaItem: 'officer',
	unassignFromAgendaItem: 'officer',
	createAgreement: 'officer',
	reviseAgreement: 'officer',
	setAgreementLetter: 'officer',
	createProject: 'officer',
	reviseProject: 'officer',
	setProjectLink: 'officer',
	createCorrespondence: 'officer',
	reviseCorrespondence: 'officer',
	registerCorrespondence: 'officer',
	discardDraft: 'officer',
	draftThankYouLetters: 'officer',
	attachCorrespondenceFile: 'officer',
	removeCorrespondenceFile: 'officer',
	createGift: 'officer',
	planVisit: 'officer',
	reviseVisit: 'officer',
	addVisitItem: 'officer',
	reviseVisitItem: 'officer',
	removeVisitItem: 'officer',
	moveVisitItem: 'officer',
	reviseGift: 'officer',
	setGiftEvent: 'officer',
	attachGiftPhoto: 'officer',
	removeGiftPhoto: 'officer',
	saveGuestNeeds: 'officer',
	generateSeatingPlan: 'officer',
	seatGuest: 'officer',
	swapSeats: 'officer',
	unseatGuest: 'officer',
	addSeatingTable: 'officer',
	changeSeatingTable: 'officer',
	removeSeatingTable: 'officer',
	markSeatingPrinted: 'officer',
	scheduleEvent: 'officer',
	duplicateEvent: 'officer',
	reviseEvent: 'officer',
	moveEvent: 'officer',
	changeEventStatus: 'officer',
	deleteEvent: 'officer',
	createFeed: 'officer',
	revokeFeed: 'officer',
	sendInvitations: 'officer',
	issuePersonalLink: 'officer',
	revokePersonalLinks: 'officer',
	retryOutboxMessage: 'officer',
	createOrganization: 'officer',
	reviseOrganization: 'officer',
	createOutcome: 'officer',
	reviseOutcome: 'officer',
	setOutcomeStatus: 'officer',
	setReminderChoice: 'officer',
	createDelegation: 'officer',
	renameDelegation: 'officer',
	removeDelegation: 'officer',
	assignDelegation: 'officer',
	markHeadOfDelegation: 'officer',
	moveParticipant: 'officer',
	resetPrecedence: 'officer',
	importParticipants: 'officer',
	inviteParticipant: 'officer',
	createPersonAndInvite: 'officer',
	inviteOrganization: 'officer',
	removeParticipant: 'officer',
	recordRsvp: 'officer',
	markAttendance: 'officer',
	acceptProposal: 'officer',
	declineProposal: 'officer',
	importInvitation: 'officer',
	importInboxInvitation: 'officer',
	dismissInboxInvitation: 'officer',
	createPerson: 'officer',
	revisePerson: 'officer',
	addPersonPosition: 'officer',
	revisePersonPosition: 'officer',
	removePersonPosition: 'officer',
	mergePeople: 'officer',
	deletePerson: 'officer',
	addTopic: 'officer',
	reviseTopic: 'officer',
	recordTopicDiscussion: 'officer',
	moveTopic: 'officer',
	removeTopic: 'officer',
	setTopicFollow: 'officer',
	turnTopicInto: 'officer',
	createVenue: 'officer',
	reviseVenue: 'officer',
	setTwoFactorRequired: 'admin',
	resetTwoFactor: 'admin',
	createUser: 'admin',
	setUserDisabled: 'admin',
	endUserSessions: 'admin',
	exportArchive: 'admin',
	issueApiToken: 'admin',
	revokeApiToken: 'admin',
	// A user's own account: any signed-in role.
	beginTwoFactorEnrolment: 'viewer',
	confirmTwoFactorEnrolment: 'viewer',
	verifySecondFactor: 'viewer',
	disableOwnTwoFactor: 'viewer',
	signOut: 'viewer',
	changePassword: 'viewer',
	chooseInterfaceLocale: 'viewer'
};

/** Reads only some roles may make, refused below that role as a write is. */
const RESTRICTED_READS: Record<string, UserRole> = {
	// Letters in the host's name before anyone has edited them.
	getThankYouLetters: 'officer'
};

/** Writes without a signed-in actor, each with its own proof instead of a role. */
const OWN_PROOF = [
	'createFirstAdministrator', // only while no user exists
	'signIn', // the password
	'respondToInvitation', // the personal link's secret
	'authenticateApiToken', // the read API token's secret
	'loadDemoData' // start-up, on an empty database
];

/** Steps of a write that has checked the role already (called inside its transaction), and upkeep. */
const INSIDE_A_WRITE = [
	'retimeAgenda',
	// generateSeatingPlan's writes, and the demo data loader's on an empty database.
	'writeGeneratedPlan',
	'queueEventUpdates',
	'queueDeletionCancellations',
	'queueParticipantCancellation',
	'queueInvitationRefresh',
	'setRsvpInTransaction',
	'addPersonInTransaction',
	'addOutcomeInTransaction',
	'addAgreementInTransaction',
	'refreshNameKeys',
	'rebuildNameKeys',
	'alignPostsAtEvents',
	'refreshSearchIndex',
	'rebuildSearchIndex',
	'refreshDossiers',
	'rebuildDossiers',
	'seriesNamed'
];

/** The operator's tools, run from the command line or the server's schedule, never for a request. */
const OPERATIONS = [
	'takeBackup',
	'verifyBackup',
	'restoreBackup',
	'DatabaseNotEmpty',
	'queueDailyDigests',
	// The inbox worker's, for each answer read from the office's mailbox: the sender is checked instead.
	'applyItipMessage'
];

const READ = /^(find|list|get|is|needs|must|search|to[A-Z]|describe|resolve|calendarFilename|preview)/;

test('every function a service exports is a read, a write with its role, or accounted for', () => {
	expect(services.size).toBeGreaterThan(80);
	const unaccounted = [...services.keys()].filter(
		(name) =>
			!READ.test(name) &&
			!(name in WRITES) &&
			!OWN_PROOF.includes(name) &&
			!INSIDE_A_WRITE.includes(name) &&
			!OPERATIONS.includes(name)
	);
	expect(unaccounted).toEqual([]);
	const missing = [
		...Object.keys(WRITES),
		...Object.keys(RESTRICTED_READS),
		...OWN_PROOF,
		...INSIDE_A_WRITE,
		...OPERATIONS
	].filter((name) => !services.has(name));
	expect(missing).toEqual([]);
});

const actorWith = (role: UserRole): Actor => ({ userId: null, label: `${role}@protokol.test`, role });
const BELOW: Record<UserRole, UserRole | null> = { viewer: null, officer: 'viewer', admin: 'officer' };

describeEachEngine('write services refuse a role too low, before touching anything', (engine) => {
	let handle: TestDatabase;

	const auditCount = async () =>
		Number(
			(
				await handle.db
					.selectFrom('audit_entry')
					.select((eb) => eb.fn.countAll().as('n'))
					.executeTakeFirstOrThrow()
			).n
		);

	test.each(Object.entries({ ...WRITES, ...RESTRICTED_READS }).filter(([, role]) => BELOW[role] !== null))(
		'%s needs %s',
		async (name, role) => {
			handle ??= await engine.open();
			const before = await auditCount();
			const write = services.get(name)!;
			// Ids and inputs that name nothing: the role is refused before anything is looked up.
			const refusal = await write(handle.db, actorWith(BELOW[role]!), 1, 1, 1, 1).catch((e: unknown) => e);
			expect(refusal).toBeInstanceOf(Forbidden);
			expect(await auditCount()).toBe(before);
		}
	);

	test('an officer may write where a viewer may not (the check is not a wall for everyone)', async () => {
		handle ??= await engine.open();
		const refusal = await services.get('createVenue')!(handle.db, actorWith('officer'), { name: '' }).catch(
			(e: unknown) => e
		);
		expect(refusal).not.toBeInstanceOf(Forbidden);
		await handle.cleanup();
	});
});
