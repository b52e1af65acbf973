import type { RegisterHousehold } from '../../../common/contract/register-operations';
import { fillFromRegister, type FilledPerson, type RegisterRecord } from '../../../common/register/register-fill';
import { assumedCoverage } from '../../../common/domain/household';
import { toFullwidthKatakana } from '../../../common/validation/kana';
import type { CardFront } from '../../../common/register/card-register-diff';
import { formatWareki, parseDateInput } from '../../../common/validation/wareki';
import type { HouseholdDraft, PersonDraft } from '../case-store';
import type { ConfirmedCard } from '../card/confirmed-card';

/**
 * The household step after the clerk picked a resident found in the register: the register's 世帯 as
 * persons of the case (common/register/register-fill.ts), with what the clerk already had for the same
 * people kept (their card read, phone, 個人番号, answers, and what the register does not answer), and anybody
 * typed who is not in the 世帯 (a 届出人 living elsewhere) kept after them. Nothing is left out silently.
 *
 * A person with neither 氏名 nor 生年月日 cannot be told apart from anyone in the 世帯. The 本人 such a
 * person stands for is the one the clerk was filling in before looking the 本人 up, so what the clerk typed
 * there goes onto the picked resident (the case's 本人 now), unless something typed says it is someone else
 * (another 性別 or ふりがな than the register's). Any other such person holding something typed stays as a
 * person of its own. The clerk is told which of the two happened, and to what.
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

/** Whom a person is: a name or a birth date; without both, nothing says which register entry they are. */
const identified = (p: PersonDraft) => p.familyName.trim() !== '' || p.givenName.trim() !== '' || p.birthRaw.trim() !== '';

type Coverage = Pick<PersonDraft, 'healthInsurance' | 'pension'>;

/**
 * What the clerk may have entered on a person besides 氏名 and 生年月日, by its label on the household step:
 * `typed` — entered (not what the app put there when the person was added: `assumed` coverage);
 * `heldBy` — the register's entry answers it (its value is the register's then); `keep` — the clerk's value.
 */
interface ClerkField {
  label: string;
  typed(p: PersonDraft, assumed: Coverage): boolean;
  heldBy(f: FilledPerson): boolean;
  keep(p: PersonDraft): Partial<PersonDraft>;
}

const never = () => false;
const filled = (s: string) => s.trim() !== '';

const CLERK_FIELDS: readonly ClerkField[] = [
  { label: 'ふりがな', typed: (p) => filled(p.familyNameKana) || filled(p.givenNameKana), heldBy: (f) => f.familyNameKana !== '' || f.givenNameKana !== '', keep: (p) => ({ familyNameKana: p.familyNameKana, givenNameKana: p.givenNameKana }) },
  { label: '性別', typed: (p) => p.sex !== '', heldBy: (f) => f.sex !== undefined, keep: (p) => ({ sex: p.sex }) },
  // the register's status answers these only where the city's lookup gave a word it knows (register-status.ts)
  { label: '健康保険', typed: (p, a) => p.healthInsurance !== a.healthInsurance, heldBy: (f) => f.healthInsurance !== '不明', keep: (p) => ({ healthInsurance: p.healthInsurance }) },
  { label: '年金', typed: (p, a) => p.pension !== a.pension, heldBy: (f) => f.pension !== '不明', keep: (p) => ({ pension: p.pension }) },
  { label: '要介護・要支援の認定', typed: (p) => p.careCertified, heldBy: (f) => f.register.status?.kaigo !== undefined, keep: (p) => ({ careCertified: p.careCertified }) },
  { label: '電話番号', typed: (p) => filled(p.phone), heldBy: never, keep: (p) => ({ phone: p.phone }) },
  { label: '個人番号', typed: (p) => filled(p.myNumber), heldBy: never, keep: (p) => ({ myNumber: p.myNumber, ...(p.myNumberSource ? { myNumberSource: p.myNumberSource } : {}) }) },
  { label: '国籍・地域', typed: (p) => filled(p.nationality), heldBy: never, keep: (p) => ({ nationality: p.nationality }) },
  { label: '様式への回答', typed: (p) => Object.values(p.answers).some(filled), heldBy: never, keep: (p) => ({ answers: p.answers }) },
  { label: 'カードの読み取り', typed: (p) => p.card !== undefined || p.fromCard === true, heldBy: never, keep: (p) => ({ ...(p.card ? { card: p.card } : {}), ...(p.fromCard ? { fromCard: true } : {}) }) },
];

/** The labels of what the clerk entered on `p`. */
const typedOn = (p: PersonDraft, assumed: Coverage) => CLERK_FIELDS.filter((c) => c.typed(p, assumed)).map((c) => c.label);

const katakana = (s: string) => loose(toFullwidthKatakana(s.trim()) ?? s);

/** Something typed on a person without name or birth date that the register's entry says otherwise. */
function contradicts(p: PersonDraft, f: FilledPerson): boolean {
  if (p.sex !== '' && f.sex !== undefined && p.sex !== f.sex) return true;
  if (filled(p.familyNameKana) && f.familyNameKana !== '' && katakana(p.familyNameKana) !== katakana(f.familyNameKana)) return true;
  if (filled(p.givenNameKana) && f.givenNameKana !== '' && katakana(p.givenNameKana) !== katakana(f.givenNameKana)) return true;
  return p.card?.birthDate !== undefined && p.card.birthDate !== '' && p.card.birthDate !== f.birthDate;
}

/** The register's entry as a person of the case; what the register does not answer stays as the clerk had it for them. */
function personOf(f: FilledPerson, before: PersonDraft | undefined): PersonDraft {
  const fromRegister: PersonDraft = {
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
    phone: '',
    myNumber: '',
    nationality: '',
    answers: {},
    register: f.register,
  };
  if (!before) return fromRegister;
  return Object.assign(fromRegister, ...CLERK_FIELDS.filter((c) => !c.heldBy(f)).map((c) => c.keep(before)));
}

/** The register's 世帯 taken into the case, and what became of what the clerk had typed for people without name or birth date. */
export interface RegisterTake {
  draft: HouseholdDraft;
  /** entered for the 本人 before the lookup (no name, no birth date) and now on the picked resident: labels as on the screen */
  carriedToHonnin: string[];
  /** people without name or birth date who hold something typed and are not matched: kept as persons, each with what they hold */
  unnamedKept: string[][];
}

export function householdFromRegister(draft: HouseholdDraft, residentCode: string, h: RegisterHousehold): RegisterTake | null {
  const status = new Map(h.statuses.map(({ residentCode: code, ...words }) => [code, words]));
  const records: RegisterRecord[] = h.persons.map((p) => ({ ...p, ...(status.has(p.residentCode) ? { status: status.get(p.residentCode)! } : {}) }));
  const fill = fillFromRegister(residentCode, records, draft.event);
  if (!fill) return null;
  const honninBefore = draft.persons.find((p) => p.relation === '本人');
  const assumed = (p: PersonDraft) => assumedCoverage(p.relation, p === honninBefore ? undefined : honninBefore);
  const used = new Set<number>();
  let carriedToHonnin: string[] = [];
  const persons = fill.persons.map((f, i): PersonDraft => {
    let j = draft.persons.findIndex((p, k) => !used.has(k) && sameAs(p, f.register, i === 0));
    if (j < 0 && i === 0) {
      // the 本人 the clerk began before the lookup: the picked resident, unless what was typed says otherwise
      j = draft.persons.findIndex((p, k) => !used.has(k) && p.relation === '本人' && !identified(p) && !contradicts(p, f));
      if (j >= 0) carriedToHonnin = CLERK_FIELDS.filter((c) => c.typed(draft.persons[j]!, assumed(draft.persons[j]!)) && !c.heldBy(f)).map((c) => c.label);
    }
    const before = j >= 0 ? draft.persons[j] : undefined;
    if (j >= 0) used.add(j);
    return personOf(f, before);
  });
  // typed people who are not in this 世帯 stay, and so does anyone unnamed holding something typed; the picked resident is the only 本人
  const left = draft.persons.filter((p, k) => !used.has(k) && (identified(p) || typedOn(p, assumed(p)).length > 0));
  const unnamedKept = left.filter((p) => !identified(p)).map((p) => typedOn(p, assumed(p)));
  const kept = left.map((p) => (p.relation === '本人' ? { ...p, relation: 'その他' as const } : p));
  const { headIndex: _old, ...rest } = draft;
  void _old;
  return {
    draft: {
      ...rest,
      persons: [...persons, ...kept],
      [fill.addressField]: fill.address,
      ...(fill.headIndex !== undefined ? { headIndex: fill.headIndex } : {}),
    },
    carriedToHonnin,
    unnamedKept,
  };
}

/** What the clerk is told once the household is filled. */
export function registerTakenText(take: RegisterTake, h: RegisterHousehold): string {
  const d = take.draft;
  const fromRegister = d.persons.filter((p) => p.register).length;
  const namedKept = d.persons.length - fromRegister - take.unnamedKept.length;
  const unnamedLabels = [...new Set(take.unnamedKept.flat())];
  return [
    `住民票から世帯（${fromRegister}人）を反映しました。`,
    take.carriedToHonnin.length > 0 ? `本人の欄に入力済みだった${take.carriedToHonnin.join('・')}は、住民票の本人に引き継ぎました。` : '',
    namedKept > 0 ? `住民票の世帯にいない${namedKept}人はそのまま残しています。` : '',
    take.unnamedKept.length > 0 ? `氏名・生年月日のない${take.unnamedKept.length}人（${unnamedLabels.join('・')}を入力済み）は、住民票の世帯と照合できないためそのまま残しています。` : '',
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
