import { useLayoutEffect } from 'react';

/**
 * Keystroke → committed render inside the real 手続きナビ, for `npm run bench:counter` only: in a
 * `vite build --mode bench` renderer, the time from a keydown (its event.timeStamp) to the commit of
 * the form that validated the new value is appended to `data-key-samples` on <body> (same method as
 * the #bench-form page). Other builds compile it to nothing (tests/unit/renderer-bundle.test.ts).
 */
const ON = import.meta.env.MODE === 'bench';

let keydownAt: number | null = null;
const samples: number[] = [];

if (ON && typeof document !== 'undefined') {
  document.addEventListener('keydown', (e) => (keydownAt = e.timeStamp), true);
}

/** Call with the validation result the form renders: a sample is taken when a keystroke changed it. */
export function useKeystrokeProbe(validated: unknown): void {
  useLayoutEffect(() => {
    if (!ON || keydownAt === null) return;
    samples.push(performance.now() - keydownAt);
    keydownAt = null;
    document.body.setAttribute('data-key-samples', samples.map((x) => x.toFixed(3)).join(','));
  }, [validated]);
}
