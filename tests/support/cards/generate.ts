/**
 * Synthetic My Number card images with ground truth.
 *   npx tsx tests/support/cards/generate.ts --out DIR [--count N] [--seed S] [--kinds current,next-gen,foreign] [--looks flat,scanner,camera]
 *   [--varied]  card faces that vary label placement, spacing, sizes, address wrap, photo, background and
 *               next-generation design (varied-card.ts), people from the wide pool and the address master
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
import { DESIGNS, VARIED_FONTS, variedCardHtml, type Design } from './varied-card';
import { makeWidePerson } from './wide-person';

export interface GenerateOptions {
  out: string;
  count: number;
  seed: number;
  kinds: CardKind[];
  looks: Look[];
  /** share of cards that are upside down */
  upsideDownRate?: number;
  /** the varied generator (every card its own design, people from the wide pool); default the classic one */
  varied?: boolean;
}

const DESIGNS_OF = (kind: CardKind): Design[] => (Object.keys(DESIGNS) as Design[]).filter((d) => DESIGNS[d] === kind);

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
      const fonts = o.varied ? VARIED_FONTS : FONTS;
      const font = fonts[(i + Math.floor(i / 7)) % fonts.length]!;
      const person = (o.varied ? makeWidePerson : makePerson)(rng, { latin: kind === 'foreign', rareRate: 0.1 });
      // a phone photo is upside down far more often than a scan
      const upsideDown = look !== 'flat' && rng.chance(look === 'phone' ? Math.max(0.3, o.upsideDownRate ?? 0.15) : (o.upsideDownRate ?? 0.15));
      const designs = o.varied ? DESIGNS_OF(kind) : [];
      // every design meets every look: the n-th card of a kind takes look n and design n + n / looks
      const nth = Math.floor(i / o.kinds.length);
      const design = designs.length ? designs[(nth + Math.floor(nth / o.looks.length)) % designs.length]! : undefined;
      let face = '<div></div>';
      if (design) {
        const v = variedCardHtml(design, person, font, rng);
        face = v.html;
        person.expiryIso = v.expiryIso;
      } else if (kind !== 'no-card') face = cardHtml(kind, person, font, rng);
      const { bytes, ext } = await renderCard(page, face, look, rng, upsideDown);
      const id = `card-${o.seed}-${String(i).padStart(4, '0')}-${design ?? kind}-${look}`;
      const file = `${id}.${ext}`;
      fs.writeFileSync(path.join(o.out, file), bytes);
      const isCard = kind === 'current' || kind === 'next-gen' || kind === 'foreign';
      const truth: CardTruth = {
        file,
        kind,
        layout: isCard ? kind : 'unknown',
        look,
        ...(design ? { design } : {}),
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
      varied: { type: 'boolean', default: false },
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
    varied: values.varied,
  });
}
