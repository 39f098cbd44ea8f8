/**
 * fast-check properties of the loader (issue 2 and issue 7):
 * - whatever text it is handed — random characters, random bytes decoded as a file is,
 *   CSV-shaped junk, real files with random edits — it either loads clean series or throws
 *   a LiqError whose every problem is one printable line; never anything else;
 * - any set of series written as a wide, a long or FRED files loads back to the same
 *   series (equal within 1e-9 relative, after unit conversion), alone or all together;
 * - unsorted rows are sorted, identical duplicates merge, a conflicting duplicate is an
 *   error that names both places.
 * About 17,000 generated inputs, a few seconds; LIQ_FUZZ_RUNS=10 runs ten times as many
 * (a deeper search before a release, or after changing src/io/).
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERIES, type SeriesName } from '../src/domain/catalog.ts';
import { marketHoliday } from '../src/domain/calendar.ts';
import { dayFromCivil, formatDay, type Day } from '../src/domain/dates.ts';
import type { Series } from '../src/domain/series.ts';
import { LiqError } from '../src/errors.ts';
import { loadTexts } from '../src/io/load.ts';
import type { SourceText } from '../src/io/parse.ts';
import { ROOT } from './helpers/run-liq.ts';

/** Run counts scale with LIQ_FUZZ_RUNS for a deeper search than CI's. */
const SCALE = Math.max(1, Number(process.env.LIQ_FUZZ_RUNS ?? 1) || 1);
const runs = (n: number): { numRuns: number } => ({ numRuns: n * SCALE });

// ---------------------------------------------------------------------------------------
// (a) Never anything but a LiqError

/** Loads, and checks what comes back either way; returns the series or the error. */
function loadChecked(sources: readonly SourceText[]): Map<SeriesName, Series> | LiqError {
  let loaded: Map<SeriesName, Series>;
  try {
    loaded = loadTexts(sources).series;
  } catch (error) {
    if (!(error instanceof LiqError)) throw error; // fast-check shrinks and reports the input
    if (error.problems.length === 0) throw new Error('a LiqError without a problem');
    for (const problem of error.problems) {
      // One printable line of a readable length: the input is quoted clipped and escaped.
      // eslint-disable-next-line no-control-regex
      if (/[\u0000-\u001f\u007f-\u009f]/.test(problem)) throw new Error(`a control character in ${JSON.stringify(problem)}`);
      if (problem.length >= 1_000) throw new Error(`a problem of ${problem.length} characters: ${problem.slice(0, 200)}…`);
    }
    return error;
  }
  // Plain checks rather than expect(): this runs for every value of thousands of inputs.
  for (const [name, series] of loaded) {
    const [lo, hi] = SERIES[name].plausible;
    for (let i = 0; i < series.dates.length; i++) {
      if (i > 0 && (series.dates[i] as number) <= (series.dates[i - 1] as number)) throw new Error(`${name}: dates not increasing at ${i}`);
      const v = series.values[i] as number;
      if (!(Number.isFinite(v) && v >= lo && v <= hi)) throw new Error(`${name}: implausible ${v} loaded`);
    }
  }
  return loaded;
}

const named = (text: string, name = 'SOFR.csv'): SourceText[] => [{ name, text, named: true }];

/** Cells and lines that steer the parser into its corners: headers, units, quotes, BOMs. */
const token = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('', '.', '5.25', '-0.01', '"1,234.5"', '2019-09-17', '2019-02-30', '1e400', 'NaN', '#N/A', '3000000', '0.0525') },
  { weight: 2, arbitrary: fc.constantFrom('date', 'observation_date', 'DATE', 'series', 'value', 'unit', 'sofr', 'SOFR', 'WRESBAL', 'walcl', 'reserves[millions]', 'sofr[bp]', 'gdp (trillions)') },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'sofr[constructor]', 'Record Date', 'Type of Account', 'Opening Balance Today', 'Treasury General Account (TGA) Closing Balance') },
  { weight: 1, arbitrary: fc.constantFrom('"', '""', '" "', '\uFEFF', '\r', '\n', '\r\n', ';', '\t', '\u0000', '\u001b', '\uFFFD', '\uD800', 'é') },
  { weight: 2, arbitrary: fc.string({ maxLength: 6 }) },
);
const csvLike = fc
  .array(fc.array(token, { minLength: 1, maxLength: 6 }), { maxLength: 10 })
  .chain((rows) => fc.constantFrom('\n', '\r\n', '\r').map((eol) => rows.map((cells) => cells.join(',')).join(eol)));

/** Real files, and random edits of their lines: the inputs most like what users send. */
const REAL = ['fixtures/samples/wide.csv', 'fixtures/samples/long.csv', 'fixtures/treasury/DTS_OpCashBal_20210624_20260623.csv', 'fixtures/fred/WRESBAL.csv', 'fixtures/fred/WALCL.csv'].map(
  (path) => {
    const lines = readFileSync(join(ROOT, path), 'utf8').split('\n');
    return { name: path.split('/').pop() as string, header: lines[0] as string, body: lines.slice(1, 200).filter((l) => l !== '') };
  },
);
const edit = fc.record({
  row: fc.nat(),
  at: fc.nat(),
  length: fc.integer({ min: 1, max: 8 }),
  text: fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom(',', '"', '.', '-', '\n', '\r\n', '9', '0', 'e', ' ', '\u0000')),
  kind: fc.constantFrom('insert', 'delete', 'replace', 'duplicate', 'swap', 'drop'),
});
const mutatedReal = fc.record({ file: fc.constantFrom(...REAL), rows: fc.integer({ min: 0, max: 40 }), edits: fc.array(edit, { minLength: 1, maxLength: 5 }) }).map(({ file, rows, edits }) => {
  const lines = [file.header, ...file.body.slice(0, rows)];
  for (const e of edits) {
    const i = e.row % lines.length;
    const line = lines[i] as string;
    const at = e.at % (line.length + 1);
    if (e.kind === 'insert') lines[i] = line.slice(0, at) + e.text + line.slice(at);
    else if (e.kind === 'delete') lines[i] = line.slice(0, at) + line.slice(at + e.length);
    else if (e.kind === 'replace') lines[i] = line.slice(0, at) + e.text + line.slice(at + e.text.length);
    else if (e.kind === 'duplicate') lines.splice(i, 0, line);
    else if (e.kind === 'drop' && lines.length > 1) lines.splice(i, 1);
    else if (e.kind === 'swap') [lines[i], lines[(i + 1) % lines.length]] = [lines[(i + 1) % lines.length] as string, line];
  }
  return { name: file.name, text: lines.join('\n') };
});

describe('the loader never throws anything but a LiqError', () => {
  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.boolean(), (text, isNamed) => {
        loadChecked([{ name: isNamed ? 'SOFR.csv' : '<stdin>', text, named: isNamed }]);
      }),
      runs(3_000),
    );
  });

  it('on arbitrary bytes decoded as UTF-8, as a file is read', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        loadChecked(named(Buffer.from(bytes).toString('utf8'), 'data.csv'));
      }),
      runs(2_000),
    );
  });

  it('on CSV-shaped junk built from headers, units, quotes and odd characters', () => {
    fc.assert(
      fc.property(csvLike, fc.constantFrom('SOFR.csv', 'data.csv', 'WTREGEN_2024.csv'), (text, name) => {
        loadChecked(named(text, name));
      }),
      runs(5_000),
    );
  });

  it('on real files with random edits to their lines', () => {
    fc.assert(
      fc.property(mutatedReal, ({ name, text }) => {
        loadChecked(named(text, name));
      }),
      runs(4_000),
    );
  });

  it('on several junk files loaded together', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(csvLike, mutatedReal.map((m) => m.text)), { minLength: 2, maxLength: 4 }), (texts) => {
        loadChecked(texts.map((text, i) => ({ name: `f${i}.csv`, text, named: true })));
      }),
      runs(1_000),
    );
  });
});

// ---------------------------------------------------------------------------------------
// (b) Round trip: wide, long and FRED files load back to the series written

/** How each series is written as a FRED download: its id and the unit FRED uses for it. */
const FRED_FORM: Record<SeriesName, { id: string; perCanonical: number }> = {
  sofr: { id: 'SOFR', perCanonical: 1 },
  effr: { id: 'EFFR', perCanonical: 1 },
  dff: { id: 'DFF', perCanonical: 1 },
  iorb: { id: 'IORB', perCanonical: 1 },
  rrp_rate: { id: 'RRPONTSYAWARD', perCanonical: 1 },
  srf_rate: { id: 'srf_rate', perCanonical: 1 }, // no FRED id: a file named after the series
  target_lower: { id: 'DFEDTARL', perCanonical: 1 },
  target_upper: { id: 'DFEDTARU', perCanonical: 1 },
  reserves: { id: 'WRESBAL', perCanonical: 1 }, // unit told by magnitude: billions stay ≤ 10,000
  tga: { id: 'WDTGAL', perCanonical: 1_000 }, // millions
  rrp: { id: 'RRPONTSYD', perCanonical: 1 },
  fed_assets: { id: 'WALCL', perCanonical: 1_000 }, // millions
  srf: { id: 'RPONTTLD', perCanonical: 1 },
  srf_submitted: { id: 'srf_submitted', perCanonical: 1 }, // NY Fed only
  gdp: { id: 'GDP', perCanonical: 1 },
  tga_daily: { id: 'tga_daily', perCanonical: 1 }, // no FRED id
  bank_assets: { id: 'TLAACBW027SBOG', perCanonical: 1 },
  sofr_p1: { id: 'SOFR1', perCanonical: 1 },
  sofr_p25: { id: 'SOFR25', perCanonical: 1 },
  sofr_p75: { id: 'SOFR75', perCanonical: 1 },
  sofr_p99: { id: 'SOFR99', perCanonical: 1 },
  sofr_volume: { id: 'SOFRVOL', perCanonical: 1 },
  effr_p1: { id: 'EFFR1', perCanonical: 1 },
  effr_p25: { id: 'EFFR25', perCanonical: 1 },
  effr_p75: { id: 'EFFR75', perCanonical: 1 },
  effr_p99: { id: 'EFFR99', perCanonical: 1 },
  effr_volume: { id: 'EFFRVOL', perCanonical: 1 },
  obfr: { id: 'OBFR', perCanonical: 1 },
  tgcr: { id: 'tgcr', perCanonical: 1 }, // NY Fed only
  bgcr: { id: 'bgcr', perCanonical: 1 }, // NY Fed only
};

const FIRST_DAY = dayFromCivil(1990, 1, 1);
const LAST_DAY = dayFromCivil(2035, 12, 31);

/**
 * A date a series can have: any day for a calendar-daily or slow series, a weekday for a
 * business-daily one (whose weekend rows the loader drops or refuses as forward-filled).
 */
function dayOf(name: SeriesName): fc.Arbitrary<Day> {
  if (!SERIES[name].businessDaily) return fc.integer({ min: FIRST_DAY, max: LAST_DAY });
  const firstMonday = FIRST_DAY + ((8 - ((FIRST_DAY + 4) % 7 + 7) % 7) % 7); // day 0, 1970-01-01, was a Thursday
  const weeks = Math.floor((LAST_DAY - firstMonday) / 7);
  const weekday = fc.tuple(fc.integer({ min: 0, max: weeks - 1 }), fc.integer({ min: 0, max: 4 })).map(([w, d]) => firstMonday + w * 7 + d);
  // The repo market's series also skip the bond market's holidays.
  return SERIES[name].repoMarket ? weekday.filter((d) => marketHoliday(d) === null) : weekday;
}

/**
 * A plausible value in the canonical unit: rates to the tenth of a basis point (so never
 * mistaken for fractions, which need more than three decimals), levels to the million.
 */
function valueOf(name: SeriesName): fc.Arbitrary<number> {
  const [lo, hi] = SERIES[name].plausible;
  return fc.integer({ min: Math.ceil(lo * 1000), max: Math.floor(hi * 1000) }).map((k) => k / 1000);
}

type Observations = ReadonlyMap<Day, number>;
type SeriesData = ReadonlyMap<SeriesName, Observations>;

const seriesData: fc.Arbitrary<SeriesData> = fc
  .subarray([...Object.keys(SERIES)] as SeriesName[], { minLength: 1 })
  .chain((names) =>
    fc.tuple(
      ...names.map((name) =>
        fc.uniqueArray(fc.tuple(dayOf(name), valueOf(name)), { minLength: 1, maxLength: 25, selector: ([d]) => d }),
      ),
    ).map((lists) => new Map(names.map((name, i) => [name, new Map(lists[i])] as const))),
  );

/** How a file is spelled: BOM, line ends, quoting, thousands separators, row order. */
const dialect = fc.record({
  bom: fc.boolean(),
  eol: fc.constantFrom('\n', '\r\n'),
  quote: fc.boolean(),
  thousands: fc.boolean(),
  finalEol: fc.boolean(),
  seed: fc.nat(),
});
type Dialect = { bom: boolean; eol: string; quote: boolean; thousands: boolean; finalEol: boolean; seed: number };

/** A deterministic shuffle, so a failing case replays from fast-check's seed alone. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function number(value: number, d: Dialect): string {
  const plain = String(value);
  if (d.thousands && Math.abs(value) >= 1000) return `"${value.toLocaleString('en-US', { maximumFractionDigits: 20 })}"`;
  return d.quote ? `"${plain}"` : plain;
}

function fileText(rows: readonly string[][], d: Dialect): string {
  const body = rows.map((r) => r.join(',')).join(d.eol);
  return `${d.bom ? '\uFEFF' : ''}${body}${d.finalEol ? d.eol : ''}`;
}

function writeWide(data: SeriesData, d: Dialect): SourceText {
  const names = [...data.keys()];
  const days = shuffled([...new Set([...data.values()].flatMap((obs) => [...obs.keys()]))], d.seed);
  const rows = days.map((day) => [formatDay(day), ...names.map((n) => (data.get(n)?.has(day) === true ? number(data.get(n)?.get(day) as number, d) : ''))]);
  return { name: 'wide.csv', text: fileText([['date', ...names], ...rows], d), named: true };
}

function writeLong(data: SeriesData, d: Dialect): SourceText {
  const rows = [...data].flatMap(([name, obs]) => [...obs].map(([day, v]) => [formatDay(day), name, number(v, d)]));
  return { name: '<stdin>', text: fileText([['date', 'series', 'value'], ...shuffled(rows, d.seed)], d), named: false };
}

function writeFred(data: SeriesData, d: Dialect): SourceText[] {
  return [...data].map(([name, obs], k) => {
    const { id, perCanonical } = FRED_FORM[name];
    // FRED files list every date, with "." where there is no value: add one such row.
    // Millions are whole numbers: a level in billions has at most three decimals.
    const rows = [...obs].map(([day, v]) => [formatDay(day), number(perCanonical === 1 ? v : Math.round(v * perCanonical), d)]);
    rows.push([formatDay(FIRST_DAY - 1), '.']);
    // Newer downloads say observation_date, older ones DATE; pandas and the API save date,value.
    const header = [['observation_date', id], ['DATE', id], ['date', 'value']][(d.seed + k) % 3] as string[];
    return { name: `fred/${id}.csv`, text: fileText([header, ...rows.sort((a, b) => (a[0] as string).localeCompare(b[0] as string))], d), named: true };
  });
}

function expectSameSeries(loaded: Map<SeriesName, Series> | LiqError, data: SeriesData, form: string): void {
  if (loaded instanceof LiqError) throw new Error(`${form} did not load:\n${loaded.message}`);
  expect([...loaded.keys()].sort(), form).toEqual([...data.keys()].sort());
  for (const [name, obs] of data) {
    const series = loaded.get(name) as Series;
    const expected = [...obs].sort(([a], [b]) => a - b);
    expect([...series.dates], `${form} ${name} dates`).toEqual(expected.map(([day]) => day));
    expected.forEach(([, v], i) => {
      const got = series.values[i] as number;
      if (!(Math.abs(got - v) <= 1e-9 * Math.max(Math.abs(got), Math.abs(v)))) throw new Error(`${form} ${name}[${i}]: loaded ${got}, written ${v}`);
    });
  }
}

describe('any set of series loads back from what it was written as', () => {
  it('from a wide file', () => {
    fc.assert(fc.property(seriesData, dialect, (data, d) => expectSameSeries(loadChecked([writeWide(data, d)]), data, 'wide')), runs(300));
  });

  it('from a long file on stdin', () => {
    fc.assert(fc.property(seriesData, dialect, (data, d) => expectSameSeries(loadChecked([writeLong(data, d)]), data, 'long')), runs(300));
  });

  it('from FRED downloads, converting millions to billions', () => {
    fc.assert(fc.property(seriesData, dialect, (data, d) => expectSameSeries(loadChecked(writeFred(data, d)), data, 'FRED')), runs(300));
  });

  it('from all three forms at once, their identical observations merged', () => {
    fc.assert(
      fc.property(seriesData, dialect, (data, d) => expectSameSeries(loadChecked([writeWide(data, d), ...writeFred(data, d), writeLong(data, d)]), data, 'all forms')),
      runs(200),
    );
  });
});

// ---------------------------------------------------------------------------------------
// (c) Order, duplicates and conflicts

describe('order and duplicates', () => {
  it('sorts rows given in any order', () => {
    fc.assert(
      fc.property(seriesData, fc.nat(), (data, seed) => {
        const rows = shuffled([...data].flatMap(([name, obs]) => [...obs].map(([day, v]) => `${formatDay(day)},${name},${v}`)), seed);
        const loaded = loadChecked([{ name: 'long.csv', text: `date,series,value\n${rows.join('\n')}\n`, named: true }]);
        expectSameSeries(loaded, data, 'shuffled long');
      }),
      runs(300),
    );
  });

  it('merges identical duplicates, within one file and across files in other units', () => {
    fc.assert(
      fc.property(seriesData, fc.nat(), (data, seed) => {
        const rows = [...data].flatMap(([name, obs]) => [...obs].map(([day, v]) => `${formatDay(day)},${name},${v}`));
        const twice = shuffled([...rows, ...rows], seed);
        const long = { name: 'twice.csv', text: `date,series,value\n${twice.join('\n')}\n`, named: true };
        expectSameSeries(loadChecked([long, ...writeFred(data, { bom: false, eol: '\n', quote: false, thousands: false, finalEol: true, seed })]), data, 'duplicates');
      }),
      runs(300),
    );
  });

  it('reads a long file whose date column is called observation_date', () => {
    // It used to look for a column named exactly "date" and find every date empty.
    const loaded = loadChecked([{ name: 'long.csv', text: 'observation_date,series,value\n2019-09-17,sofr,5.25\n2019-09-16,SOFR,2.43\n', named: true }]);
    expectSameSeries(loaded, new Map([['sofr', new Map([[dayFromCivil(2019, 9, 16), 2.43], [dayFromCivil(2019, 9, 17), 5.25]])]]), 'observation_date long');
  });

  it('rejects a conflicting duplicate and names both places', () => {
    fc.assert(
      fc.property(seriesData, fc.nat(), fc.integer({ min: 1, max: 1000 }), (data, pick, nudge) => {
        const all = [...data].flatMap(([name, obs]) => [...obs].map(([day, v]) => ({ name, day, v })));
        const victim = all[pick % all.length] as { name: SeriesName; day: Day; v: number };
        const [lo, hi] = SERIES[victim.name].plausible;
        // Another plausible value, different by far more than 1e-9 relative.
        const k = Math.round(victim.v * 1000);
        const other = (k + nudge <= hi * 1000 ? k + nudge : Math.max(lo * 1000, k - nudge)) / 1000;
        fc.pre(other !== victim.v);
        const rows = all.map(({ name, day, v }) => `${formatDay(day)},${name},${v}`);
        const first = { name: 'a.csv', text: `date,series,value\n${rows.join('\n')}\n`, named: true };
        const second = { name: 'b.csv', text: `date,series,value\n${formatDay(victim.day)},${victim.name},${other}\n`, named: true };
        const lineInA = all.indexOf(victim) + 2; // after the header, one row per observation
        let error: unknown;
        try {
          loadTexts([first, second]);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(LiqError);
        const message = (error as LiqError).problems.find((p) => p.includes(`${victim.name} on ${formatDay(victim.day)}`));
        expect(message, (error as LiqError).message).toBeDefined();
        expect(message).toContain(`b.csv:2:3:`);
        expect(message).toContain(`a.csv:${lineInA}:3`);
      }),
      runs(300),
    );
  });
});

// ---------------------------------------------------------------------------------------
// Prototype pollution: header and series names are data, never property paths

const DANGEROUS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', '__proto__.polluted', 'constructor.prototype.polluted', '__proto__[polluted]'];

function expectPristinePrototypes(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect({}.constructor).toBe(Object);
  expect(typeof {}.hasOwnProperty).toBe('function');
}
const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

describe('header and series names cannot pollute prototypes', () => {
  it('ignores __proto__, constructor, prototype and hasOwnProperty columns and says so', () => {
    const text = `date,sofr,${DANGEROUS.map((h) => `"${h}"`).join(',')}\n2019-09-17,5.25,${DANGEROUS.map((_, i) => i + 1).join(',')}\n`;
    const loaded = loadTexts([{ name: 'wide.csv', text, named: true }], new Map(), { verbose: true });
    expect([...loaded.series.keys()]).toEqual(['sofr']);
    const note = loaded.notices.find((n) => n.startsWith(`wide.csv: ignored ${DANGEROUS.length} columns`));
    for (const name of ['__proto__', 'constructor', 'prototype', 'hasOwnProperty']) expect(note, loaded.notices.join('\n')).toContain(`"${name}"`);
    expectPristinePrototypes();
  });

  it('ignores such names as long-format series and says so for each', () => {
    const rows = DANGEROUS.map((name, i) => `2019-09-17,"${name}",${i + 1}`).join('\n');
    const loaded = loadTexts([{ name: 'long.csv', text: `date,series,value\n2019-09-17,sofr,5.25\n${rows}\n`, named: true }]);
    expect([...loaded.series.keys()]).toEqual(['sofr']);
    for (const name of ['__proto__', 'constructor', 'prototype', 'hasOwnProperty']) {
      expect(loaded.notices.some((n) => n.includes(`ignored series "${name}"`)), `${name}: ${loaded.notices.join('\n')}`).toBe(true);
    }
    expectPristinePrototypes();
  });

  it('reports a file made only of such columns as having no known series', () => {
    expect(() => loadTexts([{ name: 'x.csv', text: 'date,__proto__,constructor\n2019-09-17,1,2\n', named: true }])).toThrow(/no known series in the header \(found "__proto__", "constructor"\)/);
    expectPristinePrototypes();
  });

  it('leaves Object.prototype untouched whatever mix of such names and values a file holds', () => {
    const name = fc.constantFrom(...DANGEROUS, 'sofr', 'reserves', 'value', 'unit', 'series');
    fc.assert(
      fc.property(fc.uniqueArray(name, { minLength: 1, maxLength: 6 }), fc.array(fc.constantFrom('1', '{}', '"{""polluted"":1}"', ''), { minLength: 1, maxLength: 6 }), fc.boolean(), (headers, cells, long) => {
        const text = long
          ? `date,series,value,unit\n${headers.map((h, i) => `2019-09-17,"${h}",${cells[i % cells.length]},"${headers[(i + 1) % headers.length]}"`).join('\n')}\n`
          : `date,${headers.map((h) => `"${h}"`).join(',')}\n2019-09-17,${headers.map((_, i) => cells[i % cells.length]).join(',')}\n`;
        loadChecked([{ name: `${headers[0]}.csv`, text, named: true }]);
        expectPristinePrototypes();
      }),
      runs(500),
    );
  });

  it('rejects --unit declarations for such names as usage errors', async () => {
    const { loadPaths } = await import('../src/io/load.ts');
    for (const flag of ['__proto__=millions', 'constructor=millions', 'reserves=constructor', 'reserves=__proto__']) {
      await expect(loadPaths(['-'], { units: [flag], stdin: async () => 'date,reserves\n2019-09-18,1395.2\n' }), flag).rejects.toMatchObject({ exitCode: 64 });
    }
    expectPristinePrototypes();
  });
});
