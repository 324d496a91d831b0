import type { RequestEvent } from '@sveltejs/kit';
import type { Actor } from '../audit/audit';
import type { SessionUser } from './session';

/** The signed-in user of a request, as services check their role and the audit trail names them. */
export function actorOf(
	event: Pick<RequestEvent, 'getClientAddress'> & { locals: { user: SessionUser | null } }
): Actor & {
	userId: number;
} {
	const { user } = event.locals;
	if (!user) throw new Error('actorOf needs a signed-in user: the hooks let no anonymous request get here');
	return { userId: user.id, label: user.email, role: user.role, clientAddress: event.getClientAddress() };
}
