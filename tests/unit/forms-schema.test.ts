import { describe, expect, it } from 'vitest';
import { FORMS, findForm } from '../../common/forms/registry';
import { FormDefinitionError, loadFormDefinition, loadFormDefinitions } from '../../common/forms/form-schema';
import { juminIdoTenkyo } from '../../common/forms/jumin-ido-tenkyo';
import { STANDARD_GYOMU } from '../../common/domain/gyomu';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

function refusal(def: unknown): FormDefinitionError {
  try {
    loadFormDefinition(def);
  } catch (err) {
    if (err instanceof FormDefinitionError) return err;
    throw err;
  }
  throw new Error('definition was accepted');
}

describe('built-in form definitions', () => {
  it('has every form issue 5 lists, with its standardized 業務', () => {
    const expected: Record<string, string> = {
      'jumin-ido-tennyu': '住民基本台帳',
      'jumin-ido-tenshutsu': '住民基本台帳',
      'jumin-ido-tenkyo-setai': '住民基本台帳',
      'jumin-ido-setai-henko': '住民基本台帳',
      'juminhyo-koufu': '住民基本台帳',
      'inkan-toroku': '印鑑登録',
      'kokuho-shikaku-shutoku': '国民健康保険',
      'kokuho-shikaku-soshitsu': '国民健康保険',
      'kokumin-nenkin-hihokensha': '国民年金',
      'jidou-teate-nintei': '児童手当',
      'jidou-teate-jusho-henko': '児童手当',
      'kaigo-shikaku-ido': '介護保険',
      'kouki-shikaku-shutoku': '後期高齢者医療',
      'shugaku-tennyugaku': '就学',
      'kodomo-iryo-jukyu': '子ども医療費助成',
      'kouki-shikaku-soshitsu': '後期高齢者医療',
      'kaigo-shikaku-soshitsu': '介護保険',
      'kokuho-sousaihi': '国民健康保険',
      'kouki-sousaihi': '後期高齢者医療',
    };
    for (const [id, gyomu] of Object.entries(expected)) expect(findForm(id)?.gyomu, id).toBe(gyomu);
  });

  it('covers at least 6 of the 20 standardized 業務, each spelled as in the national list', () => {
    const standard = new Set(FORMS.filter((f) => !f.localGyomu).map((f) => f.gyomu));
    for (const g of standard) expect(STANDARD_GYOMU).toContain(g);
    expect(standard.size).toBeGreaterThanOrEqual(6);
    // only the city's own 子ども医療費 is outside the list
    expect(FORMS.filter((f) => f.localGyomu).map((f) => f.id)).toEqual(['kodomo-iryo-jukyu']);
  });

  it('keeps the walking-skeleton 転居 form: same id, version and eight field ids', () => {
    expect(findForm('jumin-ido-tenkyo')).toBe(juminIdoTenkyo);
    expect(juminIdoTenkyo.version).toBe(1);
    expect(juminIdoTenkyo.fields.map((f) => f.id)).toEqual(['familyName', 'givenName', 'familyNameKana', 'givenNameKana', 'birthDate', 'newAddress', 'oldAddress', 'moveDate']);
    expect(juminIdoTenkyo.groups).toBeUndefined();
  });

  it('住民異動届 forms list several persons, with 氏名・ふりがな・生年月日・性別・続柄 each', () => {
    for (const id of ['jumin-ido-tennyu', 'jumin-ido-tenshutsu', 'jumin-ido-tenkyo-setai', 'jumin-ido-setai-henko']) {
      const g = findForm(id)!.groups!.find((x) => x.id === 'persons')!;
      expect(g.max, id).toBeGreaterThanOrEqual(6);
      expect(g.fields.map((f) => f.id), id).toEqual(expect.arrayContaining(['familyName', 'givenName', 'familyNameKana', 'givenNameKana', 'birthDate', 'sex', 'relation']));
    }
  });

  it('every form is versioned, prints on A4 with a section for every field, and binds name fields to case data', () => {
    for (const f of FORMS) {
      expect(f.version, f.id).toBeGreaterThanOrEqual(1);
      expect(f.print?.paper, f.id).toBe('A4');
      const all = [...f.fields, ...(f.groups ?? []).flatMap((g) => g.fields)];
      for (const field of all) {
        expect(field.print, `${f.id}.${field.id}`).toBeDefined();
        if (field.kind === 'name' && /^(familyName|givenName)$/.test(field.id)) expect(field.bind, `${f.id}.${field.id}`).toBeDefined();
      }
    }
  });
});

describe('quick picks (FieldDef.suggestions)', () => {
  it('offer the usual insurers where a form asks for an insurer name, the city\'s 国保 where it can be the answer', () => {
    const picks = (form: string, field: string) => findForm(form)!.fields.find((f) => f.id === field)!.suggestions;
    expect(picks('kodomo-iryo-jukyu', 'insurerName')).toEqual(['協会けんぽ', '健康保険組合', '共済組合', '国民健康保険（{市区町村}）']);
    expect(picks('kokuho-shikaku-shutoku', 'previousInsurer')).toEqual(['協会けんぽ', '健康保険組合', '共済組合']);
    expect(picks('kokuho-shikaku-soshitsu', 'newInsurer')).toEqual(['協会けんぽ', '健康保険組合', '共済組合']);
    expect(picks('koseki-shibou', 'deathPlace')).toEqual(['{都道府県}{市区町村}']);
  });
});

describe('a definition that fails the schema is refused at load, naming the form and the field', () => {
  it('a wrong field kind', () => {
    const bad = clone(juminIdoTenkyo) as unknown as { fields: { kind: string }[] };
    bad.fields[4]!.kind = 'dat';
    const e = refusal(bad);
    expect(e.formId).toBe('jumin-ido-tenkyo');
    expect(e.fieldId).toBe('birthDate');
    expect(e.where).toBe('fields[4].kind');
    expect(e.message).toMatch(/^様式「jumin-ido-tenkyo」の定義が不正です：項目「birthDate」のfields\[4\]\.kind: 使えない値です（使える値：name、kana/);
  });

  it('a bind path that does not exist', () => {
    const bad = clone(findForm('jumin-ido-tennyu')!) as unknown as { groups: { fields: { bind?: string }[] }[] };
    bad.groups[0]!.fields[4]!.bind = 'person.birthdate';
    const e = refusal(bad);
    expect(e.fieldId).toBe('persons.birthDate');
    expect(e.message).toContain('「person.birthdate」という案件データはありません');
  });

  it('a condition on a missing field, a rule on a missing field, a select without options, a missing label', () => {
    const cond = clone(findForm('inkan-toroku')!) as unknown as { fields: { id: string; when?: { field: string } }[] };
    cond.fields.find((f) => f.id === 'guarantorName')!.when!.field = 'identityChek';
    expect(refusal(cond).message).toContain('項目「guarantorName」');
    expect(refusal(cond).message).toContain('条件の項目「identityChek」がありません');

    const rule = clone(juminIdoTenkyo) as unknown as { rules: { field: string }[] };
    rule.rules[0]!.field = 'birthdate';
    expect(refusal(rule).message).toContain('rules[0].field: 規則の項目「birthdate」がありません');

    const select = clone(findForm('juminhyo-koufu')!) as unknown as { fields: { id: string; options?: unknown }[] };
    delete select.fields.find((f) => f.id === 'scope')!.options;
    expect(refusal(select).message).toContain('項目「scope」のfields');
    expect(refusal(select).message).toContain('選択肢（options）がありません');

    const label = clone(juminIdoTenkyo) as unknown as { fields: { label?: string }[] };
    delete label.fields[1]!.label;
    expect(refusal(label).message).toBe('様式「jumin-ido-tenkyo」の定義が不正です：項目「givenName」のfields[1].label: 必須の項目がありません。');
  });

  it('a 業務 name not in the standard list, duplicate field ids, an unknown key', () => {
    const gyomu = { ...clone(juminIdoTenkyo), gyomu: '住民票' };
    expect(refusal(gyomu).message).toContain('「住民票」は標準化20業務の名称ではありません');

    const dup = clone(juminIdoTenkyo) as unknown as { fields: { id: string }[] };
    dup.fields[1]!.id = 'familyName';
    expect(refusal(dup).message).toContain('項目IDが重複しています');

    const extra = { ...clone(juminIdoTenkyo), colour: 'red' };
    expect(refusal(extra).message).toContain('知らないキーがあります：colour');
  });

  it('quick picks on a field that is not text or address, or the same pick twice', () => {
    const onDate = clone(juminIdoTenkyo) as unknown as { fields: { id: string; suggestions?: string[] }[] };
    onDate.fields[4]!.suggestions = ['今日'];
    expect(refusal(onDate).message).toContain('入力候補は kind が text か address の項目にだけ書けます');
    const twice = clone(findForm('kodomo-iryo-jukyu')!) as unknown as { fields: { id: string; suggestions?: string[] }[] };
    twice.fields.find((f) => f.id === 'insurerName')!.suggestions = ['協会けんぽ', '協会けんぽ'];
    expect(refusal(twice).message).toContain('項目「insurerName」');
    expect(refusal(twice).message).toContain('入力候補が重複しています');
  });

  it('a set with two forms of the same id', () => {
    expect(() => loadFormDefinitions([juminIdoTenkyo, clone(juminIdoTenkyo)])).toThrow('同じIDの様式が2つあります');
  });

  it('something that is not a form at all', () => {
    expect(refusal(null).message).toContain('様式「(idなし)」の定義が不正です');
    expect(refusal({ id: 'x' }).message).toContain('様式「x」');
  });
});
