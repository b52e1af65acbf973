import type { KeyboardEvent } from 'react';

/**
 * A field that already shows the start of its answer (the city's 都道府県+市区町村, a quick pick) is
 * continued, not retyped, so its caret belongs after the text. A value the app sets leaves the caret
 * at its end (a click or focus() keeps it there, a click elsewhere in the text moves it as usual); only
 * Tab, which makes Chromium select the whole text, needs help: on its key-up the caret goes to the end.
 * Selecting all by other means (Ctrl+A, a triple click) still works to replace the text.
 */
export function caretToEnd(el: HTMLInputElement): void {
  const n = el.value.length;
  el.setSelectionRange(n, n);
}

export function continueAfterTab(e: KeyboardEvent<HTMLInputElement>): void {
  const el = e.currentTarget;
  if (e.key === 'Tab' && el.value.length > 0 && el.selectionStart === 0 && el.selectionEnd === el.value.length) caretToEnd(el);
}
