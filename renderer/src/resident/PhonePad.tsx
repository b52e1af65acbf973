import { useEffect, useRef, useState } from 'react';
import { useResident } from './resident-store';
import { Says } from './Says';
import { useCounterKeypad } from './use-counter-keypad';

/** the longest domestic number (携帯・IP電話: 11 digits); parsePhone on the services decides 10 or 11 */
const PHONE_MAX_DIGITS = 11;
/** the shortest number worth sending (固定電話: 10 digits) */
const PHONE_MIN_DIGITS = 10;
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'back', '0', 'ok'] as const;

/**
 * 090-1234-5678 as the resident types a mobile or IP number (its grouping is fixed: 3-4-4); any other number
 * is shown as plain digits, since a 固定電話's grouping depends on its area code (display only).
 */
function grouped(d: string): string {
  if (!/^0[25789]0/.test(d)) return d;
  return [d.slice(0, 3), d.slice(3, 7), d.slice(7)].filter(Boolean).join('-');
}

/**
 * The resident types their own 電話番号 (the clerk asked with 「住民画面で入力」): shown as typed, 1文字消す /
 * 決定, and the counter's numeric keypad. The number goes to the clerk's screen with submitResidentPhone.
 */
export function PhonePad({ phoneRequestId, error }: { phoneRequestId: string; error: string | null }) {
  const sendPhone = useResident((s) => s.sendPhone);
  const clearPhoneError = useResident((s) => s.clearPhoneError);
  const [digits, setDigitsNow] = useState('');
  // a changed number is a new try: the reason the last one was refused goes with the change
  const setDigits = (next: (d: string) => string) => {
    clearPhoneError();
    setDigitsNow(next);
  };
  const first = useRef<HTMLButtonElement>(null);
  const submit = (d: string) => {
    if (d.length < PHONE_MIN_DIGITS) return;
    void sendPhone(phoneRequestId, d);
  };
  const add = (k: string) => setDigits((d) => (d.length < PHONE_MAX_DIGITS ? d + k : d));
  const back = () => setDigits((d) => d.slice(0, -1));
  const press = (k: (typeof KEYS)[number]) => {
    if (k === 'back') return back();
    if (k === 'ok') return submit(digits);
    add(k);
  };
  useCounterKeypad({ digit: add, backspace: back, enter: () => submit(digits) });
  useEffect(() => first.current?.focus(), []);
  return (
    <section className="pin-pad phone-pad" aria-labelledby="phone-title">
      <div className="pin-side">
        <h1 id="phone-title">電話番号を入力してください</h1>
        <Says
          ja="日中に連絡のつく電話番号を市外局番から入力し、「決定」を押してください。"
          easy="でんわ ばんごうを おして、「決定（けってい）」を おして ください。"
          en="Enter a phone number we can reach you at during the day, then press 決定 (OK)."
        />
        {error && <p className="banner error" role="alert">{error}</p>}
      </div>
      <div className="pin-entry">
        <span id="phone-digits-label" className="phone-digits-label">入力した電話番号 / Your number</span>
        <output className="phone-digits" aria-labelledby="phone-digits-label" aria-live="polite">{digits ? grouped(digits) : '　'}</output>
        <div className="pin-keys">
          {KEYS.map((k, i) =>
            k === 'back' ? (
              <button key={k} type="button" className="pin-key pin-clear" onClick={() => press(k)}>1字消す<span lang="en">Delete</span></button>
            ) : k === 'ok' ? (
              <button key={k} type="button" className="pin-key pin-ok" disabled={digits.length < PHONE_MIN_DIGITS} onClick={() => press(k)}>決定<span lang="en">OK</span></button>
            ) : (
              <button key={k} type="button" className="pin-key" ref={i === 0 ? first : undefined} onClick={() => press(k)}>{k}</button>
            ),
          )}
        </div>
      </div>
    </section>
  );
}
