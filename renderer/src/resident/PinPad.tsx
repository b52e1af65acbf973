import { useEffect, useRef, useState } from 'react';
import { useResident } from './resident-store';
import { Says } from './Says';
import { useCounterKeypad } from './use-counter-keypad';

const PIN_LENGTH = 4;
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'ok'] as const;

/**
 * The PIN pad for the card's 券面事項入力補助用暗証番号 (4 digits): masked dots, 訂正 / 決定, and the counter's
 * numeric keypad (digits, Backspace, Enter). The digits live in this component only, go straight to the
 * services with submitChipPin, and are forgotten once sent; nothing of them is written to the page.
 */
export function PinPad({ pinRequestId, triesLeft, error }: { pinRequestId: string; triesLeft: number; error: string | null }) {
  const sendPin = useResident((s) => s.sendPin);
  const [digits, setDigits] = useState('');
  const first = useRef<HTMLButtonElement>(null);
  const submit = (pin: string) => {
    if (pin.length !== PIN_LENGTH) return;
    setDigits('');
    void sendPin(pinRequestId, pin);
  };
  const add = (k: string) => setDigits((d) => (d.length < PIN_LENGTH ? d + k : d));
  const press = (k: (typeof KEYS)[number]) => {
    if (k === 'clear') return setDigits('');
    if (k === 'ok') return submit(digits);
    add(k);
  };
  useCounterKeypad({ digit: add, backspace: () => setDigits((d) => d.slice(0, -1)), enter: () => submit(digits) });
  useEffect(() => first.current?.focus(), []);
  return (
    <section className="pin-pad" aria-labelledby="pin-title">
      <div className="pin-side">
        <h1 id="pin-title">暗証番号を入力してください</h1>
        <Says
          ja="マイナンバーカードの数字4桁の暗証番号（券面事項入力補助用）を入力し、「決定」を押してください。"
          easy="カードの ばんごう 4けた（すうじ）を おして、「決定（けってい）」を おして ください。"
          en="Enter the 4-digit PIN of your My Number Card, then press 決定 (OK)."
        />
        {triesLeft <= 1 && (
          <p className="pin-warn" role="alert">
            <span className="says-ja">あと1回まちがえるとカードがロックされます。わからない場合は係員にお知らせください。</span>
            <span className="says-easy">あと 1かい まちがえると カードが つかえなく なります。</span>
            <span className="says-en" lang="en">One try left before the card locks. If unsure, tell the staff.</span>
          </p>
        )}
        {error && <p className="banner error" role="alert">{error}</p>}
      </div>
      <div className="pin-entry">
        <div className="pin-dots" role="img" aria-label={`${digits.length}桁入力済み（4桁中）`}>
          {Array.from({ length: PIN_LENGTH }, (_, i) => (
            <span key={i} className={i < digits.length ? 'pin-dot filled' : 'pin-dot'} />
          ))}
        </div>
        <div className="pin-keys">
          {KEYS.map((k, i) =>
            k === 'clear' ? (
              <button key={k} type="button" className="pin-key pin-clear" onClick={() => press(k)}>訂正<span lang="en">Clear</span></button>
            ) : k === 'ok' ? (
              <button key={k} type="button" className="pin-key pin-ok" disabled={digits.length !== PIN_LENGTH} onClick={() => press(k)}>決定<span lang="en">OK</span></button>
            ) : (
              <button key={k} type="button" className="pin-key" ref={i === 0 ? first : undefined} onClick={() => press(k)}>{k}</button>
            ),
          )}
        </div>
      </div>
    </section>
  );
}
