import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { UsageError } from '../command';
import { startSimServer } from '../../backend-sim/sim-server';
import { defaultDataDir } from '../../services/default-data-dir';

export const backendSimCommand: CliCommand = {
  name: ['backend-sim'],
  usage: 'backend-sim --port P --data-dir D',
  async run(argv) {
    const { values } = parseArgs({ args: argv, strict: true, options: { port: { type: 'string', default: '0' }, 'data-dir': { type: 'string' } } });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be 0..65535');
    const dataDir = path.resolve(values['data-dir'] ?? path.join(defaultDataDir(), 'backend-sim'));
    const sim = await startSimServer({ port, dataDir });
    process.stdout.write(`backend-sim listening: ${sim.url}\n`);
    const stop = () => void sim.close().finally(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  },
};
