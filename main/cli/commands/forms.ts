import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { FORMS } from '../../../common/forms/registry';

/** `forms list`: the registered standard forms, for city IT staff writing navigator rules. */
export const formsListCommand: CliCommand = {
  name: ['forms', 'list'],
  usage: 'forms list [--json]',
  summary: '収録している様式の一覧を出す',
  options: [
    ['--json', 'JSON で出す'],
  ],
  run(argv) {
    const { values } = parseArgs({ args: argv, strict: true, options: { json: { type: 'boolean', default: false } } });
    const rows = FORMS.map((f) => ({ id: f.id, title: f.title, gyomu: f.gyomu }));
    process.stdout.write(
      values.json ? JSON.stringify(rows) + '\n' : rows.map((r) => `${r.id}\t${r.title}\t${r.gyomu}`).join('\n') + '\n',
    );
  },
};
