import fs from 'node:fs';
import path from 'node:path';
import { findAssetDir } from '../../assets/find-asset-dir';

/**
 * The 見本カード of 研修モード: card images of synthetic residents made at build time
 * (scripts/make-demo-cards.ts → assets/demo-cards/), offered in the card dialog as the camera/scanner
 * input. Read from disk on each call (a few hundred kB, a trainer's click); absent files → no cards.
 */
export const SAMPLE_CARDS_INDEX = 'index.json';
/** a card image is a few hundred kB; anything far bigger is not one of ours */
const MAX_CARD_BYTES = 8 * 1024 * 1024;

export interface SampleCardEntry {
  id: string;
  label: string;
  file: string;
}

export interface SampleCards {
  list(): { id: string; label: string }[];
  image(id: string): { mimeType: 'image/png' | 'image/jpeg'; base64: string } | null;
}

export function sampleCards(dir = findAssetDir('demo-cards', [SAMPLE_CARDS_INDEX], process.env.ICHIMADO_DEMO_CARDS_DIR)): SampleCards {
  const entries = (): SampleCardEntry[] => {
    if (!dir) return [];
    try {
      const v = JSON.parse(fs.readFileSync(path.join(dir, SAMPLE_CARDS_INDEX), 'utf8')) as unknown;
      return Array.isArray(v) ? v.filter((e): e is SampleCardEntry => typeof e?.id === 'string' && typeof e?.label === 'string' && typeof e?.file === 'string') : [];
    } catch {
      return [];
    }
  };
  return {
    list: () => entries().map(({ id, label }) => ({ id, label })),
    image: (id) => {
      const e = entries().find((x) => x.id === id);
      // the index names files in its own folder only
      if (!e || !dir || path.basename(e.file) !== e.file) return null;
      const file = path.join(dir, e.file);
      try {
        if (fs.statSync(file).size > MAX_CARD_BYTES) return null;
        return { mimeType: e.file.endsWith('.png') ? 'image/png' : 'image/jpeg', base64: fs.readFileSync(file).toString('base64') };
      } catch {
        return null;
      }
    },
  };
}
