import type { Page } from 'playwright-core';
import { Rng } from './random';
import { cardHtml, FONTS } from './card-html';
import { renderCard, type Look } from './render';
import type { Person } from './people';
import type { CardLayout } from './truth';

/** One synthetic card front for a given person (the counter e2e's family), rendered like the generator's. */
export async function renderPersonCard(page: Page, person: Person, opts: { seed?: number; kind?: CardLayout; look?: Look; font?: (typeof FONTS)[number] } = {}): Promise<{ bytes: Buffer; ext: 'png' | 'jpg' }> {
  const rng = new Rng(opts.seed ?? 7);
  const html = cardHtml(opts.kind ?? 'current', person, opts.font ?? FONTS[0], rng);
  return renderCard(page, html, opts.look ?? 'flat', rng, false);
}

/** A person as the card generator takes them: names with exact code points, dates as ISO. */
export function cardPerson(p: { family: string; given: string; sex: '男' | '女'; birth: string; address: string; expiry: string; familyKana?: string; givenKana?: string }): Person {
  return {
    family: p.family,
    given: p.given,
    familyKana: p.familyKana ?? null,
    givenKana: p.givenKana ?? null,
    latin: false,
    sex: p.sex === '男' ? 'M' : 'F',
    birthIso: p.birth,
    addressLines: [p.address],
    expiryIso: p.expiry,
  };
}
