import { eraForIso } from '../validation/wareki';

/**
 * The chip against the card's face: the chip holds the card's text exactly (and signed), the face was read by
 * OCR (a guess). Every field where the two disagree is flagged for the clerk, the chip's value being the one
 * that fills the person. Names are compared code point by code point — a face read of 高 where the chip has
 * 髙 is exactly the difference the clerk must see. Addresses are compared after the differences that are
 * only how a digit, a hyphen or a space is written (the chip writes full-width digits and U+FF0D hyphens).
 */
export interface ChipSide {
  /** 氏名 with U+3000 between family and given name */
  name: string;
  address: string;
  birthDate: string | null;
  sex: 'M' | 'F' | null;
}

export interface FaceSide {
  familyName: string;
  givenName: string;
  address: string;
  /** ISO date or null when not read */
  birthDate: string | null;
  sex: 'M' | 'F' | null;
}

export type DiffField = 'name' | 'address' | 'birthDate' | 'sex';

export interface FieldDisagreement {
  field: DiffField;
  chip: string;
  face: string;
}

const HYPHENS = /[\u002D\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30FC\uFF0D\uFF70]/g;
const SPACES = /[\s\u3000]+/g;

/** Full-width ASCII digits to ASCII; every hyphen-like mark to '-'; spaces dropped. Nothing else is touched. */
function addressKey(s: string): string {
  return s
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(HYPHENS, '-')
    .replace(SPACES, '');
}

/** The name's parts without the separator: the face's family and given name against the chip's one string. */
function nameKey(s: string): string {
  return s.replace(SPACES, '');
}

/**
 * Every field the face read disagrees with the chip on. A field the face read left empty is not a
 * disagreement (nothing was read there); the chip's value fills it.
 */
export function chipFaceDisagreements(chip: ChipSide, face: FaceSide): FieldDisagreement[] {
  const out: FieldDisagreement[] = [];
  const faceName = `${face.familyName}\u3000${face.givenName}`.trim();
  if (nameKey(faceName) !== '' && nameKey(faceName) !== nameKey(chip.name)) out.push({ field: 'name', chip: chip.name, face: faceName });
  if (face.address.trim() !== '' && addressKey(face.address) !== addressKey(chip.address)) out.push({ field: 'address', chip: chip.address, face: face.address });
  if (face.birthDate && face.birthDate !== chip.birthDate) out.push({ field: 'birthDate', chip: chip.birthDate ?? '', face: face.birthDate });
  if (face.sex && face.sex !== chip.sex) out.push({ field: 'sex', chip: chip.sex ?? '', face: face.sex });
  return out;
}

/**
 * 照合番号B's birth part: the 和暦 birth date as YYMMDD (era year, month, day, two digits each), or null for a
 * date outside the eras (before 明治) — such a card cannot be opened this way.
 */
export function warekiYymmdd(iso: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const era = m ? eraForIso(iso) : undefined;
  if (!m || !era) return null;
  const year = Number(m[1]) - Number(era.start.slice(0, 4)) + 1;
  if (year < 1 || year > 99) return null;
  return `${String(year).padStart(2, '0')}${m[2]}${m[3]}`;
}
