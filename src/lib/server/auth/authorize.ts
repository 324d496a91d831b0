/**
 * The role check every write service makes first, before it reads anything: the hooks' route-group
 * guard is the outer wall, and this is the rule itself, where the write lives.
 */
import type { UserRole } from '../../vocabulary';
import type { Actor } from '../audit/audit';
import { Forbidden } from '../errors';
import { hasRole } from './access';

export function authorize(actor: Actor, role: UserRole): void {
	if (actor.role === 'system') return;
	if (!hasRole({ role: actor.role }, role)) {
		throw new Forbidden(
			role === 'admin' ? 'Only an administrator may do this.' : 'Your role does not allow this change.'
		);
	}
}
