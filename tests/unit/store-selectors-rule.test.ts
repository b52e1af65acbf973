import path from 'node:path';
import { ESLint, RuleTester } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../eslint-rules/store-selectors.js';
import { repoRoot } from '../support/processes';

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'module' } });
const options = [{ hooks: ['useCase', 'useApp'] }];

tester.run('ichimado/store-selectors', plugin.rules['store-selectors'], {
  valid: [
    { code: 'const draft = useCase((s) => s.draft);', options },
    { code: 'const p = useCase((s) => s.draft?.persons[i]);', options },
    { code: 'const v = useApp(useShallow((s) => ({ a: s.a, b: s.b })));', options },
    { code: 'const v = useCase(function (s) { return s.step; });', options },
    { code: 'const { draft } = useCase.getState();', options },
    // not a store hook named in the options
    { code: 'const x = useThing(); const [a, setA] = useState(0);', options },
  ],
  invalid: [
    { code: 'const { draft, patchDraft } = useCase();', options, errors: [{ messageId: 'noSelector' }] },
    { code: 'const app = useApp();', options, errors: [{ messageId: 'noSelector' }] },
    { code: 'const all = useCase((s) => s);', options, errors: [{ messageId: 'identity' }] },
    { code: 'const all = useApp(function (state) { return state; });', options, errors: [{ messageId: 'identity' }] },
  ],
});

// the renderer as it is: no component subscribes to a whole store (card/ excepted until its split, see eslint.config.js)
describe('the renderer', () => {
  it('reads every store through selectors', async () => {
    const eslint = new ESLint({ cwd: repoRoot, overrideConfig: { linterOptions: { reportUnusedDisableDirectives: 'off' } } });
    const results = await eslint.lintFiles(['renderer/src/**/*.{ts,tsx}']);
    const found = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'ichimado/store-selectors').map((m) => `${path.relative(repoRoot, r.filePath)}:${m.line} ${m.message}`));
    expect(found).toEqual([]);
    // the rule is on for the renderer (a config that lost it would pass the line above)
    const probe = await eslint.lintText('export function X() { const { draft } = useCase(); return draft; }\n', { filePath: path.join(repoRoot, 'renderer/src/screens/probe.tsx') });
    expect(probe[0]!.messages.map((m) => m.ruleId)).toContain('ichimado/store-selectors');
  }, 120_000);
});
