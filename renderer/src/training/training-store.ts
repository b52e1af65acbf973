import { create } from 'zustand';
import { findScenario, missedInCase, type Scenario } from '../../../common/training/scenarios';
import { findForm } from '../../../common/forms/registry';
import { DEFAULT_RULES } from '../../../common/navigator/default-rules';
import type { VisitCaseView } from '../../../common/contract/case-operations';

/**
 * The running scenario of 研修モード: which one, since when, how many actions the trainee took, which
 * hint is shown (or whether hints are hidden), and the result once it ends. The trainee's case is the
 * last one the 手続きナビ showed while the scenario ran (case-store hands it over).
 */
export interface ScenarioResult {
  scenarioId: string;
  title: string;
  seconds: number;
  actions: number;
  missed: string[];
}

interface TrainingState {
  active: { scenario: Scenario; startedAt: number; actions: number; step: number; caseSeen: VisitCaseView | null } | null;
  hintsHidden: boolean;
  result: ScenarioResult | null;
  start(id: string, now?: number): void;
  countAction(): void;
  seeCase(c: VisitCaseView | null): void;
  nextStep(): void;
  previousStep(): void;
  setHintsHidden(hidden: boolean): void;
  finish(now?: number): void;
  closeResult(): void;
}

const titleOfRule = (ruleId: string): string => {
  const rule = DEFAULT_RULES.find((r) => r.id === ruleId);
  return (rule && findForm(rule.formId)?.title) ?? ruleId;
};

export const useTraining = create<TrainingState>((set, get) => ({
  active: null,
  hintsHidden: false,
  result: null,
  start: (id, now = Date.now()) => {
    const scenario = findScenario(id);
    if (scenario) set({ active: { scenario, startedAt: now, actions: 0, step: 0, caseSeen: null }, result: null });
  },
  countAction: () => set((s) => (s.active ? { active: { ...s.active, actions: s.active.actions + 1 } } : {})),
  seeCase: (c) => set((s) => (s.active && c ? { active: { ...s.active, caseSeen: c } } : {})),
  nextStep: () => set((s) => (s.active ? { active: { ...s.active, step: Math.min(s.active.step + 1, s.active.scenario.steps.length - 1) } } : {})),
  previousStep: () => set((s) => (s.active ? { active: { ...s.active, step: Math.max(s.active.step - 1, 0) } } : {})),
  setHintsHidden: (hintsHidden) => set({ hintsHidden }),
  finish: (now = Date.now()) => {
    const a = get().active;
    if (!a) return;
    const c = a.caseSeen;
    const missed = missedInCase(
      a.scenario,
      c ? { chosenRuleIds: c.procedures.filter((p) => p.selected).map((p) => p.ruleId), submitted: c.status === 'submitted' } : null,
      titleOfRule,
    );
    set({
      active: null,
      result: { scenarioId: a.scenario.id, title: a.scenario.title, seconds: Math.round((now - a.startedAt) / 1000), actions: a.actions, missed },
    });
  },
  closeResult: () => set({ result: null }),
}));
