import readline from 'node:readline';
import { connectToVpcd, VPCD_BASE_PORT, type VpcdLink } from './vpcd-link';
import { VirtualMyNumberCard, type VirtualCardMode, type VirtualCardOptions } from './virtual-mynumber-card';
import { syntheticPerson, virtualPerson, type SyntheticPersonInput } from './synthetic-people';

/** what a `card {…}` line on standard input may change: another card is put on the reader */
interface CardSwap {
  /** one of VIRTUAL_PEOPLE by id, or a synthetic person of the caller's own (checked by syntheticPerson) */
  person?: string | SyntheticPersonInput;
  pin?: string;
  pinTries?: number;
  verifyBTries?: number;
  mode?: VirtualCardMode;
  pullAfter?: number;
}

export interface RunVirtualCardOptions extends VirtualCardOptions {
  /** vpcd slot: 0 → port 35963 ("Virtual PCD 00 00"), 1 → 35964 ("Virtual PCD 00 01") */
  slot: number;
  pullAfterApdus?: number;
  out: (line: string) => void;
}

/** The reader name pcscd gives a vpcd slot. */
export const vpcdReaderName = (slot: number): string => `Virtual PCD 00 ${String(slot).padStart(2, '0')}`;

/**
 * Runs the virtual card as a process would: on the reader until told otherwise. Lines on standard input
 * drive it — `remove` takes the card off the reader, `insert` puts it back (powered afresh, counters kept),
 * `status` prints the counters as JSON, `card {"person":…,"mode":…,"pinTries":…}` swaps in another card
 * (tests use one process for many cards) — and each answer is one line on standard output.
 */
export async function runVirtualCard(o: RunVirtualCardOptions): Promise<{ stop(): void }> {
  let card = new VirtualMyNumberCard(o);
  const port = VPCD_BASE_PORT + o.slot;
  let link: VpcdLink | null = null;
  let pullAfter = o.pullAfterApdus;
  const insert = async () => {
    let mine: VpcdLink | null = null;
    mine = await connectToVpcd({
      port,
      card,
      ...(pullAfter !== undefined ? { pullAfterApdus: pullAfter } : {}),
      onClose: (reason) => {
        // an older connection closing late must not take the newer card off
        if (link === mine) link = null;
        o.out(JSON.stringify({ event: 'card-off', reason }));
      },
    });
    link = mine;
    // pulled once: put back, it stays
    pullAfter = undefined;
  };
  await insert();
  o.out(`virtual card on ${vpcdReaderName(o.slot)} (vpcd port ${port}): ${o.person.id}${o.mode && o.mode !== 'normal' ? ` [${o.mode}]` : ''}`);
  const rl = readline.createInterface({ input: process.stdin });
  rl.on('line', (line) => {
    const cmd = line.trim();
    if (cmd === 'remove') {
      link?.remove();
    } else if (cmd === 'insert') {
      if (link) return o.out(JSON.stringify({ event: 'card-on' }));
      void insert().then(() => o.out(JSON.stringify({ event: 'card-on' })));
    } else if (cmd.startsWith('card ')) {
      void swap(cmd.slice(5));
    } else if (cmd === 'status') {
      o.out(JSON.stringify({ event: 'status', onReader: link !== null, pinTries: card.tries().pin, verifyBTries: card.tries().verifyB, apdus: card.apdus, lastSessionApdus: card.lastSessionApdus }));
    }
  });
  const swap = async (json: string) => {
    let w: CardSwap;
    try {
      w = JSON.parse(json) as CardSwap;
    } catch {
      return o.out(JSON.stringify({ event: 'error', message: 'card: not JSON' }));
    }
    let person = o.person;
    if (typeof w.person === 'string') {
      const known = virtualPerson(w.person);
      if (!known) return o.out(JSON.stringify({ event: 'error', message: `card: no person ${w.person}` }));
      person = known;
    } else if (w.person !== undefined) {
      const own = syntheticPerson(w.person);
      if (!own.ok) return o.out(JSON.stringify({ event: 'error', message: `card: ${own.message}` }));
      person = own.person;
    }
    // callers take the old card off first and wait until pcscd has seen it go (else pcscd may miss the change)
    link?.remove();
    card = new VirtualMyNumberCard({
      person,
      pin: w.pin ?? o.pin,
      ...(w.pinTries !== undefined ? { pinTries: w.pinTries } : {}),
      ...(w.verifyBTries !== undefined ? { verifyBTries: w.verifyBTries } : {}),
      mode: w.mode ?? 'normal',
    });
    pullAfter = w.pullAfter;
    await insert();
    o.out(JSON.stringify({ event: 'card-on', person: person.id }));
  };
  return {
    stop: () => {
      rl.close();
      link?.remove();
    },
  };
}
