import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const inRepository = 'Queries belong in a *.repository.ts (docs/architecture.md); call one from here.';
/** A query builder or raw SQL: what only repositories, migrations and src/lib/server/db may hold. */
const queryOutsideRepositories = [
	{
		selector:
			'MemberExpression[property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)$/]',
		message: inRepository
	},
	{
		selector: "ImportDeclaration[source.value='kysely'] ImportSpecifier[imported.name='sql']",
		message: inRepository
	},
	{ selector: "TaggedTemplateExpression[tag.name='sql']", message: inRepository },
	{ selector: "MemberExpression[object.name='sql']", message: inRepository }
];

/** One way to enhance a form: enhanceForm (src/lib/forms/), which says on the page when a submission failed. */
const enhanceOnlyThroughOurs = {
	name: '$app/forms',
	importNames: ['enhance'],
	message: "Use enhanceForm from '$lib/forms/enhance': it shows a failed submission on the page."
};

const noRepositoriesInRoutes = {
	group: ['**/*.repository', '**/*.repository.js', '**/*.repository.ts'],
	message: 'Routes call services; repositories are for services (docs/architecture.md).'
};

export default ts.config(
	{
		ignores: [
			'build/',
			'build-*/',
			'.svelte-kit/',
			'.svelte-kit-*/',
			'node_modules/',
			'data/',
			'src/lib/paraglide/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			// The app is served at the root (no paths.base), so a plain href is already the resolved one.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		// The migrations are typed against Kysely<any> on purpose: they must never import app types.
		files: ['db/migrations/**/*.ts', 'db/schema-kit.ts'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' }
	},
	{
		// SQL lives in repositories (docs/architecture.md): a query anywhere else is an error.
		files: ['**/*.js', '**/*.ts', '**/*.svelte'],
		ignores: [
			'**/*.repository.ts',
			'src/lib/server/db/**',
			'db/migrations/**',
			'db/schema-kit.ts',
			// Tests arrange rows and look at what was written directly: the database is what they check.
			'tests/**'
		],
		rules: { 'no-restricted-syntax': ['error', ...queryOutsideRepositories] }
	},
	{
		files: ['src/**/*.svelte', 'src/**/*.ts'],
		ignores: ['src/lib/forms/submissions.ts'],
		rules: { 'no-restricted-imports': ['error', { paths: [enhanceOnlyThroughOurs] }] }
	},
	{
		// The same rule again, with routes' own patterns: a later block's options replace an earlier one's.
		files: ['src/routes/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ paths: [enhanceOnlyThroughOurs], patterns: [noRepositoriesInRoutes] }
			]
		}
	}
);
