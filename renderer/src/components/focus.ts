import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * Where the focus goes when something opens or fails, so that the clerk's next key lands somewhere: never
 * on `<body>` (where Tab starts over at the header and Enter does nothing).
 */

/** What a clerk types into or presses: the inputs of a field in error are found by these. */
const CONTROL = 'input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])';

/** A radio group is entered at its checked radio (as Tab does), else at its first. */
function controlIn(el: Element): HTMLElement | null {
  return el.querySelector<HTMLElement>('input[type=radio]:checked:not([disabled])') ?? (el.matches(CONTROL) ? (el as HTMLElement) : el.querySelector<HTMLElement>(CONTROL));
}

/** The first control inside the first element matching `selector` under `root`. */
export function firstControl(root: ParentNode | null | undefined, selector: string): HTMLElement | null {
  if (!root) return null;
  for (const el of root.querySelectorAll(selector)) {
    const c = controlIn(el);
    if (c) return c;
  }
  return null;
}

/** Fields in error, as the forms mark them (FormFields, the household step). */
const FIELD_IN_ERROR = '.has-error, [aria-invalid="true"]';

/**
 * After a failed submit: the first field with an error under `root`, else the error banner (focusable
 * with tabIndex -1) so a screen reader reads it and the next Tab starts there.
 */
export function focusFirstError(root: ParentNode | null | undefined, banner: HTMLElement | null = document.querySelector<HTMLElement>('[data-error-banner]')): void {
  const target = firstControl(root, FIELD_IN_ERROR) ?? banner;
  target?.focus();
}

/**
 * A step or a form that opens starts at its top: the window is scrolled back (the last one was left
 * scrolled down at its button) and `pick()` — its heading or first field — takes the focus without
 * scrolling it away again.
 */
export function openAtTop(pick: () => HTMLElement | null | undefined): void {
  window.scrollTo({ top: 0, left: 0, behavior: 'instant' });
  pick()?.focus({ preventScroll: true });
}

/** Runs `openAtTop(pick)` once, when the component that calls it mounts. */
export function useOpenAtTop(pick: () => HTMLElement | null | undefined): void {
  const pickRef = useRef(pick);
  pickRef.current = pick;
  useEffect(() => openAtTop(() => pickRef.current()), []);
}

/**
 * For a form whose submit can fail: call `failed()` when it did; once React has shown the errors, the
 * first field in error under `root` (else the error banner) takes the focus.
 */
export function useFocusOnError(root: RefObject<HTMLElement | null>): () => void {
  const [failures, setFailures] = useState(0);
  useEffect(() => {
    if (failures > 0) focusFirstError(root.current);
  }, [failures, root]);
  return () => setFailures((n) => n + 1);
}
