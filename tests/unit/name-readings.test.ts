import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildNameReadings } from '../../common/names/name-readings';
import { formatReadingTable, parseReadingTable } from '../../common/names/reading-table';
import { findNamesDir, loadNameReadings, NAME_TABLE_FILES } from '../../main/services/names/name-reading-files';
import { operations } from '../../common/contract/operations';
import { createNameHandlers } from '../../main/services/api/name-handlers';
import { repoRoot } from '../support/processes';

const loaded = loadNameReadings();
const names = loaded.readings;

describe('the shipped name-reading tables', () => {
  it('load without problems, from assets/names, with the IPADIC licence beside them', () => {
    expect(loaded.problems).toEqual([]);
    expect(findNamesDir()).toBe(path.join(repoRoot, 'assets', 'names'));
    expect(names.counts.family).toBeGreaterThan(10_000);
    expect(names.counts.given).toBeGreaterThan(15_000);
    const licence = fs.readFileSync(path.join(repoRoot, 'assets', 'names', 'IPADIC-LICENSE.txt'), 'utf8');
    expect(licence).toContain('Nara Institute of Science');
    expect(licence).toContain('NO WARRANTY');
    for (const f of NAME_TABLE_FILES) expect(fs.statSync(path.join(repoRoot, 'assets', 'names', f)).size).toBeLessThan(2 * 1024 * 1024);
  });
});

describe('name reading suggestions', () => {
  it('gives the exact entries of the name in dictionary order, in ひらがな', () => {
    expect(names.suggest('高橋', '姓')).toEqual(['たかはし', 'たかばし']);
    expect(names.suggest('一郎', '名')).toEqual(['いちろう']);
    expect(names.suggest('和子', '名')).toEqual(['かずこ', 'まさこ']);
    expect(names.suggest('渡邉', '姓')[0]).toBe('わたなべ');
  });

  it('keeps family and given names apart', () => {
    // 彩 is both: さい / あや as a family name, あや as a given name
    expect(names.suggest('彩', '名')).toEqual(['あや']);
    expect(names.suggest('彩', '姓')).toEqual(['さい', 'あや']);
  });

  it('looks variant kanji up by their common form, without changing the name', () => {
    const name = '\u9AD9橋'; // 髙橋
    expect(names.suggest(name, '姓')).toEqual(['たかはし', 'たかばし']);
    expect(name).toBe('\u9AD9橋');
    expect(names.suggest('山\u{FA11}', '姓')).toContain('やまざき'); // 山﨑
    expect(names.suggest('渡邊', '姓')).toEqual(names.suggest('渡辺', '姓'));
  });

  it('knows recent given names from the supplement', () => {
    expect(names.suggest('陽翔', '名').slice(0, 2)).toEqual(['はると', 'ひなと']);
    expect(names.suggest('陽菜', '名')).toEqual(['ひな', 'はるな']);
    expect(names.suggest('結愛', '名')[0]).toBe('ゆあ');
    // the supplement adds a reading after IPADIC's own
    expect(names.suggest('律', '名')).toEqual(['ただし', 'りつ']);
  });

  it('composes a reading only when every piece has an entry, and never starts with a 連濁 form', () => {
    expect(names.suggest('崎子', '名')).toEqual(['さきこ']);
    expect(names.suggest('\u{FA11}子', '名')).toEqual(['さきこ']); // 﨑子
    expect(names.suggest('小鳥遊', '姓')).toEqual([]);
  });

  it('reads a kana name as itself, and gives nothing for the unknown', () => {
    expect(names.suggest('さくら', '名')).toEqual(['さくら']);
    expect(names.suggest('スミス', '姓')).toEqual(['すみす']);
    expect(names.suggest('SMITH', '姓')).toEqual([]);
    expect(names.suggest('', '姓')).toEqual([]);
    expect(names.suggest('  ', '名')).toEqual([]);
    expect(names.suggest('〓〓', '名')).toEqual([]);
  });

  it('ranks exact entries before composed ones and caps the list', () => {
    const r = buildNameReadings([
      [
        { kind: '姓', surface: '木', readings: ['き'] },
        { kind: '名', surface: '花', readings: ['はな', 'か'] },
        { kind: '部品', surface: '子', readings: ['こ'] },
        { kind: '部品', surface: '田', readings: ['た', 'だ'] },
      ],
    ]);
    expect(r.suggest('花子', '名')).toEqual(['はなこ', 'かこ']);
    expect(r.suggest('田木', '姓')).toEqual(['たき']); // だき would be a 連濁 form at the start
    expect(r.suggest('木田', '姓')).toEqual(['きた', 'きだ']);
    // the other kind's exact entry first, then compositions
    expect(r.suggest('花', '姓')).toEqual(['はな', 'か']);
    expect(r.suggest('木'.repeat(13), '姓')).toEqual([]);
  });
});

describe('the reading table format', () => {
  it('round-trips and reports bad lines without stopping', () => {
    const text = formatReadingTable(['header'], [{ kind: '名', surface: '\u{FA11}子', readings: ['さきこ'] }]);
    expect(parseReadingTable(text)).toEqual({ entries: [{ kind: '名', surface: '\u{FA11}子', readings: ['さきこ'] }], problems: [] });
    const bad = parseReadingTable('# c\n\n名\t花\tハナ\n氏\t花\tはな\n名\t花\n名\t花子\tはなこ はなこ\n');
    expect(bad.entries).toEqual([{ kind: '名', surface: '花子', readings: ['はなこ'] }]);
    expect(bad.problems).toHaveLength(3);
  });
});

describe('suggestNameReadings', () => {
  it('answers both parts, and empty lists without tables', () => {
    expect(createNameHandlers(names).suggestNameReadings({ family: '髙橋', given: '一郎' })).toEqual({ ok: true, value: { family: ['たかはし', 'たかばし'], given: ['いちろう'] } });
    expect(createNameHandlers(undefined).suggestNameReadings({ family: '髙橋', given: '一郎' })).toEqual({ ok: true, value: { family: [], given: [] } });
    // the tables may come from a getter: nothing is read until a suggestion is asked for
    let reads = 0;
    const lazy = createNameHandlers(() => (reads++, names));
    expect(reads).toBe(0);
    expect(lazy.suggestNameReadings({ family: '髙橋', given: '一郎' })).toEqual({ ok: true, value: { family: ['たかはし', 'たかばし'], given: ['いちろう'] } });
    expect(reads).toBe(1);
  });

  it('refuses huge or malformed input at the boundary', () => {
    const input = operations.suggestNameReadings.input;
    expect(input.safeParse({ family: '髙橋', given: '' }).success).toBe(true);
    expect(input.safeParse({ family: '高'.repeat(41), given: '' }).success).toBe(false);
    expect(input.safeParse({ family: '高', given: 'あ'.repeat(100_000) }).success).toBe(false);
    expect(input.safeParse({ family: '高' }).success).toBe(false);
    expect(input.safeParse({ family: '高', given: '一', extra: 1 }).success).toBe(false);
    expect(input.safeParse({ family: 1, given: '一' }).success).toBe(false);
  });

  it('a missing table directory gives no suggestions, not a failure', () => {
    const l = loadNameReadings(null);
    expect(l.problems).toEqual(['names directory not found']);
    expect(l.readings.suggest('高橋', '姓')).toEqual([]);
  });
});
