/**
 * A field that already shows the start of its answer (the city's 都道府県+市区町村, a quick pick) is
 * continued, not retyped: on focus the caret goes after the text, also when a Tab focus selected all
 * of it (Chromium does that after the focus event, hence the second look on the next frame). A mouse
 * click still puts the caret where the clerk clicked.
 */
export function caretToEnd(el: HTMLInputElement): void {
  const n = el.value.length;
  el.setSelectionRange(n, n);
}

export function continueAtEnd(el: HTMLInputElement): void {
  caretToEnd(el);
  requestAnimationFrame(() => {
    const n = el.value.length;
    if (document.activeElement === el && n > 0 && el.selectionStart === 0 && el.selectionEnd === n) caretToEnd(el);
  });
}
