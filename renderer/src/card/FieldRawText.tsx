import type { CardFieldView } from '../../../common/contract/card-operations';
import { doubtfulChars } from '../../../common/card/card-checks';

/** A field's raw OCR text, its doubtful characters marked with how sure the reader was. */
export function FieldRawText({ f }: { f: CardFieldView }) {
  const chars = [...f.raw];
  if (chars.length === 0) return null;
  const doubtful = doubtfulChars(f.raw, f.charConfidence);
  return (
    <span className="raw" aria-label="読み取った文字">
      {chars.map((c, i) => (doubtful[i] ? <mark key={i} className="doubt-char" title={`確からしさ ${Math.round(f.charConfidence[i]! * 100)}%`}>{c}</mark> : <span key={i}>{c}</span>))}
    </span>
  );
}
