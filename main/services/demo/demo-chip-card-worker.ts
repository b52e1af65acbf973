import { parentPort } from 'node:worker_threads';
import { connectToVpcd, type VpcdLink } from '../../chip-emulator/vpcd-link';
import { VirtualMyNumberCard } from '../../chip-emulator/virtual-mynumber-card';
import type { VirtualPerson } from '../../chip-emulator/synthetic-people';

/**
 * The virtual card on a thread of its own, for a process that also reads it through PC/SC (研修モード's
 * 見本ICカード): the reading side makes blocking PC/SC calls (SCardDisconnect with a reset waits for the
 * card's answer), and a card answering from the same thread could never answer them.
 */
export type CardWorkerRequest = { kind: 'put'; port: number; person: VirtualPerson; pin: string } | { kind: 'remove' };
export type CardWorkerEvent = { kind: 'on' } | { kind: 'off' } | { kind: 'error'; message: string };

const port = parentPort;
let link: VpcdLink | null = null;

function post(e: CardWorkerEvent): void {
  port?.postMessage(e);
}

port?.on('message', (m: CardWorkerRequest) => {
  if (m.kind === 'remove') {
    const l = link;
    link = null;
    l?.remove();
    return;
  }
  link?.remove();
  link = null;
  let mine: VpcdLink | null = null;
  const card = new VirtualMyNumberCard({ person: m.person, pin: m.pin });
  const onClose = () => {
    if (mine !== null && link === mine) {
      link = null;
      post({ kind: 'off' });
    }
  };
  // vpcd is local: it answers at once or not at all
  connectToVpcd({ port: m.port, card, onClose }, 2000)
    .then((l) => {
      mine = l;
      link = l;
      post({ kind: 'on' });
    })
    .catch((err: unknown) => post({ kind: 'error', message: err instanceof Error ? err.message.slice(0, 200) : 'connect failed' }));
});
