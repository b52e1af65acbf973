import { parseArgs } from 'node:util';
import { UsageError, type CliCommand } from '../command';
import { VIRTUAL_PEOPLE, virtualPerson } from '../../chip-emulator/synthetic-people';
import type { VirtualCardMode } from '../../chip-emulator/virtual-mynumber-card';

const MODES: readonly VirtualCardMode[] = ['normal', 'tampered', 'not-mynumber', 'malformed'];

function count(name: string, raw: string | undefined, max: number): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) > max) throw new UsageError(`card emulate: ${name} は 0〜${max} の数で指定してください。`);
  return Number(raw);
}

/** `card emulate`: a virtual My Number card on Debian's vpcd reader, for tests, the bench and training. */
export const cardEmulateCommand: CliCommand = {
  name: ['card', 'emulate'],
  usage: 'card emulate [--person ID] [--slot N] [--pin NNNN] [--pin-tries N] [--verify-b-tries N] [--mode M] [--pull-after N]',
  summary: '研修・テスト用の仮想マイナンバーカード（券面事項入力補助AP）を仮想リーダー（vsmartcard-vpcd）に置く',
  options: [
    ['--person ID', `カードの人物（架空）: ${VIRTUAL_PEOPLE.map((p) => p.id).join(' / ')}（既定 ${VIRTUAL_PEOPLE[0]!.id}）`],
    ['--slot N', 'vpcd のスロット 0 または 1（既定 0 = "Virtual PCD 00 00"、TCP 35963 + N）'],
    ['--pin NNNN', '券面事項入力補助用暗証番号（既定 1234）'],
    ['--pin-tries N', '暗証番号の残り回数（既定 3、0 でロック済み）'],
    ['--verify-b-tries N', '照合番号Bの残り回数（既定 3）'],
    ['--mode M', `normal / tampered（EF 0002 が改ざんされたカード）/ not-mynumber（マイナンバーカードでない IC カード）/ malformed（EF 0002 が途中で切れたカード）`],
    ['--pull-after N', 'N 個の APDU に答えたところでカードを抜く（読み取り中に抜かれた場合の試験）'],
  ],
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        person: { type: 'string' },
        slot: { type: 'string' },
        pin: { type: 'string' },
        'pin-tries': { type: 'string' },
        'verify-b-tries': { type: 'string' },
        mode: { type: 'string' },
        'pull-after': { type: 'string' },
      },
    });
    const person = virtualPerson(values.person ?? VIRTUAL_PEOPLE[0]!.id);
    if (!person) throw new UsageError(`card emulate: 人物 ${values.person} はいません（${VIRTUAL_PEOPLE.map((p) => p.id).join(' / ')}）。`);
    const pin = values.pin ?? '1234';
    if (!/^\d{4}$/.test(pin)) throw new UsageError('card emulate: --pin は 4 桁の数字です。');
    const mode = (values.mode ?? 'normal') as VirtualCardMode;
    if (!MODES.includes(mode)) throw new UsageError(`card emulate: --mode は ${MODES.join(' / ')} のどれかです。`);
    const pinTries = count('--pin-tries', values['pin-tries'], 3);
    const verifyBTries = count('--verify-b-tries', values['verify-b-tries'], 3);
    const pullAfter = count('--pull-after', values['pull-after'], 10_000);
    const { runVirtualCard } = await import('../../chip-emulator/run-virtual-card');
    const card = await runVirtualCard({
      person,
      pin,
      mode,
      slot: count('--slot', values.slot, 1) ?? 0,
      ...(pinTries !== undefined ? { pinTries } : {}),
      ...(verifyBTries !== undefined ? { verifyBTries } : {}),
      ...(pullAfter !== undefined ? { pullAfterApdus: pullAfter } : {}),
      out: (line) => process.stdout.write(`${line}\n`),
    });
    await new Promise<void>((resolve) => {
      const stop = () => {
        card.stop();
        resolve();
      };
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    });
  },
};
