/** Ground truth written beside every synthetic card image (the shape the CLI prints, plus how it was made). */
export type CardLayout = 'current' | 'next-gen' | 'foreign';
export type CardKind = CardLayout | 'back' | 'passport' | 'no-card' | 'blank' | 'black';

export interface CardTruth {
  file: string;
  kind: CardKind;
  /** what the CLI should answer for `layout` ('unknown' for non-cards) */
  layout: CardLayout | 'unknown';
  look: 'flat' | 'scanner' | 'camera' | 'phone';
  /** the varied generator's card design (varied-card.ts DESIGNS); absent for the classic generator */
  design?: string;
  font: string;
  upsideDown: boolean;
  fields: {
    name: string | null;
    nameKana: string | null;
    address: string | null;
    birthDate: string | null;
    sex: 'M' | 'F' | null;
    expiryDate: string | null;
  };
  /** true for images the reader must refuse with an `error` */
  expectError: boolean;
}

/**
 * A 住所 as issue #12's targets compare it with its truth: spaces and digit width ignored, hyphens folded with
 * the digits (the bench and the reader's tests compare the same way).
 */
export function foldAddress(s: string): string {
  return s.replace(/[\s\u3000]/g, '').replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[－‐−]/g, '-');
}
