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
			// By alias or by relative path: the pure layers import each other relatively.
			group: [
				'$lib/db',
				'$lib/db/*',
				'$lib/components',
				'$lib/components/*',
				'../**/db',
				'../**/db/*',
				'../**/components',
				'../**/components/*'
			],
			message: 'Pure code must not depend on db or UI.'
		},
		listUiPieces
	]
};

/**
 * The browser's globals, out of reach of the pure layers: their rules run in Node (the unit
 * tests, the benchmarks) and in workers (the CSV import), where there is no window or document,
 * and a rule that read the page's state would give different answers in each. What a rule needs
 * from the browser (a time zone offset, a stored choice) is passed in by its caller.
 */
const why = 'Pure rules run in Node, in workers and in the page, and must answer alike in each:';
const browserGlobals = [
	{ name: 'window', message: `${why} there is no window outside the page; pass the value in.` },
	{ name: 'document', message: `${why} there is no DOM outside the page; pass the value in.` },
	{ name: 'navigator', message: `${why} navigator is not the same in each; pass the value in.` },
	{
		name: 'localStorage',
		message: `${why} there is no storage outside the page; the caller reads it and passes it in.`
	},
	{
		name: 'sessionStorage',
		message: `${why} there is no storage outside the page; the caller reads it and passes it in.`
	},
	{ name: 'location', message: `${why} a worker's location is its script's; pass the address in.` }
];

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
		// No type-aware parse (projectService): no rule here needs types, svelte-check checks
		// them, and building a TypeScript program for every component makes lint the slowest step.
		languageOptions: {
			parserOptions: {
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
		// Codecs keep Blob, streams and crypto, which Node and workers have too.
		files: ['src/lib/io/**'],
		rules: {
			'no-restricted-imports': ['error', pureLayerImports],
			'no-restricted-globals': ['error', ...browserGlobals]
		}
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
			],
			'no-restricted-globals': ['error', ...browserGlobals]
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
