import { useEffect } from 'react';

/**
 * Ctrl+P (⌘P) prints the sheets, not the screen: while a view that can print is shown, the
 * browser's own print of the app page is replaced by `print`.
 */
export function usePrintShortcut(print: () => void, enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'p') {
        e.preventDefault();
        print();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [print, enabled]);
}
