import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../main/cli/commands';
import { commandHelp, commandsUnder, flagsOfUsage, overviewHelp } from '../../main/cli/help';

describe('CLI help texts', () => {
  it('explains every option each command names in its usage, and nothing it does not name', () => {
    for (const c of COMMANDS) {
      const explained = c.options.flatMap(([flag]) => flagsOfUsage(flag));
      expect(explained.sort(), c.name.join(' ')).toEqual(flagsOfUsage(c.usage).sort());
      expect(c.summary, c.name.join(' ')).toMatch(/[ぁ-んァ-ン一-龯]/);
    }
  });

  it('lists every command once in the overview, and a command help shows its usage and options', () => {
    const overview = overviewHelp(COMMANDS);
    for (const c of COMMANDS) expect(overview).toContain(`${c.name.join(' ')}`);
    const sim = COMMANDS.find((c) => c.name.join(' ') === 'backend-sim')!;
    const help = commandHelp(sim);
    expect(help).toContain('使い方: npm run --silent cli -- backend-sim --port P');
    expect(help).toMatch(/--fail-rate R\s+障害訓練/);
  });

  it('groups commands by their first word', () => {
    expect(commandsUnder(COMMANDS, ['queue']).map((c) => c.name.join(' ')).sort()).toEqual(['queue export', 'queue stats']);
    expect(commandsUnder(COMMANDS, ['navigator'])).toEqual([]);
  });
});
