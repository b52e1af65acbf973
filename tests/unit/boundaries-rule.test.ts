import { RuleTester } from 'eslint';
import { describe, it } from 'vitest';
import path from 'node:path';
import plugin from '../../eslint-rules/boundaries.js';
import { repoRoot } from '../support/processes';

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'module' } });
const at = (rel: string) => path.join(repoRoot, rel);
const options = [{ root: repoRoot }];

tester.run('ichimado/boundaries', plugin.rules.boundaries, {
  valid: [
    { filename: at('common/forms/x.ts'), code: "import { z } from 'zod'; import { a } from './y';", options },
    { filename: at('renderer/src/x.tsx'), code: "import { create } from 'zustand'; import { f } from '../../common/forms/registry';", options },
    { filename: at('main/services/x.ts'), code: "import fs from 'node:fs'; import Database from 'better-sqlite3'; import { f } from '../../common/x';", options },
    { filename: at('main/electron/x.ts'), code: "import { app } from 'electron'; import { s } from '../services/app-services';", options },
    { filename: at('preload/preload.ts'), code: "import { contextBridge } from 'electron'; import { b } from '../common/contract/bridge';", options },
    { filename: at('tests/unit/x.test.ts'), code: "import fs from 'node:fs'; import { app } from 'electron';", options },
  ],
  invalid: [
    { filename: at('common/x.ts'), code: "import path from 'path';", options, errors: [{ messageId: 'crossing' }] },
    { filename: at('common/x.ts'), code: "import React from 'react';", options, errors: [{ messageId: 'crossing' }] },
    { filename: at('common/x.ts'), code: "import { db } from '../main/services/store/open-database';", options, errors: [{ messageId: 'crossing' }] },
    { filename: at('renderer/src/x.ts'), code: "import fs from 'node:fs';", options, errors: [{ messageId: 'crossing' }] },
    { filename: at('renderer/src/x.ts'), code: "import { ipcRenderer } from 'electron';", options, errors: [{ messageId: 'crossing' }] },
    { filename: at('renderer/src/x.ts'), code: "const m = await import('../../main/services/ids');", options, errors: [{ messageId: 'crossing' }] },
    { filename: at('renderer/src/x.ts'), code: "export * from '../../preload/preload';", options, errors: [{ messageId: 'crossing' }] },
    { filename: at('main/services/x.ts'), code: "import { app } from 'electron';", options, errors: [{ messageId: 'crossing' }] },
    { filename: at('main/services/x.ts'), code: "const e = require('electron');", options, errors: [{ messageId: 'crossing' }] },
    { filename: at('main/services/x.ts'), code: "import { w } from '../electron/window';", options, errors: [{ messageId: 'crossing' }] },
    { filename: at('preload/x.ts'), code: "import fs from 'fs';", options, errors: [{ messageId: 'crossing' }] },
  ],
});
