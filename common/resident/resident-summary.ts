import type { LifeEvent, VisitCaseData } from '../domain/household';
import type { CaseProcedure } from '../cases/visit-case';
import { formatWareki } from '../validation/wareki';
import { FORM_TEXT } from '../print/summary-text';
import type { ResidentConfirmSummary, ThreeRegisters } from '../contract/resident-operations';

/** The life event in the resident summary sheet's three registers. */
const EVENT_TEXT: Record<LifeEvent, ThreeRegisters> = {
  転入: { ja: '転入（ほかの市区町村からの引っ越し）', easy: 'ほかの まちから ひっこして きました', en: 'Moving in from another city' },
  転出: { ja: '転出（ほかの市区町村への引っ越し）', easy: 'ほかの まちへ ひっこします', en: 'Moving out to another city' },
  転居: { ja: '転居（市区町村内の引っ越し）', easy: 'おなじ まちの なかで ひっこしました', en: 'Moving within the city' },
  出生: { ja: '出生', easy: 'あかちゃんが うまれました', en: 'Birth' },
  死亡: { ja: '死亡', easy: 'かぞくが なくなりました', en: 'Death' },
  婚姻: { ja: '婚姻', easy: 'けっこんしました', en: 'Marriage' },
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function englishDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : '';
}

/** The address the resident lives at after the event: the new one for a move in or within the city. */
function addressAfter(d: Pick<VisitCaseData, 'event' | 'household'>): string {
  if (d.event === '転出') return d.household.nextAddress ?? '';
  return d.household.address ?? '';
}

/**
 * What the resident-facing screen shows for the resident to check before the forms are printed: every
 * person's 氏名 exactly as entered (no normalization: variants and IVS stay), 生年月日 in 和暦 (and in
 * English), the address, and the procedures chosen for today — the same words the printed summary sheet uses.
 */
export function residentConfirmSummary(d: Pick<VisitCaseData, 'event' | 'household' | 'persons'>, procedures: readonly CaseProcedure[]): ResidentConfirmSummary {
  return {
    event: EVENT_TEXT[d.event],
    persons: d.persons.map((p) => ({
      name: [p.familyName ?? '', p.givenName ?? ''].filter((x) => x !== '').join('\u3000'),
      birthDate: p.birthDate ? formatWareki(p.birthDate) : '',
      birthDateEn: p.birthDate ? englishDate(p.birthDate) : '',
    })),
    address: addressAfter(d),
    procedures: procedures
      .filter((p) => p.selected)
      .map((p) => {
        const t = FORM_TEXT[p.formId];
        return { ja: p.title, easy: t?.easy ?? p.title, en: t?.en ?? p.title };
      }),
  };
}
