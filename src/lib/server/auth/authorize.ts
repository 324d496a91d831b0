/**
 * The role check every write service makes first, before it reads anything: the hooks' route-group
 * guard is the outer wall, and this is the rule itself, where the write lives.
 */
import type { UserRole } from '../../vocabulary';
import type { Actor } from '../audit/audit';
import { Forbidden } from '../errors';
import { hasRole } from './access';
import { m } from '../../paraglide/messages.js';

export function authorize(actor: Actor, role: UserRole): void {
	if (actor.role === 'system') return;
	if (!hasRole({ role: actor.role }, role)) {
		throw new Forbidden(role === 'admin' ? m.auth_error_admin_only() : m.auth_error_role_forbids());
	}
}
