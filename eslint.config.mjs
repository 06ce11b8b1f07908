import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import { readFileSync } from 'node:fs';

// The subgraphs of SUBGRAPH_REGISTRY (libs/contracts), read from its source: one list for everything.
const SUBGRAPHS = [
  ...readFileSync(new URL('./libs/contracts/src/subgraph-registry.ts', import.meta.url), 'utf8').matchAll(
    /\{ name: '([a-z][a-z0-9]*)'/g,
  ),
].map((match) => match[1]);

const boundaries = (allow) => [
  'error',
  {
    enforceBuildableLibDependency: false,
    allow,
    depConstraints: [
      { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib', 'type:testing'] },
      { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
      { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:lib'] },
      { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib', 'type:testing', 'type:app'] },
    ],
  },
];

export default [
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.data/**',
      '.nx/**',
      'coverage/**',
      '**/migrations/Migration*.ts',
      'apps/dashboard/src/api/generated.ts',
      'apps/dashboard/dist.build-*/**',
    ],
  },
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': true, 'ts-ignore': true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Apps never import apps, libs never import apps.
      '@nx/enforce-module-boundaries': boundaries([]),
    },
  },
  {
    // em.getConnection().execute(...) runs outside the EntityManager's transaction (a pooled
    // connection of its own): a `for update` there locks nothing and a read misses the transaction's
    // own writes. em.execute(...) runs in the transaction when there is one, and as before otherwise.
    files: ['apps/*/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.property.name='execute'][callee.object.callee.property.name='getConnection']",
          message: 'Use em.execute(...): getConnection().execute runs outside the transaction.',
        },
        {
          selector: "VariableDeclarator > CallExpression[callee.property.name='getConnection']",
          message:
            'Use em.execute(...): a connection kept aside runs its statements outside the transaction.',
        },
      ],
    },
  },
  {
    // A subgraph's floors (issue 24): model/ (enums, record types) and common/ (validation, dates,
    // shared enums) import no feature folder, so every feature may import them without a cycle.
    // (their tests may check that the features derive from them)
    files: ['apps/*/src/model/**/*.ts', 'apps/*/src/common/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!model/|common/)',
              message: 'model/ and common/ import no feature: move what both need into model/ (or common/).',
            },
            {
              regex: '^\\.\\./\\.\\./',
              message: 'model/ and common/ import no feature: move what both need into model/ (or common/).',
            },
          ],
        },
      ],
    },
  },
  {
    // Tools compose the supergraph from the subgraphs' code and run them end to end: they alone
    // may import the apps' public entry points.
    files: ['tools/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries([
        ...SUBGRAPHS.map((name) => `@switchboard/${name}`),
        '@switchboard/gateway',
      ]),
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
