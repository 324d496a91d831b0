/** Forms posted to the built server as a browser without JavaScript posts them. */
import { postForm } from './http';
import type { RunningServer } from './server';

/** Every field of the new-person form, empty: a test fills in the ones it is about. */
export const EMPTY_PERSON_FORM = {
	honorific: '',
	givenName: '',
	familyName: '',
	nativeName: '',
	position: '',
	rank: '',
	precedenceLevel: '',
	organizationId: '',
	email: '',
	phone: '',
	notes: ''
};

export interface BurstOfSaves {
	/** The family names of the people whose save was acknowledged (303), in the order acknowledged. */
	acknowledged: string[];
	/** How many saves were answered otherwise. */
	refused(): number;
	/** Resolves when every writer has ended: told to stop, or the server no longer takes connections. */
	stop(): Promise<void>;
}

/**
 * `writers` officers' sessions saving new people ("Burst Writer<w>-<i>", or `<family>` in place of
 * "Writer" so that several bursts on one database name new people) one after another, as fast as the
 * server takes them, until told to stop or the server stops answering.
 */
export function startBurstOfSaves(
	server: RunningServer,
	cookie: string,
	writers: number,
	family = 'Writer'
): BurstOfSaves {
	const acknowledged: string[] = [];
	let refused = 0;
	let writing = true;
	const writer = async (w: number) => {
		for (let i = 0; writing; i++) {
			const familyName = `${family}${w}-${i}`;
			try {
				const fields = { ...EMPTY_PERSON_FORM, givenName: 'Burst', familyName };
				const response = await postForm(server, '/people/new?/save', fields, { cookie });
				if (response.status === 303) acknowledged.push(familyName);
				else refused++;
			} catch {
				return; // The server has stopped taking connections.
			}
		}
	};
	const running = Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
	return {
		acknowledged,
		refused: () => refused,
		async stop() {
			writing = false;
			await running;
		}
	};
}
