import { findForm } from '../forms/registry';
import { pathText, zodIssueJa } from '../validation/zod-ja';
import { DEFAULT_RULES } from './default-rules';
import { cityConfig, navigatorRule } from './rule-schema';
import type { NavigatorRule } from './rule-types';

/**
 * A city's adjustments to the default rules, as JSON its IT staff write:
 *   { "disable": ["tennyu-inkan"],
 *     "change": { "tennyu-kodomo-iryo": { "who": { "all": [{ "relation": ["子"] }, { "untilFiscalYearEndAfterAge": 15 }] } } },
 *     "add": [ { "id": "city-gomi", ... } ] }
 * Everything is checked before use; a mistake is refused with a Japanese message naming the rule.
 */
export class CityConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CityConfigError';
  }
}

export function applyCityConfig(input: unknown, base: readonly NavigatorRule[] = DEFAULT_RULES): NavigatorRule[] {
  const parsed = cityConfig.safeParse(input);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new CityConfigError(`市の規則設定が不正です：${pathText(i.path)}: ${zodIssueJa(i)}。`);
  }
  const config = parsed.data;
  const ids = new Set(base.map((r) => r.id));
  for (const id of [...(config.disable ?? []), ...Object.keys(config.change ?? {})]) {
    if (!ids.has(id)) throw new CityConfigError(`市の規則設定が不正です：規則「${id}」はありません。`);
  }
  const disabled = new Set(config.disable ?? []);
  const rules: NavigatorRule[] = base.filter((r) => !disabled.has(r.id)).map((r) => ({ ...r, ...(config.change?.[r.id] ?? {}) }));
  for (const added of config.add ?? []) {
    if (rules.some((r) => r.id === added.id) || ids.has(added.id)) throw new CityConfigError(`市の規則設定が不正です：規則「${added.id}」は既にあります。`);
    rules.push(added);
  }
  for (const r of rules) {
    // a changed rule must still be a valid rule (e.g. scope changed to household without who)
    const check = navigatorRule.safeParse(r);
    if (!check.success) throw new CityConfigError(`市の規則設定が不正です：規則「${r.id}」の${pathText(check.error.issues[0]!.path)}: ${zodIssueJa(check.error.issues[0]!)}。`);
    if (!findForm(r.formId)) throw new CityConfigError(`市の規則設定が不正です：規則「${r.id}」の様式「${r.formId}」は登録されていません。`);
  }
  return rules;
}
