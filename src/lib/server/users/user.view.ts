import { userRoles, type UserRole } from '../../vocabulary';
import type { listUsers } from './user.repository';

export interface UserListItem {
	id: number;
	email: string;
	name: string;
	role: UserRole;
	roleLabel: string;
	disabled: boolean;
	twoFactorEnabled: boolean;
	lastLoginAt: string | null;
	sessionCount: number;
}

type UserRow = Omit<Awaited<ReturnType<typeof listUsers>>[number], 'session_count'> & {
	session_count: number | null;
};

export function toUserListItem(row: UserRow): UserListItem {
	return {
		id: row.id,
		email: row.email,
		name: row.name,
		role: row.role,
		roleLabel: userRoles.labels[row.role],
		disabled: row.disabled_at !== null,
		twoFactorEnabled: row.totp_enabled_at !== null,
		lastLoginAt: row.last_login_at,
		sessionCount: Number(row.session_count ?? 0)
	};
}
