import { bindResidentOperations, type ResidentApi, type ResidentTransport } from '../../../common/contract/resident-operations';

declare global {
  interface Window {
    /** present only in Electron's resident window, exposed by its own preload (preload/resident-preload.ts) */
    ichimadoResident?: ResidentApi;
  }
}

/**
 * Browser mode: the resident page's own door, /resident-api/, opened by its own link's cookie. It has
 * no way to the clerk's /api/: the host answers 401 to this page's cookie there.
 */
const httpTransport: ResidentTransport = async (operation, input) => {
  try {
    const res = await fetch(`./resident-api/${operation}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    if (res.status === 401) {
      return { ok: false, error: { code: 'UNAUTHORIZED', message: '接続の認証が切れました。係員にお知らせください。' } };
    }
    return (await res.json()) as Awaited<ReturnType<ResidentTransport>>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: 'いちまどに接続できません。係員にお知らせください。' } };
  }
};

export const residentBridge: ResidentApi = window.ichimadoResident ?? bindResidentOperations(httpTransport);
