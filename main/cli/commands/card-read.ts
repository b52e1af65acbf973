import { parseArgs } from 'node:util';
import { UsageError, type CliCommand } from '../command';
import { maskMyNumber } from '../../../common/validation/my-number';
import type { StartChipReadInput } from '../../../common/contract/chip-operations';

/** how often the CLI looks at the read's state while the card is being read (a read takes ~0.5–1 s) */
const POLL_MS = 20;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim();
}

/**
 * `card read`: reads the card on the reader through the same chip service the app uses (PC/SC, the
 * 券面事項入力補助AP, digests checked). The PIN or 照合番号B comes on standard input, never as an argument
 * (arguments are visible to every user of the machine in the process list).
 */
export const cardReadCommand: CliCommand = {
  name: ['card', 'read'],
  usage: 'card read [--json] (--pin-stdin | --verify-b-stdin) [--reveal-number] [--reader NAME]',
  summary: 'ICカードリーダー上のマイナンバーカードの IC チップ（券面事項入力補助AP）を読む（暗証番号の誤りは終了コード 1 と残り回数）',
  options: [
    ['--json', '1 行の JSON で出す: {"name","address","birthDate","sex","number","digestsOk","triesLeft"}（triesLeft は照合前に読んだ残り回数）'],
    ['--pin-stdin', '標準入力から 4 桁の暗証番号を読む（個人番号も読む）'],
    ['--verify-b-stdin', '標準入力から照合番号B（和暦生年月日 YYMMDD + 有効期限の年 YYYY + セキュリティコード 4 桁、計 14 桁）を読む（個人番号は読めない）'],
    ['--reveal-number', '個人番号を伏せずに出す（既定は下 4 桁のみ）'],
    ['--reader NAME', '使うリーダーの名前（既定: カードが置かれた最初のリーダー）'],
  ],
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        'pin-stdin': { type: 'boolean', default: false },
        'verify-b-stdin': { type: 'boolean', default: false },
        'reveal-number': { type: 'boolean', default: false },
        reader: { type: 'string' },
      },
    });
    if (values['pin-stdin'] === values['verify-b-stdin']) throw new UsageError('card read: --pin-stdin か --verify-b-stdin のどちらか一つを指定してください。');
    const secret = (await readStdin()).replace(/[\s-]/g, '');
    let input: StartChipReadInput;
    if (values['pin-stdin']) {
      if (!/^\d{4}$/.test(secret)) throw new UsageError('card read: 暗証番号は 4 桁の数字です（標準入力）。');
      input = { method: 'pin', includeNumber: true, ...(values.reader ? { reader: values.reader } : {}) };
    } else {
      if (!/^\d{14}$/.test(secret)) throw new UsageError('card read: 照合番号Bは 14 桁の数字です（標準入力）。');
      input = { method: 'verify-b', verifyB: { birthWareki: secret.slice(0, 6), expiryYear: secret.slice(6, 10), securityCode: secret.slice(10) }, ...(values.reader ? { reader: values.reader } : {}) };
    }
    const { ChipService } = await import('../../services/chip/chip-service');
    const chip = new ChipService({ log: () => undefined });
    const failWith = (code: string, message: string, triesLeft: number | null) => {
      if (values.json) process.stdout.write(`${JSON.stringify({ error: code, message, triesLeft })}\n`);
      process.stderr.write(`${message}\n`);
      process.exitCode = 1;
    };
    try {
      const started = await chip.start(input);
      if (!started.ok) return failWith(started.error.reason ?? started.error.code, started.error.message, null);
      if (input.method === 'pin') {
        const request = chip.pinRequest();
        if (!request) return failWith('card-error', '暗証番号を受け付ける状態になりませんでした。', null);
        await chip.submitPin(request.pinRequestId, secret);
      }
      for (;;) {
        const s = chip.state(started.value.sessionId);
        if (!s) return failWith('card-error', '読み取りが見つかりません。', null);
        if (s.state === 'failed') return failWith(s.code, s.message, s.triesLeft);
        if (s.state === 'done') {
          const f = s.fields;
          const number = f.myNumber === null ? null : values['reveal-number'] ? f.myNumber : maskMyNumber(f.myNumber);
          const out = { name: f.name, address: f.address, birthDate: f.birthDate, sex: f.sex, number, digestsOk: f.digestsOk, triesLeft: started.value.triesLeft };
          process.stdout.write(values.json ? `${JSON.stringify(out)}\n` : `氏名 ${out.name} / 住所 ${out.address} / 生年月日 ${out.birthDate ?? '（不正な日付）'} / 性別 ${out.sex ?? '-'} / 個人番号 ${out.number ?? '（読まず）'} / 署名照合 ${out.digestsOk ? '一致' : '不一致'} (${s.ms} ms)\n`);
          return;
        }
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    } finally {
      await chip.close();
    }
  },
};
