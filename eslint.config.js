import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

/** Pure layers must not reach for storage, the DOM or the UI framework. */
const pureLayerImports = {
	patterns: [
		{ group: ['dexie', 'dexie/*'], message: 'Only src/lib/db may import Dexie.' },
		{ group: ['svelte', 'svelte/*', '$app/*'], message: 'Pure code must not import Svelte.' },
		{ group: ['$lib/db/*', '$lib/components/*'], message: 'Pure code must not depend on db or UI.' }
	]
};

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
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
		rules: {
			// User data must never be rendered as HTML.
			'svelte/no-at-html-tags': 'error',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			]
		}
	},
	{
		files: ['src/**/*.{ts,svelte}'],
		ignores: ['src/lib/db/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					paths: [
						{ name: 'dexie', message: 'Only src/lib/db may import Dexie; call a repository.' }
					]
				}
			]
		}
	},
	{
		files: ['src/lib/domain/**', 'src/lib/sync/**', 'src/lib/io/**'],
		rules: { 'no-restricted-imports': ['error', pureLayerImports] }
	},
	{
		ignores: [
			'build/',
			'build-*/',
			'.svelte-kit*/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			'bench/results/'
		]
	}
);
