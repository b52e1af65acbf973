/**
 * The latency hop (latency-proxy.ts) as a process of its own: `tsx latency-hop-process.ts <target> <ms>`,
 * printing `latency hop listening: <url>`. A network does not spend the sender's CPU, so the hop must not
 * either: in the sender's process its work would share the one JavaScript thread that is being measured.
 */
import { startLatencyProxy } from './latency-proxy';

const [target, ms] = process.argv.slice(2);
if (!target || !ms || !Number.isFinite(Number(ms))) {
  process.stderr.write('usage: latency-hop-process.ts <target-url> <latency-ms>\n');
  process.exit(2);
}
const hop = await startLatencyProxy(target, Number(ms));
process.stdout.write(`latency hop listening: ${hop.url}\n`);
const stop = () => void hop.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
