import type { Locator } from 'playwright-core';

/** An input's caret as [selectionStart, selectionEnd, value length]: where the clerk's next keystroke lands. */
export const caretOf = (l: Locator) =>
  l.evaluate((e) => {
    const i = e as unknown as { selectionStart: number | null; selectionEnd: number | null; value: string };
    return [i.selectionStart, i.selectionEnd, i.value.length];
  });
