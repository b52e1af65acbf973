/**
 * Applications carry 特定個人情報: a back end on another machine is reached over TLS only. Plain
 * http:// stays allowed to this machine itself (the simulator, a local test relay), where nothing
 * crosses a network.
 */
export const INSECURE_BACKEND_MESSAGE =
  '別の端末・サーバーへの送信先は https:// で始まる必要があります（http:// はこの端末の模擬環境 127.0.0.1 / localhost だけに使えます）';

/** 127.0.0.0/8, ::1 and localhost: names that never leave this machine. */
export function isLoopbackHostname(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(h);
}

/** true for https anywhere and http to loopback; false for plain http to another host (or no URL at all) */
export function isAllowedBackendUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return u.protocol === 'https:' || (u.protocol === 'http:' && isLoopbackHostname(u.hostname));
}
