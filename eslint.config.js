import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['node_modules', 'data', 'web/dist', 'dist', 'bench/results', 'bench/peers', 'bench/.peers', 'test-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // One owner per table (docs/adding-a-module.md): a module writes only through its own repository and
    // reaches another module's data through that module's service. Composition roots (services.ts, the CLI
    // bootstrap), tests, factories and benchmarks wire repositories themselves. The scope SQL lives in
    // server/lib/scope.ts, not in a repository.
    files: ['server/modules/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.factory.ts', '**/*.bench.ts', '**/*.bootstrap.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./[^/]+/[^/]+\\.repository(\\.js)?$',
              message:
                'Another module’s repository: call its service instead (one owner per table) | 另一模块的 repository：请调用其 service（每张表只有一个写入者）',
            },
          ],
        },
      ],
    },
  },
  {
    // The signed-in actor comes from actorOf(ctx), which refuses a missing one; never `ctx.actor!`.
    files: ['server/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "TSNonNullExpression > MemberExpression[property.name='actor']",
          message: 'Use actorOf(ctx) from server/lib/context.ts | 请用 actorOf(ctx) 取得当前用户',
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', '.ci/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly' } },
  },
);
