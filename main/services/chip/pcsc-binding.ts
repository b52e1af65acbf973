import { createRequire } from 'node:module';
import { ChipError } from './chip-error';

/**
 * PC/SC for the services, through the npm package `smartcard` (3.x, MIT).
 *
 * Why `smartcard` and not the other two Node bindings that build here (all three were built against
 * Debian's libpcsclite-dev in /tmp/pcsc-try):
 * - `smartcard` is N-API (node-addon-api): ABI-stable, so the one build in node_modules serves Node (browser
 *   mode, CLI, tests) and Electron alike, with no electron-rebuild step per Electron version; its API is
 *   promise-based (connect, transmit, waitForChange) with TypeScript types; actively released.
 * - `pcsclite` 1.0.1 and its fork `@pokusew/pcsclite` 0.6.0 are NAN addons: compiled against one V8 ABI,
 *   so they must be rebuilt for Electron and again on every Electron upgrade; their API is callback- and
 *   event-emitter-based (reader `status` events, `connect(cb)`, `transmit(cb)`); `pcsclite` has had no
 *   release in years, `@pokusew/pcsclite` is maintained mainly for nfc-pcsc.
 * What `smartcard` lacks: its native errors carry only a message (no PC/SC code), so `failureOf` below
 * maps those messages; and `transmit` has no timeout of its own, so `CardLink.transmit` adds one.
 *
 * This module is the only one that touches the package; it is loaded on first use, so a machine without
 * PC/SC (no pcscd, no WinSCard, the addon missing) gets 'pcsc-unavailable' as a value, not a crash at start.
 */

export interface PcscReader {
  name: string;
  cardPresent: boolean;
}

/** One card, connected exclusively: nobody else's APDUs come between ours (the card's security state is ours). */
export interface CardLink {
  /** one command APDU, its response (data + SW1 SW2); throws ChipError on removal, unplugging, timeout */
  transmit(apdu: Uint8Array): Promise<Uint8Array>;
  /** leaves the card reset, so no verification outlives the read */
  close(): void;
}

export interface Pcsc {
  /** the readers pcscd knows, with whether a card is on each; throws ChipError('pcsc-unavailable') */
  readers(): PcscReader[];
  connect(reader: string, transmitTimeoutMs: number): Promise<CardLink>;
  close(): void;
}

type SmartcardModule = typeof import('smartcard');

/** how long a failed command waits for pcscd to notice a card that left (it polls readers about every 0.4 s) */
const REMOVAL_NOTICE_MS = 1_500;

/** the message texts of the addon's errors (src/pcsc_errors.h), by what they mean for a read */
const FAILURE_BY_MESSAGE: [RegExp, ChipError['code']][] = [
  [/PC\/SC service (not running|stopped)|Context is not valid/i, 'pcsc-unavailable'],
  [/No smart card present|Card is unpowered|Card was reset/i, 'no-card'],
  [/Card was removed/i, 'removed'],
  [/Reader unavailable|Unknown reader|No readers available/i, 'reader-gone'],
  [/Operation timed out|Card is unresponsive/i, 'timeout'],
  [/Sharing violation/i, 'card-error'],
];

export function failureOf(err: unknown, fallback: ChipError['code']): ChipError {
  if (err instanceof ChipError) return err;
  const message = err instanceof Error ? err.message : String(err);
  const hit = FAILURE_BY_MESSAGE.find(([re]) => re.test(message));
  return new ChipError(hit ? hit[1] : fallback, `pcsc: ${message.slice(0, 120)}`);
}

/**
 * The addon, loaded on first use with require: a CommonJS package with a native part, which the Electron
 * bundle keeps external (scripts/build-electron.mjs) and loads from node_modules (its .node unpacked from asar).
 */
function loadSmartcard(): SmartcardModule {
  const require = createRequire(import.meta.url);
  return require('smartcard') as SmartcardModule;
}

/** Opens a PC/SC context; throws ChipError('pcsc-unavailable') when there is no PC/SC service or binding. */
export async function openPcsc(): Promise<Pcsc> {
  let sc: SmartcardModule;
  try {
    sc = loadSmartcard();
  } catch (err) {
    throw new ChipError('pcsc-unavailable', `binding: ${err instanceof Error ? err.message.slice(0, 120) : 'not loadable'}`);
  }
  let ctx: InstanceType<SmartcardModule['Context']>;
  try {
    ctx = new sc.Context();
  } catch (err) {
    throw failureOf(err, 'pcsc-unavailable');
  }
  const list = () => {
    try {
      return ctx.listReaders();
    } catch (err) {
      throw failureOf(err, 'pcsc-unavailable');
    }
  };
  return {
    readers: () => list().map((r) => ({ name: r.name, cardPresent: (r.state & sc.SCARD_STATE_PRESENT) !== 0 && (r.state & sc.SCARD_STATE_MUTE) === 0 })),
    async connect(name, transmitTimeoutMs) {
      // a context of its own per card: polling the readers never waits behind this card's APDUs
      let own: InstanceType<SmartcardModule['Context']>;
      try {
        own = new sc.Context();
      } catch (err) {
        throw failureOf(err, 'pcsc-unavailable');
      }
      const closeOwn = () => {
        try {
          own.close();
        } catch {
          // the service is gone already
        }
      };
      const reader = safeList(() => own.listReaders()).find((r) => r.name === name);
      if (!reader) {
        closeOwn();
        throw new ChipError('no-reader', 'reader not listed');
      }
      let card: Awaited<ReturnType<typeof reader.connect>>;
      try {
        card = await reader.connect(sc.SCARD_SHARE_EXCLUSIVE, sc.SCARD_PROTOCOL_T0 | sc.SCARD_PROTOCOL_T1);
      } catch (err) {
        closeOwn();
        throw failureOf(err, 'card-error');
      }
      let dead: ChipError | null = null;
      /**
       * Why a command failed, from what the reader list says right after: the reader gone → unplugged; the
       * card gone → pulled out. pcscd notices a card leaving by polling, so it is given a moment to.
       */
      const diagnose = async (e: ChipError): Promise<ChipError> => {
        if (e.code === 'timeout' || e.code === 'pcsc-unavailable') return e;
        const end = Date.now() + REMOVAL_NOTICE_MS;
        for (;;) {
          const r = safeList(() => own.listReaders()).find((x) => x.name === name);
          if (!r) return new ChipError('reader-gone', e.detail);
          if ((r.state & sc.SCARD_STATE_PRESENT) === 0) return new ChipError('removed', e.detail);
          if (Date.now() > end) return e;
          await new Promise((res) => setTimeout(res, 50));
        }
      };
      return {
        async transmit(apdu) {
          if (dead) throw dead;
          let timer: NodeJS.Timeout | undefined;
          try {
            const answer = await Promise.race([
              card.transmit(Buffer.from(apdu), { autoGetResponse: true }),
              new Promise<never>((_, reject) => {
                timer = setTimeout(() => reject(new ChipError('timeout', `no answer in ${transmitTimeoutMs} ms`)), transmitTimeoutMs);
              }),
            ]);
            // vpcd (and some readers) answer nothing at all when the card left mid-command
            if (answer.length < 2) throw new ChipError('card-error', `answer of ${answer.length} bytes`);
            return new Uint8Array(answer);
          } catch (err) {
            dead = await diagnose(failureOf(err, 'card-error'));
            throw dead;
          } finally {
            clearTimeout(timer);
          }
        },
        close() {
          try {
            card.disconnect(sc.SCARD_RESET_CARD);
          } catch {
            // already gone with the card or the reader
          }
          closeOwn();
        },
      };
    },
    close() {
      try {
        ctx.close();
      } catch {
        // closing a context whose service is gone
      }
    },
  };
}

function safeList<T>(list: () => T[]): T[] {
  try {
    return list();
  } catch {
    return [];
  }
}
