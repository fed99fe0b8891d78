// `npm run lint`. The recommended rules of ESLint and typescript-eslint, and the import boundaries of ADR 013 so an
// editor shows a crossing as it is typed (src/architecture.test.ts checks the same, and cycles, in `npm test`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const INFRASTRUCTURE = ['core', 'db', 'security', 'web', 'mail'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'dist/**', 'bench/results/**', 'src/web/static/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { console: 'readonly', process: 'readonly', URL: 'readonly' },
    },
    rules: {
      // Unused names are mistakes, except a deliberately ignored argument or binding.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      'no-undef': 'off', // TypeScript checks names; it knows Node's globals from @types/node
      // `interface Messages extends Words {}`: how a domain adds its words, kinds and fields (declaration merging).
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  {
    // A domain reaches another only through its index.ts, and never the wiring.
    files: ['src/*/**/*.ts', 'src/*/**/*.tsx'],
    // Tests beside the code may reach into what they test.
    ignores: [
      ...[...INFRASTRUCTURE, 'cli', 'backup'].map((f) => `src/${f}/**`),
      'src/**/*.test.ts',
      'src/**/*.test.tsx',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*/*', ...INFRASTRUCTURE.map((f) => `!../${f}/**`), '!../*/index.ts'],
              message: 'Another domain only through its index.ts (docs/CONVENTIONS.md).',
            },
            {
              group: ['../../*', '../cli/**', '../backup/**'],
              message: 'Domains do not import the wiring (src/*.ts, cli/, backup/).',
            },
          ],
        },
      ],
    },
  },
  {
    // The infrastructure imports no domain.
    files: INFRASTRUCTURE.flatMap((f) => [`src/${f}/**/*.ts`, `src/${f}/**/*.tsx`]),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*/**', ...INFRASTRUCTURE.map((f) => `!../${f}/**`), '../../*'],
              message: 'The infrastructure (core, db, security, web, mail) imports no domain and no wiring (ADR 013).',
            },
          ],
        },
      ],
    },
  },
);
