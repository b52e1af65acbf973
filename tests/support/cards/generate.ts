/**
 * Synthetic My Number card images with ground truth.
 *   npx tsx tests/support/cards/generate.ts --out DIR [--count N] [--seed S] [--kinds current,next-gen,foreign] [--looks flat,scanner,camera]
 * Writes DIR/<id>.<png|jpg> and DIR/<id>.json (CardTruth), and DIR/index.json listing them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../chromium';
import { Rng } from './random';
import { makePerson } from './people';
import { cardHtml, FONTS } from './card-html';
import { renderCard, type Look } from './render';
import type { CardKind, CardTruth } from './truth';

export interface GenerateOptions {
  out: string;
  count: number;
  seed: number;
  kinds: CardKind[];
  looks: Look[];
  /** share of cards that are upside down */
  upsideDownRate?: number;
}

export async function generateCards(o: GenerateOptions): Promise<CardTruth[]> {
  fs.mkdirSync(o.out, { recursive: true });
  const rng = new Rng(o.seed);
  const browser = await launchChromium();
  const truths: CardTruth[] = [];
  try {
    const page = await browser.newPage();
    for (let i = 0; i < o.count; i++) {
      const kind = o.kinds[i % o.kinds.length]!;
      const look = o.looks[Math.floor(i / o.kinds.length) % o.looks.length]!;
      const font = FONTS[(i + Math.floor(i / 7)) % FONTS.length]!;
      const person = makePerson(rng, { latin: kind === 'foreign', rareRate: 0.1 });
      const upsideDown = look !== 'flat' && rng.chance(o.upsideDownRate ?? 0.15);
      const face = kind === 'no-card' ? '<div></div>' : cardHtml(kind, person, font, rng);
      const { bytes, ext } = await renderCard(page, face, look, rng, upsideDown);
      const id = `card-${o.seed}-${String(i).padStart(4, '0')}-${kind}-${look}`;
      const file = `${id}.${ext}`;
      fs.writeFileSync(path.join(o.out, file), bytes);
      const isCard = kind === 'current' || kind === 'next-gen' || kind === 'foreign';
      const truth: CardTruth = {
        file,
        kind,
        layout: isCard ? kind : 'unknown',
        look,
        font,
        upsideDown,
        expectError: !isCard,
        fields: isCard
          ? {
            name: `${person.family}　${person.given}`,
            nameKana: kind === 'next-gen' ? `${person.familyKana}　${person.givenKana}` : null,
            address: person.addressLines.join(''),
            birthDate: person.birthIso,
            sex: kind === 'next-gen' ? null : person.sex,
            expiryDate: person.expiryIso,
          }
          : { name: null, nameKana: null, address: null, birthDate: null, sex: null, expiryDate: null },
      };
      fs.writeFileSync(path.join(o.out, `${id}.json`), JSON.stringify(truth, null, 1) + '\n');
      truths.push(truth);
    }
  } finally {
    await browser.close();
  }
  fs.writeFileSync(path.join(o.out, 'index.json'), JSON.stringify(truths.map((t) => t.file), null, 1) + '\n');
  return truths;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.dirname, 'generate.ts')) {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      count: { type: 'string', default: '12' },
      seed: { type: 'string', default: '1' },
      kinds: { type: 'string', default: 'current,next-gen,foreign' },
      looks: { type: 'string', default: 'flat,scanner,camera' },
      'upside-down-rate': { type: 'string', default: '0.15' },
    },
  });
  if (!values.out) throw new Error('--out DIR is required');
  await generateCards({
    out: values.out,
    count: Number(values.count),
    seed: Number(values.seed),
    kinds: values.kinds.split(',') as CardKind[],
    looks: values.looks.split(',') as Look[],
    upsideDownRate: Number(values['upside-down-rate']),
  });
}
