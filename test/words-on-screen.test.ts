/**
 * What a person reads carries words, not JSON keys: the table, markdown and HTML of the
 * bundled data on days of every status hold no camelCase metric key (avg10Bp,
 * belowUpperBp, change13w…). Plain-word keys such as `level` are ordinary English.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATORS } from '../src/engine/indicators/index.ts';
import { liq } from './helpers/run-liq.ts';

const KEYS = [...new Set(INDICATORS.flatMap((d) => [...d.metricKeys]))].filter((k) => /[A-Z0-9]/.test(k));
const keysIn = (text: string): string[] => KEYS.filter((k) => new RegExp(`\\b${k}\\b`).test(text));
const DAYS = ['2019-09-17', '2021-06-15', '2025-10-31'];
let tmp = '';
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'liq-words-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('no JSON key on a person’s screen', () => {
  it('knows the keys it looks for', () => {
    expect(KEYS).toEqual(expect.arrayContaining(['avg10Bp', 'belowUpperBp', 'effrIorbBp', 'change13w', 'ratioPct']));
  });

  it.each(DAYS)('in the check table, markdown and HTML as of %s', (asOf) => {
    const table = liq(['check', 'fixtures/fred/', '--as-of', asOf]);
    expect(table.code).toBe(0);
    expect(keysIn(table.stdout), 'table').toEqual([]);
    const md = liq(['check', 'fixtures/fred/', '--as-of', asOf, '--format', 'md']);
    expect(keysIn(md.stdout), 'check markdown').toEqual([]);
    for (const format of ['md', 'html']) {
      const out = join(tmp, `${asOf}.${format}`);
      expect(liq(['report', 'fixtures/fred/', '--as-of', asOf, '--format', format, '--out', out]).code).toBe(0);
      // HTML: the text a person reads, not the markup (ids and attributes may hold keys)
      const text = readFileSync(out, 'utf8').replace(/<(script|style)[\s\S]*?<\/\1>/g, '').replace(/<[^>]*>/g, ' ');
      expect(keysIn(text), `report ${format}`).toEqual([]);
    }
  });

  it('in the compare table', () => {
    expect(keysIn(liq(['compare', 'fixtures/fred/', '--as-of', '2025-10-31']).stdout)).toEqual([]);
  });
});
