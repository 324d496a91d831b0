/**
 * Who the service tests act as: an officer at a documentation address (RFC 5737), and a second officer
 * for two saves that cross.
 */
import type { Actor } from '$lib/server/audit/audit';

export const officer: Actor = {
	userId: null,
	label: 'officer@protokol.test',
	clientAddress: '192.0.2.10',
	role: 'officer'
};

export const otherOfficer: Actor = {
	userId: null,
	label: 'other.officer@protokol.test',
	clientAddress: '192.0.2.11',
	role: 'officer'
};
