/**
 * DNS rebinding guard: a server on a loopback port answers only requests addressed to itself. A web
 * page on another site can point its own host name at 127.0.0.1 and have the browser call us, but
 * the browser still sends that foreign name in `Host`; refusing it makes such a page get nothing.
 */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** True when `hostHeader` names this server: a loopback name (or the address it listens on) and its port. */
export function isOwnHost(hostHeader: string | undefined, port: number, listenHost?: string): boolean {
  if (!hostHeader || port === 0) return false;
  const names = listenHost && !LOOPBACK_NAMES.includes(listenHost) && listenHost !== '::1' ? [...LOOPBACK_NAMES, listenHost] : LOOPBACK_NAMES;
  return names.some((n) => hostHeader.toLowerCase() === `${n}:${port}`);
}
