import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserMode, tempDir, waitFor, type Proc } from '../support/processes';
import { rawRequest } from '../support/fuzz/http-call';
import { formatWareki } from '../../common/validation/wareki';
import { localIsoDate } from '../../main/services/local-date';
import { DEMO_CLERK } from '../support/sign-in';

/**
 * The app tried without a back end (demo mode): it starts its own simulated back end inside its data
 * dir, and an application sent there must leave no plaintext behind on the counter PC either. This file
 * only sends one; the data-dir scan that runs after every e2e file (data-dir-scan.e2e.test.ts) looks
 * at what stayed in the data dir.
 */
describe('demo mode: an application sent to the built-in simulated back end', () => {
  let app: Proc;
  let origin: string;
  let cookie: string;

  const api = async (op: string, input: unknown) => {
    const a = await rawRequest(`${origin}/api/${op}`, { method: 'POST', headers: { cookie, origin, 'content-type': 'application/json' }, body: JSON.stringify(input) });
    return JSON.parse(a.body) as { ok: boolean; value?: Record<string, unknown>; error?: { code: string } };
  };

  beforeAll(async () => {
    app = await startBrowserMode(tempDir('demo-app'), undefined, ['--ocr', 'lazy']);
    origin = new URL(app.url).origin;
    // the launch URL's token, exchanged for the session cookie as the browser does
    const launch = await fetch(app.url, { redirect: 'manual' });
    cookie = (launch.headers.get('set-cookie') ?? '').split(';')[0]!;
    // demo mode: the seeded training clerk
    expect(await api('signIn', DEMO_CLERK)).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('says the back end is simulated, and delivers a 転居届 to it', async () => {
    const info = await api('getAppInfo', {});
    expect(info.value?.backend).toMatchObject({ simulated: true });
    const sent = await api('submitApplication', {
      formId: 'jumin-ido-tenkyo',
      values: {
        familyName: '中川',
        givenName: '勇気',
        familyNameKana: 'なかがわ',
        givenNameKana: 'ゆうき',
        birthDate: '平成2年2月2日',
        newAddress: '大阪府大阪市北区中之島1-3-20',
        oldAddress: '大阪府大阪市中央区大手前2-1-22',
        moveDate: formatWareki(localIsoDate(Date.now() - 86_400_000)),
      },
    });
    expect(sent).toMatchObject({ ok: true });
    await waitFor(async () => ((await api('getQueueStats', {})).value?.accepted as number) >= 1, 30_000, 'the demo back end to accept it');
  });
});
