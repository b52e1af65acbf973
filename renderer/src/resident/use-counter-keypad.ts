import { useEffect, useRef } from 'react';

export interface KeypadKeys {
  digit(d: string): void;
  backspace(): void;
  enter(): void;
}

/**
 * The counter's numeric keypad on a resident pad (PIN, 電話番号): digits, Backspace and Enter act on the pad
 * whatever button has the focus, so Enter sends what is typed instead of pressing the focused key. The
 * handlers are read at each key press (a ref), so they may close over the pad's current state.
 */
export function useCounterKeypad(keys: KeypadKeys): void {
  const current = useRef(keys);
  current.current = keys;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (/^[0-9]$/.test(e.key)) {
        e.preventDefault();
        current.current.digit(e.key);
      } else if (e.key === 'Backspace') {
        e.preventDefault();
        current.current.backspace();
      } else if (e.key === 'Enter') {
        e.preventDefault();
        current.current.enter();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
