import type { Rule } from 'eslint';

declare const plugin: { rules: { 'store-selectors': Rule.RuleModule } };
export default plugin;
