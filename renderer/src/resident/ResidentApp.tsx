import { useEffect } from 'react';
import { useResident } from './resident-store';
import { PinPad } from './PinPad';
import { PhonePad } from './PhonePad';
import { ResidentConfirm } from './ResidentConfirm';
import { PinOutcomeView } from './PinOutcomeView';
import { Says } from './Says';

/**
 * The resident-facing screen (住民向け画面): on the counter's second display, facing the resident. Large type,
 * every message in 日本語, やさしい日本語 and English. It shows what the services say (welcome, the PIN pad
 * while a chip read waits for the PIN, the 確認 of what was entered) and sends nothing but the PIN.
 */
export function ResidentApp() {
  const display = useResident((s) => s.display);
  const offline = useResident((s) => s.offline);
  const outcome = useResident((s) => s.outcome);
  const phoneOutcome = useResident((s) => s.phoneOutcome);
  const follow = useResident((s) => s.follow);
  useEffect(() => follow(), [follow]);
  const screen = display?.screen ?? { kind: 'idle' as const };
  // the outcome of the PIN sent for the request on screen (an error leaves the pad up to try sending again)
  const mine = outcome && screen.kind === 'pin-entry' && outcome.pinRequestId === screen.pinRequestId ? outcome.value : null;
  const phoneMine = phoneOutcome && screen.kind === 'phone-entry' && phoneOutcome.phoneRequestId === screen.phoneRequestId ? phoneOutcome.value : null;
  // nothing until the services have said what to show: the welcome without the 研修モード banner would be a
  // moment of a training screen that does not say so
  if (!display && !offline) return <div className="resident" aria-busy="true" />;
  return (
    <div className="resident">
      {display?.demo && (
        <aside className="demo-banner resident-demo" aria-label="研修モード" data-testid="training-banner">
          研修モード：練習用の画面です。実際の手続きにはなりません。／ Training mode: practice only.
        </aside>
      )}
      <main className="resident-main">
        {offline && (
          <div className="banner error" role="alert">
            <Says ja="係員の端末と接続できません。しばらくお待ちください。" easy="いま つながりません。すこし まって ください。" en="Not connected. Please wait a moment." />
          </div>
        )}
        {screen.kind === 'pin-entry' && (mine === null || mine.kind === 'error') ? (
          <PinPad key={screen.pinRequestId} pinRequestId={screen.pinRequestId} triesLeft={screen.triesLeft} error={mine?.kind === 'error' ? mine.message : null} />
        ) : screen.kind === 'phone-entry' ? (
          <PhonePad key={screen.phoneRequestId} phoneRequestId={screen.phoneRequestId} error={phoneMine?.kind === 'error' ? phoneMine.message : null} />
        ) : screen.kind === 'idle' && phoneOutcome?.value.kind === 'sent' ? (
          <section className="resident-outcome ok" aria-live="polite">
            <h1>電話番号を受け付けました</h1>
            <Says ja="ありがとうございます。係員の案内をお待ちください。" easy="ありがとう ございます。かかりの ひとを まって ください。" en="Thank you. Please wait for the staff." />
          </section>
        ) : screen.kind !== 'confirm' && outcome ? (
          <PinOutcomeView outcome={outcome.value} />
        ) : screen.kind === 'confirm' ? (
          <ResidentConfirm summary={screen.summary} />
        ) : (
          <section className="resident-welcome" aria-labelledby="resident-welcome-title">
            <h1 id="resident-welcome-title">ようこそ</h1>
            <Says ja="係員がご案内します。画面の表示に沿ってお進みください。" easy="かかりの ひとが あんない します。" en="Welcome. A staff member will guide you." />
          </section>
        )}
      </main>
    </div>
  );
}
