import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Logger } from '../log';
import type { RegisterConfig } from '../config';
import { ensureOwnerOnlyDir } from '../files/owner-only';
import { loadSeededRegister } from '../../backend-sim/sim-register-file';
import { COUNTER_CLIENT_ID, type SimRegisterOptions } from '../../backend-sim/sim-register';

/**
 * With no back end configured the app runs its own simulator (見本); it then also plays the 住民基本台帳
 * owner with the synthetic population, so 住基照会 can be tried and trained. A new client secret per start,
 * in a 0600 file of the demo back end's folder: the same OAuth flow as with a city's register.
 * Without the seeded data (an install that lacks it) the demo simply has no register: a log line, no failure.
 */
export interface DemoRegister {
  sim: SimRegisterOptions;
  config(simUrl: string): RegisterConfig;
}

export function demoRegister(dataDir: string, log: Logger): DemoRegister | null {
  try {
    const persons = loadSeededRegister();
    const dir = path.join(dataDir, 'demo-backend');
    ensureOwnerOnlyDir(dir);
    const secretFile = path.join(dir, 'register-client-secret');
    const secret = randomBytes(32).toString('base64url');
    fs.writeFileSync(secretFile, secret, { mode: 0o600 });
    return {
      sim: { persons, clientId: COUNTER_CLIENT_ID, clientSecret: secret },
      config: (simUrl) => ({ baseUrl: simUrl, clientId: COUNTER_CLIENT_ID, clientSecretFile: secretFile }),
    };
  } catch (err) {
    log('warn', 'register.demo_unavailable', { detail: err instanceof Error ? err.message.slice(0, 200) : 'unknown' });
    return null;
  }
}
