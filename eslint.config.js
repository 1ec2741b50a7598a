import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

/**
 * The list engine (src/lib/list/, see its README) is one folder with two kinds of file: its
 * TypeScript is pure, for pure code and Node tests to use, except the cell writers (`*-cells.ts`),
 * which write into row elements; its components are Svelte. Pure code may import the pure kind.
 */
const listUiPieces = {
	group: ['**/list/*.svelte', '**/list/*-cells', '**/list/*-cells.ts'],
	message: "Pure code may use the list engine's pure pieces, not its components or cell writers."
};

/** Pure layers must not reach for storage, the DOM or the UI framework. */
const pureLayerImports = {
	patterns: [
		{ group: ['dexie', 'dexie/*'], message: 'Only src/lib/db may import Dexie.' },
		{ group: ['svelte', 'svelte/*', '$app/*'], message: 'Pure code must not import Svelte.' },
		{
			group: ['$lib/db/*', '$lib/components/*'],
			message: 'Pure code must not depend on db or UI.'
		},
		listUiPieces
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
		files: ['src/lib/io/**'],
		rules: { 'no-restricted-imports': ['error', pureLayerImports] }
	},
	{
		// The list engine builds on the domain (its rows are the domain's CustomerRow), not the
		// other way round.
		files: ['src/lib/domain/**', 'src/lib/sync/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						...pureLayerImports.patterns,
						{ group: ['**/list/*'], message: 'The domain must not depend on the list engine.' }
					]
				}
			]
		}
	},
	{
		// The list engine's pure pieces: no storage, no Svelte, no DOM, so that they run in Node.
		files: ['src/lib/list/**/*.ts'],
		ignores: ['src/lib/list/**/*-cells.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						...pureLayerImports.patterns,
						{ group: ['./*.svelte', './*-cells', './*-cells.ts'], message: listUiPieces.message }
					]
				}
			],
			'no-restricted-globals': [
				'error',
				{ name: 'document', message: 'Pure list code must run in Node: no DOM.' },
				{ name: 'window', message: 'Pure list code must run in Node: no DOM.' }
			]
		}
	},
	{
		// A cell writer writes into the row elements it is handed, and imports no storage or Svelte.
		files: ['src/lib/list/**/*-cells.ts'],
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
