/**
 * The wide-row scanner (src/io/scan.ts) reads well-formed rows straight from the bytes and
 * leaves every other row to the record path. Loading with it and without it must give the
 * same outcome bit for bit: the same series (each value the same double), the same
 * sources and notes, or the same problems in the same order.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LiqError } from '../src/errors.ts';
import { loadTexts } from '../src/io/load.ts';
import type { SourceText } from '../src/io/parse.ts';
import { ObservationStore } from '../src/io/collect.ts';
import { isAsciiText, scanWideRows, wideRowScanner } from '../src/io/scan.ts';
import { ROOT } from './helpers/run-liq.ts';

const SCALE = Math.max(1, Number(process.env.LIQ_FUZZ_RUNS ?? 1) || 1);

/** Everything a load can tell, in a form toEqual compares exactly (-0 and 0 apart). */
function outcome(sources: readonly SourceText[], scan: boolean): unknown {
  try {
    const loaded = loadTexts(sources, new Map(), { scan });
    return {
      series: [...loaded.series].map(([name, s]) => ({
        name,
        dates: [...s.dates],
        // The bits of each double, so that no rounding difference can hide.
        values: [...s.values].map((v) => (Object.is(v, -0) ? '-0' : v.toString())),
        sources: s.sources,
      })),
      notices: loaded.notices,
    };
  } catch (error) {
    if (error instanceof LiqError) return { problems: error.problems, exit: error.exitCode };
    throw error;
  }
}

const sameEitherWay = (sources: readonly SourceText[]): void => {
  expect(outcome(sources, true)).toEqual(outcome(sources, false));
};

/** Cells that sit on either side of what the scanner takes. */
const cell = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('5.25', '0.0525', '3000000', '2553.716', '-0.01', '0', '', '.', '7') },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '-0', '+.5', '5.', '.5', '-', '+', '-.', '+.', '..', '1.2.3', '1e5', '1E-2', ' 3', '3 ', '1,5', 'NaN', '#N/A', 'Infinity',
      '123456789012345', '1234567890123456', '0.00000000000001', '000000000000001', '9007199254740993', '99999999999999.9', 'é', '\t',
    ),
  },
  { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map(String) },
  // 13 to 18 digits with a point somewhere: where a double stops holding the digits exactly.
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 13, maxLength: 18 }), fc.nat())
      .map(([digits, at]) => {
        const text = digits.join('');
        const dot = at % (text.length + 1);
        return `${text.slice(0, dot)}.${text.slice(dot)}`;
      }),
  },
  { weight: 2, arbitrary: fc.integer({ min: -1_000_000, max: 10_000_000 }).chain((n) => fc.integer({ min: 0, max: 6 }).map((k) => (n / 10 ** k).toFixed(k))) },
);
const date = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: dayOf(1999, 1, 1), max: dayOf(2026, 12, 31) }).map(isoOf) },
  { weight: 2, arbitrary: fc.constantFrom('2019-02-29', '2020-02-29', '2019-13-01', '2019-9-17', '09/17/2019', '1899-12-31', '2200-01-01', '0219-09-17', '2019-09-17 ', ' 2019-09-17', '2019-09-17T00:00', '', 'date') },
);
const header = fc.constantFrom('date,sofr,reserves,rrp_rate', 'observation_date,SOFR', 'DATE,WRESBAL', 'date,sofr,notes,tga', 'date,sofr[bp],,gdp (trillions)', 'date,iorb,effr');
const wideText = fc
  .record({
    header,
    rows: fc.array(fc.tuple(date, fc.array(cell, { minLength: 0, maxLength: 5 })), { maxLength: 12 }),
    eol: fc.constantFrom('\n', '\r\n'),
    bom: fc.boolean(),
    blank: fc.nat({ max: 12 }),
    lastEol: fc.boolean(),
  })
  .map(({ header: h, rows, eol, bom, blank, lastEol }) => {
    const width = h.split(',').length;
    const lines = rows.map(([d, cells], i) => [d, ...(i % 4 === 3 ? cells : [...cells, ...Array<string>(width).fill('')].slice(0, width - 1))].join(','));
    lines.splice(Math.min(blank, lines.length), 0, '');
    return (bom ? '\uFEFF' : '') + [h, ...lines].join(eol) + (lastEol ? eol : '');
  });

function dayOf(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / 86_400_000;
}
function isoOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

describe('the wide-row scanner', () => {
  it('gives the same outcome as the record path on generated wide files', () => {
    fc.assert(
      fc.property(wideText, (text) => sameEitherWay([{ name: 'wide.csv', text, named: true }])),
      { numRuns: 3_000 * SCALE },
    );
  });

  it('gives the same outcome on several files at once, whose rows merge and may conflict', () => {
    fc.assert(
      fc.property(fc.array(wideText, { minLength: 2, maxLength: 3 }), (texts) => sameEitherWay(texts.map((text, i) => ({ name: `f${i}.csv`, text, named: true })))),
      { numRuns: 1_000 * SCALE },
    );
  });

  it('gives the same series, bit for bit, for every real fixture and sample', () => {
    const files = ['fixtures/samples/wide.csv', 'fixtures/samples/long.csv', 'fixtures/treasury/DTS_OpCashBal_20210624_20260623.csv'];
    const fred = ['DFEDTARL', 'DFEDTARU', 'DFF', 'EFFR', 'GDP', 'IORB', 'RRPONTSYAWARD', 'RRPONTSYD', 'SOFR', 'WALCL', 'WRESBAL', 'WTREGEN'].map((id) => `fixtures/fred/${id}.csv`);
    const sources = [...fred, ...files].map((path) => ({ name: path, text: readFileSync(join(ROOT, path), 'utf8'), named: true }));
    for (const source of sources) sameEitherWay([source]);
  });

  it('takes the well-formed rows itself, and stops at the first row it leaves to the record path', () => {
    const text = 'date,sofr,notes,reserves\n2019-09-16,2.43,any text,1390.1\n\n2019-09-17,5.25,,\n2019-09-18, 2.55,,\n2019-09-19,2.20,,1.0\n';
    const store = new ObservationStore();
    const sofr = store.openSegment('x.csv', 2, 'sofr', 'sofr', { kind: 'known', scale: { name: 'percent', dimension: 'rate', num: 1, den: 1 } as never, basis: 'test' });
    const reserves = store.openSegment('x.csv', 4, 'reserves', 'reserves', { kind: 'magnitude' });
    const scanner = wideRowScanner(text, 4, [{ index: 1, segment: sofr, counts: true }, { index: 3, segment: reserves, counts: false }], store, -1e6, 1e6);
    const cursor = { pos: text.indexOf('\n') + 1, line: 2 };
    // Rows 2 and 4 are taken, the blank line 3 is skipped, and " 2.55" on line 5 stops it.
    expect(scanWideRows(scanner, cursor)).toBe(2);
    expect(cursor).toEqual({ pos: text.indexOf('2019-09-18'), line: 5 });
    const series = store.finish();
    expect([...(series.get('sofr')?.values ?? [])]).toEqual([2.43, 5.25]);
    expect([...(series.get('reserves')?.values ?? [])]).toEqual([1390.1]);
  });

  it('reads only texts that are ASCII, a leading BOM aside', () => {
    expect(isAsciiText('\uFEFFdate,sofr\n')).toBe(true);
    expect(isAsciiText('date,sofr\n')).toBe(true);
    expect(isAsciiText('date,sofr,é\n')).toBe(false);
    expect(isAsciiText('date,sofr,\uD800\n')).toBe(false);
  });

  it('reads a text longer than its 1 MiB window, rows crossing the window edges, as the record path does', () => {
    // About 2.5 MB: the window slides twice, mid-row, and a row the scanner leaves to the
    // record path (" 2.5") sits in the second window.
    const rows: string[] = [];
    for (let i = 0; i < 60_000; i++) {
      const d = isoOf(dayOf(1900, 1, 1) + i);
      rows.push(i === 29_500 ? `${d}, 2.5,a note,` : `${d},${(i % 500) / 100},a longer note no ${i % 997},${1000 + (i % 3000)}`);
    }
    const text = `date,sofr,notes,reserves\n${rows.join('\n')}\n`;
    expect(text.length).toBeGreaterThan(2 << 20);
    const source = [{ name: 'big.csv', text, named: true }];
    sameEitherWay(source);
    expect(loadTexts(source).series.get('sofr')?.dates.length, 'every row read').toBe(60_000);
  });
});
