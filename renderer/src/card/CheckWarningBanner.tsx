import { CHECK_WARNING_LEVEL, checkWarningText, type CardCheckWarning } from '../../../common/card/card-warnings';

/** One warning of the check step: its code decides the banner, its text comes from common/card/card-warnings. */
export function CheckWarningBanner({ w }: { w: CardCheckWarning }) {
  return (
    <div className={`banner ${CHECK_WARNING_LEVEL[w.code]}`} role="alert">
      {checkWarningText(w).map((part, i) => (typeof part === 'string' ? part : <span key={i} className="mj">{part.name}</span>))}
    </div>
  );
}
