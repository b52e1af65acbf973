import type { IchimadoApi } from '../../../common/contract/bridge';
import { httpBridge } from './http-bridge';
import { withSessionSignal } from './session-signal';

declare global {
  interface Window {
    /** present only in Electron, exposed by the preload */
    ichimado?: IchimadoApi;
  }
}

/** The Electron preload bridge when present, otherwise the browser-mode HTTP bridge. */
export const bridge: IchimadoApi = withSessionSignal(window.ichimado ?? httpBridge);
