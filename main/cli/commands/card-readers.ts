import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';

/** `card readers`: what the app's chip reading sees — is PC/SC there, which readers, a card on each. */
export const cardReadersCommand: CliCommand = {
  name: ['card', 'readers'],
  usage: 'card readers [--json]',
  summary: 'IC カードリーダーの一覧とカードの有無を出す（PC/SC が使えなければ終了コード 1）',
  options: [['--json', '1 行の JSON で出す: {"available","readers":[{"name","cardPresent"}],"message"}']],
  async run(argv) {
    const { values } = parseArgs({ args: argv, strict: true, options: { json: { type: 'boolean', default: false } } });
    const { ChipService } = await import('../../services/chip/chip-service');
    const chip = new ChipService({ log: () => undefined });
    try {
      const r = await chip.readers();
      if (values.json) process.stdout.write(`${JSON.stringify(r)}\n`);
      else for (const x of r.readers) process.stdout.write(`${x.name}: ${x.cardPresent ? 'カードあり' : 'カードなし'}\n`);
      if (r.message) process.stderr.write(`${r.message}\n`);
      if (!r.available) process.exitCode = 1;
    } finally {
      await chip.close();
    }
  },
};
