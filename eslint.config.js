import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{ ignores: ['build/', 'build-*/', '.svelte-kit/', '.svelte-kit-*/', 'node_modules/', 'data/'] },
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
		// One way to enhance a form: src/lib/forms/enhance.ts, which says on the page when a submission failed.
		files: ['src/**/*.svelte', 'src/**/*.ts'],
		ignores: ['src/lib/forms/enhance.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					paths: [
						{
							name: '$app/forms',
							importNames: ['enhance'],
							message: "Use enhanceForm from '$lib/forms/enhance': it shows a failed submission on the page."
						}
					]
				}
			]
		}
	}
);
