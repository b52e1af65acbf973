import type { Rule } from 'eslint';

declare const plugin: { rules: { boundaries: Rule.RuleModule } };
export default plugin;
export function worldOf(rel: string): string | null;
export function refusal(world: string, specifier: string, targetWorld: string | null): string | null;
