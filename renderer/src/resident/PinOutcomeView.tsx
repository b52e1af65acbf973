import type { PinOutcome } from './resident-store';
import { Says } from './Says';

/** What became of the PIN the resident typed, in the three registers; the clerk decides what comes next. */
export function PinOutcomeView({ outcome }: { outcome: PinOutcome }) {
  if (outcome.kind === 'sending') {
    return (
      <section className="resident-outcome" aria-live="polite">
        <h1>確認しています…</h1>
        <Says ja="カードを読み取り機から離さずにお待ちください。" easy="カードを おいた まま まって ください。" en="Checking. Please leave the card on the reader." />
      </section>
    );
  }
  if (outcome.kind === 'verified') {
    return (
      <section className="resident-outcome ok" aria-live="polite">
        <h1>暗証番号を確認しました</h1>
        <Says ja="ありがとうございます。係員の案内をお待ちください。" easy="ありがとう ございます。かかりの ひとを まって ください。" en="Thank you. Your PIN was accepted. Please wait for the staff." />
      </section>
    );
  }
  if (outcome.kind === 'wrong') {
    const left = outcome.triesLeft;
    return (
      <section className="resident-outcome warn" role="alert">
        <h1>暗証番号が違います</h1>
        {left !== null && left > 0 ? (
          <Says
            ja={`あと ${left} 回まちがえるとカードがロックされます。係員にお知らせください。`}
            easy={`あと ${left}かい まちがえると カードが つかえなく なります。かかりの ひとに いって ください。`}
            en={`${left} ${left === 1 ? 'try' : 'tries'} left before the card locks. Please tell the staff.`}
          />
        ) : (
          <Says
            ja="カードがロックされました。市区町村の窓口でロック解除（初期化）が必要です。"
            easy="カードが つかえなく なりました。まどぐちで なおす てつづきが ひつようです。"
            en="The card is now locked. It must be reset at a city office counter."
          />
        )}
      </section>
    );
  }
  return (
    <section className="resident-outcome warn" role="alert">
      <h1>受け付けられませんでした</h1>
      <Says ja={outcome.message} easy="かかりの ひとに いって ください。" en="Please tell the staff." />
    </section>
  );
}
