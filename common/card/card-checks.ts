import { variantMatchKey } from '../kanji/variants';
import { CHECK_TUNING } from './capture-tuning';
import type { CardCheckWarning } from './card-warnings';

/**
 * The clerk's check of a card's front, as pure decisions: which fields and characters to mark, the
 * household's spelling of the family name, and what to warn of (expired, read twice, read into a person
 * whose 生年月日 differs). The dialog only shows them.
 */

/** A person already in the household, to notice a card read twice or into the wrong person. */
export interface KnownPerson {
  no: number;
  family: string;
  given: string;
  /** ISO, or '' when none (or not a date) is entered */
  birthIso: string;
  /** the person this read is for (「カードを読み直す」) */
  target: boolean;
}

/** A field as read, for the doubt decision. */
export interface ReadField {
  value: string | null;
  confidence: number;
}

/** How sure a field's read is: not read at all, to be checked, or sure. */
export function fieldCertainty(f: ReadField): 'unread' | 'doubt' | 'sure' {
  if (f.value === null) return 'unread';
  return f.confidence < CHECK_TUNING.fieldDoubt ? 'doubt' : 'sure';
}

/** Which characters of a field's raw text to mark (none when the confidences do not line up with them). */
export function doubtfulChars(raw: string, charConfidence: readonly number[]): boolean[] {
  const chars = [...raw];
  const aligned = charConfidence.length === chars.length;
  return chars.map((_, i) => aligned && charConfidence[i]! < CHECK_TUNING.charDoubt);
}

/** A full name split at its first space (ideographic or not): family, given. */
export function splitAtSpace(v: string | null): [string, string] {
  if (!v) return ['', ''];
  const i = v.search(/[\u3000 ]/u);
  return i < 0 ? [v, ''] : [v.slice(0, i), v.slice(i + 1).trim()];
}

/**
 * A family member's family name read as the household's, up to kanji variants (the OCR model returns 高
 * for 髙): the household's confirmed spelling is the one to start from. Null when there is nothing to align.
 */
export function householdSpelling(read: string, householdFamily: string | undefined): string | null {
  return !!householdFamily && read !== householdFamily && variantMatchKey(read) === variantMatchKey(householdFamily) ? householdFamily : null;
}

/** Whether the card is expired: by the 有効期限 on screen when it is a date, else as the reader judged. */
export function isExpired(expiryIso: string | null, today: string, readerSaysExpired: boolean): boolean {
  return expiryIso !== null ? expiryIso < today : readerSaysExpired;
}

/** What the check step has on screen, as the checks need it. */
export interface CheckedCard {
  familyName: string;
  givenName: string;
  /** ISO, or null when the 生年月日 on screen is not a date */
  birthIso: string | null;
  /** ISO, or null when the 有効期限 on screen is not a date */
  expiryIso: string | null;
  /** the reader's own judgement, used when the 有効期限 on screen is not a date */
  readerSaysExpired: boolean;
}

/** Another person of the household with this card's name (up to kanji variants) and 生年月日. */
export function readBefore(card: CheckedCard, known: readonly KnownPerson[]): KnownPerson | null {
  if (card.birthIso === null) return null;
  const key = variantMatchKey(`${card.familyName}${card.givenName}`);
  return known.find((k) => !k.target && k.birthIso === card.birthIso && variantMatchKey(`${k.family}${k.given}`) === key) ?? null;
}

/** The person the card is read into, when their 生年月日 is entered and the card's (a date) differs. */
export function targetWithOtherBirth(card: CheckedCard, known: readonly KnownPerson[]): KnownPerson | null {
  const target = known.find((k) => k.target && k.birthIso !== '');
  return target && card.birthIso !== null && target.birthIso !== card.birthIso ? target : null;
}

/** The check step's warnings, in the order they are shown. */
export function checkWarnings(card: CheckedCard, known: readonly KnownPerson[], today: string): CardCheckWarning[] {
  const out: CardCheckWarning[] = [];
  if (isExpired(card.expiryIso, today, card.readerSaysExpired)) out.push({ code: 'card-expired', untilIso: card.expiryIso });
  const twice = readBefore(card, known);
  if (twice) out.push({ code: 'read-twice', no: twice.no, name: `${twice.family}${twice.given}` });
  const other = targetWithOtherBirth(card, known);
  if (other) out.push({ code: 'birth-differs-from-person', no: other.no });
  return out;
}
