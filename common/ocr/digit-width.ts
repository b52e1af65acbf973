import type { RecognizedSymbol } from './recognized-line';
import { asciiDigits, DASHES } from './ocr-text';

/**
 * The OCR model outputs ASCII digits whether the card prints １２ or 12. Printed width shows in the
 * spacing: full-width digits advance about one character height, half-width about half of it.
 * Returns null when no run of two or more digits was measured.
 */
export function digitsLookFullWidth(symbols: RecognizedSymbol[], glyphH: number): boolean | null {
  const advances: number[] = [];
  let run: RecognizedSymbol[] = [];
  const flush = (): void => {
    for (let i = 1; i < run.length; i++) advances.push((run[i]!.x0 + run[i]!.x1) / 2 - (run[i - 1]!.x0 + run[i - 1]!.x1) / 2);
    run = [];
  };
  for (const s of symbols) {
    if (/^[0-9０-９]$/.test(s.text)) run.push(s);
    else flush();
  }
  flush();
  if (advances.length === 0 || glyphH <= 0) return null;
  advances.sort((a, b) => a - b);
  return advances[advances.length >> 1]! > 0.75 * glyphH;
}

const DASH_RE = new RegExp(`(?<=[0-9０-９])[${DASHES}](?=[0-9０-９])`, 'g');

/** Digits and the hyphens between them written in one width. */
export function withDigitWidth(s: string, fullWidth: boolean): string {
  if (!fullWidth) return asciiDigits(s).replace(DASH_RE, '-');
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).replace(DASH_RE, '－');
}
