// @ts-check
import tseslint from 'typescript-eslint';
import boundaries from './eslint-rules/boundaries.js';
import storeSelectors from './eslint-rules/store-selectors.js';

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'out/**', 'node_modules/**', 'test-results/**', 'bench-results/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { ichimado: { rules: { ...boundaries.rules, ...storeSelectors.rules } } },
    rules: {
      'ichimado/boundaries': ['error', { root: import.meta.dirname }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='normalize'][arguments.0.value=/^NFK?C$/]",
          message: 'Never NFC/NFKC-normalize: names must keep their exact code points. Use a separate match key if you need folding.',
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts', 'preload/**/*.ts', 'common/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    rules: { 'no-console': 'error' },
  },
  {
    // components subscribe to store slices (eslint-rules/store-selectors.js): a keystroke re-renders only what shows it
    files: ['renderer/**/*.{ts,tsx}'],
    rules: { 'ichimado/store-selectors': ['error', { hooks: ['useApp', 'useCase', 'useCard', 'useSession', 'usePending'] }] },
  },
);
