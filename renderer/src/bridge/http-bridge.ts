import { bindOperations, type IchimadoApi, type Transport } from '../../../common/contract/bridge';

/**
 * Browser mode: the same contract over HTTP to the Node host that served this page. The session
 * cookie (HttpOnly, SameSite=Strict) authenticates; the host checks our Origin.
 */
const httpTransport: Transport = async (operation, input) => {
  try {
    const res = await fetch(`./api/${operation}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    if (res.status === 401) {
      return { ok: false, error: { code: 'UNAUTHORIZED', message: '接続の認証が切れました。起動時に表示された URL から開き直してください。' } };
    }
    return (await res.json()) as Awaited<ReturnType<Transport>>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: 'いちまどのサービスに接続できません。アプリが起動しているか確認してください。' } };
  }
};

export const httpBridge = bindOperations(httpTransport) satisfies IchimadoApi;
