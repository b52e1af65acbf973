import { describe, expect, it } from 'vitest';
import { FORMS, findForm } from '../../common/forms/registry';
import { personLabel } from '../../main/services/api/handlers';

/** The 氏名 column of the queue: the person an application names, never the form's title. */
describe('queue 氏名 of an application', () => {
  const filled = (formId: string, name: (bind: string) => string): Record<string, string> => {
    const form = findForm(formId)!;
    const v: Record<string, string> = {};
    for (const f of form.fields) if (f.kind === 'name' && f.bind) v[f.id] = name(f.bind);
    for (const g of form.groups ?? []) for (const f of g.fields) if (f.kind === 'name' && f.bind) v[`${g.id}.0.${f.id}`] = name(f.bind);
    return v;
  };

  it('every form that names a person shows that person (児童手当, 子ども医療費, 後期高齢, 介護 喪失, 死亡届 showed their title)', () => {
    for (const form of FORMS) {
      const label = personLabel(form, filled(form.id, (b) => (b.endsWith('familyName') ? '髙橋' : '一郎')));
      expect(label, form.id).toBe('髙橋\u3000一郎');
    }
  });

  it('takes the 名 of the same person as the 氏, and the 亡くなった方 on a 死亡届', () => {
    const v = filled('koseki-shibou', (b) => `${b.startsWith('subject') ? '故' : '届'}${b.endsWith('familyName') ? '氏' : '名'}`);
    expect(personLabel(findForm('koseki-shibou')!, v)).toBe('故氏\u3000故名');
  });

  it('falls back to the title only when no name was entered', () => {
    const f = findForm('jidou-teate-nintei')!;
    expect(personLabel(f, {})).toBe(f.title);
  });
});
