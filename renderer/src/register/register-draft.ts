import type { RegisterHousehold } from '../../../common/contract/register-operations';
import { fillFromRegister, type RegisterRecord } from '../../../common/register/register-fill';
import type { CardFront } from '../../../common/register/card-register-diff';
import { formatWareki, parseDateInput } from '../../../common/validation/wareki';
import type { HouseholdDraft, PersonDraft } from '../case-store';
import type { ConfirmedCard } from '../card/confirmed-card';

/**
 * The household step after the clerk picked a resident found in the register: the register's 世帯 as
 * persons of the case (common/register/register-fill.ts), with what the clerk already had for the same
 * people kept (their card read, phone, 個人番号, answers), and anybody typed who is not in the 世帯
 * (a 届出人 living elsewhere) kept after them. Nothing is left out silently.
 */

/** The card's front as the clerk confirmed it, kept on the person to compare with the register. */
export function cardFront(c: ConfirmedCard): CardFront {
  return { familyName: c.familyName, givenName: c.givenName, birthDate: c.birthDate, sex: c.sex, address: c.address };
}

const SPACES_AND_SELECTORS = /[\s\u3000\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}]/gu;
const loose = (s: string) => s.replace(SPACES_AND_SELECTORS, '');

function isoOf(raw: string): string {
  const b = parseDateInput(raw);
  return b.ok ? b.iso : '';
}

/** The person already on the screen who is this register entry: same entry, or same day of birth and name (spaces and selectors aside), or the 本人 born that day. */
function sameAs(p: PersonDraft, r: RegisterRecord, asHonnin: boolean): boolean {
  if (p.register) return p.register.residentCode === r.residentCode;
  if (isoOf(p.birthRaw) !== r.birthDate) return false;
  return loose(`${p.familyName}${p.givenName}`) === loose(r.name) || (asHonnin && p.relation === '本人');
}

const hasContent = (p: PersonDraft) => p.familyName.trim() !== '' || p.givenName.trim() !== '' || p.birthRaw.trim() !== '';

export function householdFromRegister(draft: HouseholdDraft, residentCode: string, h: RegisterHousehold): HouseholdDraft | null {
  const status = new Map(h.statuses.map(({ residentCode: code, ...words }) => [code, words]));
  const records: RegisterRecord[] = h.persons.map((p) => ({ ...p, ...(status.has(p.residentCode) ? { status: status.get(p.residentCode)! } : {}) }));
  const filled = fillFromRegister(residentCode, records, draft.event);
  if (!filled) return null;
  const used = new Set<number>();
  const persons = filled.persons.map((f, i): PersonDraft => {
    const j = draft.persons.findIndex((p, k) => !used.has(k) && sameAs(p, f.register, i === 0));
    const before = j >= 0 ? draft.persons[j] : undefined;
    if (j >= 0) used.add(j);
    return {
      relation: f.relation,
      ...(f.relationGuessed ? { relationGuessed: true } : {}),
      familyName: f.familyName,
      givenName: f.givenName,
      familyNameKana: f.familyNameKana,
      givenNameKana: f.givenNameKana,
      birthRaw: formatWareki(f.birthDate),
      sex: f.sex ?? '',
      healthInsurance: f.healthInsurance,
      pension: f.pension,
      careCertified: f.careCertified,
      phone: before?.phone ?? '',
      myNumber: before?.myNumber ?? '',
      ...(before?.myNumberSource ? { myNumberSource: before.myNumberSource } : {}),
      nationality: before?.nationality ?? '',
      answers: before?.answers ?? {},
      register: f.register,
      ...(before?.card ? { card: before.card } : {}),
      ...(before?.fromCard ? { fromCard: true } : {}),
    };
  });
  // typed people who are not in this 世帯 stay; the picked resident is the only 本人
  const kept = draft.persons.filter((p, k) => !used.has(k) && hasContent(p)).map((p) => (p.relation === '本人' ? { ...p, relation: 'その他' as const } : p));
  const { headIndex: _old, ...rest } = draft;
  void _old;
  return {
    ...rest,
    persons: [...persons, ...kept],
    [filled.addressField]: filled.address,
    ...(filled.headIndex !== undefined ? { headIndex: filled.headIndex } : {}),
  };
}

/** What the clerk is told once the household is filled. */
export function registerTakenText(d: HouseholdDraft, h: RegisterHousehold): string {
  const fromRegister = d.persons.filter((p) => p.register).length;
  const kept = d.persons.length - fromRegister;
  return [
    `住民票から世帯（${fromRegister}人）を反映しました。`,
    kept > 0 ? `住民票の世帯にいない${kept}人はそのまま残しています。` : '',
    h.statusNote ?? '',
  ].join('');
}

const addressFieldFor = (event: HouseholdDraft['event']): 'address' | 'previousAddress' => (event === '転入' || event === '転居' ? 'previousAddress' : 'address');

/**
 * The event changed after the household was taken from the register: the register's 住所 follows to the
 * field it belongs in for the new event (前の住所 for 転居 / 転入, else 住所), where it still sits untouched.
 */
export function followRegisterAddress(before: HouseholdDraft, event: HouseholdDraft['event']): Partial<HouseholdDraft> {
  const reg = before.persons.find((p) => p.relation === '本人')?.register;
  const from = addressFieldFor(before.event);
  const to = addressFieldFor(event);
  if (!reg || from === to || before[from] !== reg.address) return {};
  return { [from]: '', [to]: reg.address };
}
