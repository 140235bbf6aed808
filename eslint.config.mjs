import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.azurite/', 'coverage/', 'test-artifacts/', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name=/^(only|skip)$/]", message: 'No .only / .skip on main.' },
      ],
    },
  },
  // The arrows that must not exist (README "Tiers"). Paths are matched as written in the import.
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@azure/*', 'node:*', 'fs', 'http', 'office-*'], message: 'shared/ is pure: no Azure SDK, Node or Office.' },
            { regex: '(^|/)(addin|functions)(/|$)', message: 'shared/ imports nothing from addin/ or functions/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['addin/sheet/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)(excel|pane)(/|$)', message: 'addin/sheet is pure: nothing from excel/ (Office.js) or pane/ (DOM).' }] },
      ],
    },
  },
  {
    files: ['functions/storage/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!\\.\\./)',
              message: 'functions/storage imports nothing from the rest of functions/ (http/ maps storage errors, not the reverse).',
            },
          ],
        },
      ],
    },
  },
);
