import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumPdfRenderer } from '../../main/services/print/chromium-pdf';
import { countPdfPages } from '../../main/services/print/pdf-renderer';
import { filesUnder, scanForPersonalData } from '../support/personal-data-scan';
import { tempDir } from '../support/processes';

/**
 * Printing puts a resident's data into HTML; that HTML must never be written to disk (issue 10,
 * defect 13): a temp file outlives a crash. The temp dir (a private TMPDIR, which Chromium inherits)
 * is watched during and after rendering.
 */
const NAME = '藤井恵美子';
const MY_NUMBER = '123456789018';

describe('PDF through the system Chromium', () => {
  let tmp: string;
  let savedTmp: string | undefined;
  let pdf: ChromiumPdfRenderer;
  beforeAll(() => {
    savedTmp = process.env.TMPDIR;
    tmp = tempDir('print-tmp');
    process.env.TMPDIR = tmp;
    pdf = new ChromiumPdfRenderer();
  });
  afterAll(async () => {
    await pdf?.close();
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('renders from memory: no file under the temp dir holds the page, and nothing is left behind', async () => {
    const html = `<!doctype html><html><head><meta charset="utf-8"><style>@font-face { font-family: M; src: url('${pdf.fontUrl}'); }
      body { font-family: M; }</style></head><body><h1>${NAME}</h1><p>個人番号 ${MY_NUMBER}</p><div style="page-break-before: always">2</div></body></html>`;
    const bytes = await pdf.htmlToPdf(html);
    expect(Buffer.from(bytes).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(countPdfPages(bytes)).toBe(2);
    // Chromium's own profile folder exists while it runs: it must not hold the page
    expect(scanForPersonalData(tmp, [NAME, MY_NUMBER], { anyTwelveDigits: false })).toEqual([]);
    await pdf.close();
    // what Chromium may leave behind of its own (its profile is removed as it exits) holds nothing of the page
    expect(scanForPersonalData(tmp, [NAME, MY_NUMBER], { anyTwelveDigits: false })).toEqual([]);
    expect(filesUnder(tmp).filter((f) => /\.html?$/i.test(f))).toEqual([]);
  }, 60_000);
});
