import type { FormDefinition } from './form-definition';
import { juminIdoTenkyo } from './jumin-ido-tenkyo';

export const FORMS: readonly FormDefinition[] = [juminIdoTenkyo];

export function findForm(id: string): FormDefinition | undefined {
  return FORMS.find((f) => f.id === id);
}
