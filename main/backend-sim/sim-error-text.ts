/**
 * What the simulator writes about an error it caught: its kind, code and message with every quoted part
 * and long digit run taken out. A parser's message quotes the input it choked on (V8: `Unexpected token
 * 'x', "…" is not valid JSON`), and the input here is residents' applications and register entries.
 */
export function simErrorText(err: unknown): string {
  if (!(err instanceof Error)) return 'non-Error thrown';
  const code = (err as NodeJS.ErrnoException).code;
  const message = err.message
    .replace(/"[^"]*"|'[^']*'|「[^」]*」/g, '…')
    .replace(/\d{4,}/g, '#')
    .slice(0, 200);
  return `${err.name}${code ? ` ${code}` : ''}: ${message}`;
}
