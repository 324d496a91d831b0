import { m } from '$lib/paraglide/messages';
import { chooserFieldWords } from '$lib/server/choosers/chooser-field.words';
import { sharedWords, displayWords } from '$lib/server/i18n/shared.words';
import { userRoles } from '$lib/vocabulary';
import type { LayoutServerLoad } from './$types';

/**
 * The signed-in user and the words of the frame around every page (sections, user menu), in the language of
 * the request: the layout shows them as given, so the browser is not sent each of them in three languages
 * (about 2 KiB gzip on every page; see docs/performance.md). The language changes only by a reload (the
 * switcher is a form), which runs this again. So are the record choosers' (RecordChooser.svelte reads them
 * from here), which some thirty pages show, and those of other shared components many pages show
 * (src/lib/server/i18n/shared.words.ts).
 */
export const load: LayoutServerLoad = ({ locals }) => {
	const { user } = locals;
	return {
		user: user
			? { name: user.name, email: user.email, role: user.role, roleLabel: userRoles.labels[user.role] }
			: null,
		frame: {
			sections: [
				{ href: '/', label: m.layout_nav_home() },
				{ href: '/events', label: m.layout_nav_events() },
				{ href: '/calendar', label: m.layout_nav_calendar() },
				{ href: '/actions', label: m.layout_nav_actions() },
				{ href: '/outcomes', label: m.layout_nav_outcomes() },
				{ href: '/agreements', label: m.layout_nav_agreements() },
				{ href: '/projects', label: m.layout_nav_projects() },
				{ href: '/correspondence', label: m.layout_nav_correspondence() },
				{ href: '/gifts', label: m.layout_nav_gifts() },
				{ href: '/visits', label: m.layout_nav_visits() },
				{ href: '/people', label: m.layout_nav_people() },
				{ href: '/organizations', label: m.layout_nav_organizations() },
				{ href: '/venues', label: m.layout_nav_venues() },
				{ href: '/search', label: m.layout_nav_search() }
			],
			skipToContent: m.layout_skip_to_content(),
			mainNavigation: m.layout_main_navigation(),
			inbox: m.layout_inbox(),
			outbox: m.layout_outbox(),
			users: m.layout_users(),
			auditLog: m.layout_audit_log(),
			export: m.layout_export(),
			apiTokens: m.layout_api_tokens(),
			signOut: m.layout_sign_out()
		},
		chooserWords: chooserFieldWords(),
		sharedWords: sharedWords(),
		displayWords: displayWords()
	};
};
