/**
 * A real IMAP server on loopback: Debian's Dovecot, started for the tests with a configuration of its own
 * in a temp dir (as /work/shared/test-services.md explains: imap-login runs as dovenull, the mail belongs
 * to a system user `vmail`, a passwd-file with {PLAIN} passwords, no TLS, a free port), and stopped by
 * its pid. Messages go in with IMAP APPEND, as another mail program would deliver them.
 *
 * Without the dovecot binary the IMAP tests are skipped with the reason, except in CI (CI=true), where
 * .ci/run installs it and they must run.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import { ImapFlow } from 'imapflow';
import { describe } from 'vitest';
import { freePort } from './server';

const DOVECOT = ['/usr/sbin/dovecot', '/usr/local/sbin/dovecot'].find((path) => existsSync(path)) ?? null;
export const MAIL_USER = 'vmail';

/** Why the IMAP tests cannot run here, or null. In CI a missing Dovecot is a failure, not a skip. */
export const dovecotMissing: string | null = DOVECOT
	? null
	: 'the dovecot binary is not installed (apt-get install dovecot-imapd)';
if (dovecotMissing && process.env.CI === 'true') {
	throw new Error(`Dovecot is missing: ${dovecotMissing}. CI must run the IMAP tests.`);
}

/** `describe` for tests that need Dovecot: skipped outside CI when it is missing, the title saying why. */
export function describeWithDovecot(title: string, body: () => void): void {
	if (dovecotMissing) describe.skip(`${title} — skipped: ${dovecotMissing}`, body);
	else describe(title, body);
}

export interface TestDovecot {
	port: number;
	user: string;
	password: string;
	/** IMAP_URL for the mailbox: imap://user:password@127.0.0.1:port/INBOX. */
	url: string;
	/** Puts a message in the mailbox (or `folder`) as a mail program would; returns its UID. */
	deliver(raw: string | Buffer, folder?: string): Promise<number>;
	/** Each message in `folder` by UID with its flags. */
	flagsOf(folder?: string): Promise<Map<number, Set<string>>>;
	/** A connected client of its own, for looking around; the caller logs out. */
	client(): Promise<ImapFlow>;
	/** Kills the server and its connections (a crash), waits `downMs`, starts it again on the same port and mail. */
	restart(downMs: number): Promise<void>;
	/** A new empty folder, so that a test reads only what it delivered; its IMAP_URL. */
	newFolder(name: string): Promise<string>;
	stop(): Promise<void>;
}

function ensureMailUser(): { uid: number; gid: number } {
	try {
		execFileSync('id', ['-u', MAIL_USER], { stdio: 'ignore' });
	} catch {
		execFileSync('useradd', ['-r', '-M', '-s', '/usr/sbin/nologin', MAIL_USER], { stdio: 'ignore' });
	}
	const uid = Number(execFileSync('id', ['-u', MAIL_USER], { encoding: 'utf8' }).trim());
	const gid = Number(execFileSync('id', ['-g', MAIL_USER], { encoding: 'utf8' }).trim());
	return { uid, gid };
}

function configuration(dir: string, port: number, uid: number, gid: number): string {
	return `
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
info_log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_login_user = dovenull
default_internal_user = dovecot
first_valid_uid = 1
first_valid_gid = 1
mail_location = maildir:${dir}/mail/%u
mail_uid = ${uid}
mail_gid = ${gid}
passdb {
  driver = passwd-file
  args = scheme=PLAIN ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${uid} gid=${gid} home=${dir}/mail/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
service stats {
  inet_listener http {
    port = 0
  }
}
namespace inbox {
  inbox = yes
  separator = /
  mailbox Processed {
    auto = create
  }
}
`;
}

async function waitForPort(port: number, child: ChildProcess, log: () => string) {
	const deadline = Date.now() + 15_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`dovecot exited (${child.exitCode}):\n${log()}`);
		const open = await new Promise<boolean>((resolve) => {
			const socket = connect(port, '127.0.0.1');
			socket.once('connect', () => {
				socket.destroy();
				resolve(true);
			});
			socket.once('error', () => resolve(false));
		});
		if (open) return;
		if (Date.now() > deadline) throw new Error(`dovecot did not listen on ${port}:\n${log()}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/** Dovecot 2.3's own capabilities less IDLE: a server that must be polled. */
const WITHOUT_IDLE =
	'IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE SORT SORT=DISPLAY THREAD=REFERENCES MULTIAPPEND UNSELECT ' +
	'CHILDREN NAMESPACE UIDPLUS LIST-EXTENDED I18NLEVEL=1 CONDSTORE QRESYNC ESEARCH ESORT SEARCHRES WITHIN ' +
	'CONTEXT=SEARCH LIST-STATUS BINARY MOVE LITERAL+';

/** `idle: false`: the server does not offer IDLE, as some do not. */
export async function startDovecot(options: { idle?: boolean } = {}): Promise<TestDovecot> {
	if (!DOVECOT) throw new Error(dovecotMissing!);
	const { uid, gid } = ensureMailUser();
	const dir = mkdtempSync(join(tmpdir(), 'protokol-dovecot-'));
	// The auth process runs as `dovecot` and must read the passwd-file; the mail is vmail's.
	chmodSync(dir, 0o755);
	mkdirSync(join(dir, 'mail'));
	execFileSync('chown', [`${uid}:${gid}`, join(dir, 'mail')]);
	const user = 'protocol@migration.example';
	const password = 'imap-test-secret';
	writeFileSync(join(dir, 'passwd'), `${user}:{PLAIN}${password}\n`, { mode: 0o644 });
	const port = await freePort();
	writeFileSync(
		join(dir, 'dovecot.conf'),
		configuration(dir, port, uid, gid) + (options.idle === false ? `imap_capability = ${WITHOUT_IDLE}\n` : '')
	);
	// Its log goes to dovecot.log: the processes it forks would hold pipes open past the master's exit.
	const log = () =>
		existsSync(join(dir, 'dovecot.log')) ? readFileSync(join(dir, 'dovecot.log'), 'utf8') : '';
	const launch = async () => {
		// A process group of its own, so that its forked processes can be ended with it, by its id.
		const child = spawn(DOVECOT, ['-c', join(dir, 'dovecot.conf'), '-F'], {
			stdio: 'ignore',
			detached: true
		});
		const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
		await waitForPort(port, child, log);
		return { child, exited };
	};
	const killGroup = (pid: number | undefined, signal: NodeJS.Signals) => {
		try {
			if (pid) process.kill(-pid, signal);
		} catch {
			// already gone
		}
	};
	/** SIGTERM: a clean stop; SIGKILL: the server and every connection it serves die at once. */
	const end = async ({ child, exited }: Awaited<ReturnType<typeof launch>>, signal: NodeJS.Signals) => {
		if (child.exitCode === null && child.signalCode === null) {
			if (signal === 'SIGKILL') killGroup(child.pid, 'SIGKILL');
			else child.kill(signal);
			const killer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 5_000);
			await exited;
			clearTimeout(killer);
		}
		killGroup(child.pid, 'SIGKILL');
	};
	let running = await launch();

	const client = async () => {
		const imap = new ImapFlow({
			host: '127.0.0.1',
			port,
			secure: false,
			auth: { user, pass: password },
			logger: false
		});
		await imap.connect();
		return imap;
	};

	return {
		port,
		user,
		password,
		url: `imap://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/INBOX`,
		async deliver(raw, folder = 'INBOX') {
			const imap = await client();
			try {
				const appended = await imap.append(folder, raw, []);
				if (!appended || !appended.uid) throw new Error('APPEND gave no UID');
				return appended.uid;
			} finally {
				await imap.logout();
			}
		},
		async flagsOf(folder = 'INBOX') {
			const imap = await client();
			try {
				await imap.mailboxOpen(folder, { readOnly: true });
				const flags = new Map<number, Set<string>>();
				for await (const message of imap.fetch('1:*', { uid: true, flags: true })) {
					flags.set(message.uid, message.flags ?? new Set());
				}
				return flags;
			} catch (error) {
				// An empty mailbox has no 1:*.
				if (/Invalid messageset|no messages/i.test(String(error))) return new Map();
				throw error;
			} finally {
				await imap.logout();
			}
		},
		client,
		async newFolder(name) {
			const imap = await client();
			try {
				await imap.mailboxCreate(name);
			} finally {
				await imap.logout();
			}
			return `imap://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(name)}`;
		},
		async restart(downMs) {
			await end(running, 'SIGKILL');
			await new Promise((resolve) => setTimeout(resolve, downMs));
			running = await launch();
		},
		async stop() {
			await end(running, 'SIGTERM');
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
