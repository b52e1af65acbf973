import { useState } from 'react';
import { variantsOf } from '../../../common/kanji/variants';

/** Replaces the code point at `index` (never normalizes: the variant is kept exactly). */
function replaceAt(s: string, index: number, c: string): string {
  const cps = [...s];
  cps[index] = c;
  return cps.join('');
}

const hex = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase()}`;

/** The kanji variants of a name's characters, offered in IPAmj明朝 with their code points: one click picks one. */
export function KanjiVariantPicker({ part, value, onPick }: { part: '氏' | '名'; value: string; onPick(v: string): void }) {
  const [open, setOpen] = useState<number | null>(null);
  const chars = [...value];
  const withVariants = chars.map((c, i) => ({ c, i, choices: variantsOf(c) })).filter((x) => x.choices.length > 1);
  if (withVariants.length === 0) return null;
  return (
    <div className="variants" role="group" aria-label={`${part}の異体字`}>
      <span className="note">異体字：</span>
      {withVariants.map(({ c, i }) => (
        <button key={i} type="button" className={`variant-char mj${open === i ? ' open' : ''}`} aria-expanded={open === i} aria-label={`${part}の「${c}」の異体字を選ぶ`} onClick={() => setOpen(open === i ? null : i)}>
          {c}
        </button>
      ))}
      {open !== null && chars[open] && (
        <div className="variant-choices" role="listbox" aria-label={`「${chars[open]}」の異体字`}>
          {variantsOf(chars[open]).map((v) => (
            <button
              key={v}
              type="button"
              role="option"
              aria-selected={v === chars[open]}
              className={`variant-choice mj${v === chars[open] ? ' current' : ''}`}
              title={hex(v)}
              aria-label={`${v}（${hex(v)}）`}
              onClick={() => {
                onPick(replaceAt(value, open, v));
                setOpen(null);
              }}
            >
              <span className="glyph">{v}</span>
              <span className="cp">{hex(v)}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
