import type { LifeEvent, Relation, Sex } from '../domain/household';
import { statusFacts, type RegisterStatusWords } from './register-status';

/**
 * Picking a resident found in the 住民基本台帳 fills the visit case's household with that resident's
 * 世帯 as the register holds it: names, ふりがな and addresses with their exact code points (variant
 * kanji, IVS selectors: never normalised), 生年月日, 性別, 続柄 and, where the city's register answers
 * them, 国保 / 介護 / 後期高齢 / 年金. What the register said is kept on each person (`register`), so a
 * card read later can be compared with it (card-register-diff.ts) whatever the clerk edits.
 */

/** One register entry as the counter keeps it in the case (common/contract/register-operations.ts's view). */
export interface RegisterRecord {
  residentCode: string;
  householdNumber: string;
  name: string;
  kana: string;
  birthDate: string;
  sexCode: string;
  /** the meaning of sexCode in the city's mapping (男 / 女) */
  sex: string;
  /** 続柄 as the register words it: relative to the 世帯主 */
  relationship: string;
  address: string;
  /** 戸籍の表示, where the register holds it (nationals) */
  honseki?: string;
  hittousha?: string;
  /** 国保 / 介護 / 後期高齢 / 年金 as the register words them; absent when the register did not answer */
  status?: RegisterStatusWords;
}

export interface FilledPerson {
  relation: Relation;
  /** the case's 続柄 (relative to the 本人) is a guess from the register's (relative to the 世帯主) */
  relationGuessed: boolean;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  birthDate: string;
  sex?: Sex;
  healthInsurance: ReturnType<typeof statusFacts>['healthInsurance'];
  pension: ReturnType<typeof statusFacts>['pension'];
  careCertified: boolean;
  register: RegisterRecord;
}

export interface FilledHousehold {
  persons: FilledPerson[];
  /** index of the register's 世帯主 among `persons`, when the household has one */
  headIndex?: number;
  /** which address field of the case the register's 住所 goes into */
  addressField: 'address' | 'previousAddress';
  address: string;
}

/** Where a person stands to the 世帯主, read from the register's 続柄 word. */
type HeadSide = 'head' | 'spouse' | 'child' | 'parent' | 'other';

function headSide(word: string): HeadSide {
  if (word === '世帯主') return 'head';
  // 未届の妻・未届の夫 are partners of the 世帯主 too
  if (/^(未届の)?(妻|夫)$/u.test(word)) return 'spouse';
  if (word === '子' || /^(長|二|三|四|五)?(男|女)$/u.test(word)) return 'child';
  if (/^(養)?(父|母)$|^父母$/u.test(word)) return 'parent';
  return 'other';
}

/**
 * The case's 続柄 of a household member, relative to the picked resident (the case's 本人), from both
 * persons' places relative to the 世帯主. `sure` false where the register's words do not settle it
 * (a 世帯主の子 is usually, not always, the spouse's child too): the screen shows it as 推定.
 */
function relationTo(picked: HeadSide, other: HeadSide): { relation: Relation; sure: boolean } {
  const table: Record<HeadSide, Partial<Record<HeadSide, [Relation, boolean]>>> = {
    head: { spouse: ['配偶者', true], child: ['子', true], parent: ['父母', true] },
    spouse: { head: ['配偶者', true], child: ['子', false] },
    child: { head: ['父母', true], spouse: ['父母', false] },
    parent: { head: ['子', true], parent: ['配偶者', false] },
    other: {},
  };
  const hit = table[picked][other];
  // その他 is certain between known places (a sibling, a grandchild, an in-law); a word we do not know may hide a closer one
  return hit ? { relation: hit[0], sure: hit[1] } : { relation: 'その他', sure: picked !== 'other' && other !== 'other' };
}

/** 氏 and 名 split at the register's first space (either width); a name without one is all 氏. */
export function splitRegisterName(s: string): [string, string] {
  const m = /^([^ \u3000]+)[ \u3000]+(.*)$/u.exec(s);
  return m ? [m[1]!, m[2]!] : [s, ''];
}

/**
 * What the forms ask about a person that the register or an insurance system holds, as answers keyed
 * by the forms' data items (common/cases/field-home.ts personAnswerKey), so the deceased's
 * 本籍 (死亡届), 基礎年金番号 (未支給年金) and 被保険者番号 (葬祭費, 資格喪失届) are not typed again:
 * - 本籍: the 住民票's 戸籍の表示 (nationals only; the register leaves it out for others).
 * - 基礎年金番号: the 国民年金 system's record of the person.
 * - 被保険者番号: one data item in the forms for three systems (国保 葬祭費, 後期高齢 葬祭費 / 喪失届, 介護
 *   喪失届), so it is filled only when the person has exactly one of those numbers; with two (a 後期高齢
 *   member over 65 is also a 介護 member) either form would get the other system's number, so the clerk
 *   keeps typing it (the register view shows both).
 * Read when a form is derived (common/cases/visit-case.ts), from the register record kept on the person;
 * the clerk's own answers always win.
 */
export function registerAnswers(r: Pick<RegisterRecord, 'honseki' | 'status'>): Record<string, string> {
  const out: Record<string, string> = {};
  if (r.honseki) out['本籍'] = r.honseki;
  if (r.status?.basicPensionNumber) out['基礎年金番号'] = r.status.basicPensionNumber;
  const insured = [r.status?.kokuhoNumber, r.status?.koukiNumber, r.status?.kaigoNumber].filter((x): x is string => !!x);
  if (insured.length === 1) out['被保険者番号'] = insured[0]!;
  return out;
}

const SEX: Record<string, Sex> = { 男: '男', 女: '女' };

/**
 * The household to put into the case: the picked resident first as 本人, then the rest of the 世帯 in
 * the register's order. The register's 住所 is where the household lives now: the case's 住所, or its
 * 前の住所 for a 転居 / 転入 (the new address is what the clerk enters).
 */
export function fillFromRegister(residentCode: string, members: readonly RegisterRecord[], event: LifeEvent): FilledHousehold | null {
  const picked = members.find((m) => m.residentCode === residentCode);
  if (!picked) return null;
  const ordered = [picked, ...members.filter((m) => m !== picked)];
  const pickedSide = headSide(picked.relationship);
  const persons = ordered.map((m, i): FilledPerson => {
    const rel = i === 0 ? { relation: '本人' as Relation, sure: true } : relationTo(pickedSide, headSide(m.relationship));
    const [familyName, givenName] = splitRegisterName(m.name);
    const [familyNameKana, givenNameKana] = splitRegisterName(m.kana);
    const sex = SEX[m.sex];
    return {
      relation: rel.relation,
      relationGuessed: !rel.sure,
      familyName,
      givenName,
      familyNameKana,
      givenNameKana,
      birthDate: m.birthDate,
      ...(sex ? { sex } : {}),
      ...statusFacts(m.status),
      register: m,
    };
  });
  const head = persons.findIndex((p) => headSide(p.register.relationship) === 'head');
  return {
    persons,
    ...(head >= 0 ? { headIndex: head } : {}),
    addressField: event === '転入' || event === '転居' ? 'previousAddress' : 'address',
    address: picked.address,
  };
}
