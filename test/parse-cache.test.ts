/**
 * The parse cache (src/io/parse-cache.ts): what it gives back is exactly what was parsed;
 * any change to the inputs, the unit declarations or the build misses it; a damaged file
 * is a miss, never an error; and end to end, the real bin/liq gives the same output with
 * and without it, and sees an edited file at once.
 */
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadTexts, type Loaded } from '../src/io/load.ts';
import type { SourceText } from '../src/io/parse.ts';
import { parseCacheKey, readParsed, writeParsed } from '../src/io/parse-cache.ts';
import { liq, ROOT } from './helpers/run-liq.ts';

const FRED = join(ROOT, 'fixtures/fred');
const sources: SourceText[] = readdirSync(FRED)
  .sort()
  .map((name) => ({ name: `fixtures/fred/${name}`, text: readFileSync(join(FRED, name), 'utf8'), named: true }));
const NO_UNITS = new Map<string, string>();

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'liq-parse-cache-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Series as plain arrays, so that toEqual compares every date and value. */
const plain = (loaded: Loaded): unknown => ({
  series: [...loaded.series].map(([name, s]) => ({ name, dates: [...s.dates], values: [...s.values], derived: s.derived, sources: s.sources })),
  notices: loaded.notices,
});

describe('the parse cache', () => {
  it('gives back exactly what was parsed: every date, value, source and note', async () => {
    const loaded = loadTexts(sources);
    const key = parseCacheKey('build-1', sources, NO_UNITS);
    expect(readParsed(dir, key), 'nothing kept yet').toBeNull();
    await writeParsed(dir, key, loaded);
    const kept = readParsed(dir, key);
    expect(kept).not.toBeNull();
    expect(plain(kept as Loaded)).toEqual(plain(loaded));
    // 40,000-odd observations across 12 series, the real fixtures.
    expect([...(kept as Loaded).series.values()].reduce((n, s) => n + s.dates.length, 0)).toBeGreaterThan(30_000);
  });

  it('keys on every byte of every input, the file names, the unit declarations and the build', () => {
    const key = parseCacheKey('build-1', sources, NO_UNITS);
    const edited = sources.map((s, i) => (i === 3 ? { ...s, text: s.text.replace(/\d(?=\n$)/, (d) => String((Number(d) + 1) % 10)) } : s));
    expect(edited[3]?.text).not.toBe(sources[3]?.text);
    const renamed = sources.map((s, i) => (i === 0 ? { ...s, name: `${s.name}.old` } : s));
    const others = [
      parseCacheKey('build-1', edited, NO_UNITS),
      parseCacheKey('build-1', renamed, NO_UNITS),
      parseCacheKey('build-1', sources.slice(1), NO_UNITS),
      parseCacheKey('build-1', sources, new Map([['reserves', 'millions']])),
      parseCacheKey('build-2', sources, NO_UNITS),
      // The same texts split differently between two inputs.
      parseCacheKey('build-1', [{ name: 'a', text: 'xy', named: true }], NO_UNITS),
    ];
    expect(new Set([key, ...others]).size).toBe(others.length + 1);
    expect(parseCacheKey('build-1', [{ name: 'a', text: 'x', named: true }, { name: 'b', text: 'y', named: true }], NO_UNITS)).not.toBe(
      parseCacheKey('build-1', [{ name: 'a', text: 'xb', named: true }, { name: '', text: 'y', named: true }], NO_UNITS),
    );
  });

  it('treats a short, damaged or foreign file as a miss, not an error', async () => {
    const loaded = loadTexts(sources.slice(0, 3));
    const key = parseCacheKey('b', sources.slice(0, 3), NO_UNITS);
    const file = join(dir, `${key}.bin`);
    const write = async (): Promise<void> => writeParsed(dir, key, loaded);

    await write();
    const bytes = readFileSync(file);
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 3] = (flipped[flipped.length - 3] as number) ^ 0x40; // a value's bits
    writeFileSync(file, flipped);
    expect(readParsed(dir, key), 'a flipped bit in the payload').toBeNull();

    await write();
    truncateSync(file, bytes.length - 8);
    expect(readParsed(dir, key), 'cut short').toBeNull();

    writeFileSync(file, 'date,sofr\n2019-09-17,5.25\n');
    expect(readParsed(dir, key), 'not a cache file at all').toBeNull();

    writeFileSync(file, Buffer.concat([Buffer.from('LIQPARSE'), Buffer.from([255, 255, 255, 127])]));
    expect(readParsed(dir, key), 'a header length past the end').toBeNull();

    // A whole file kept under another key (renamed by hand, say) is not this load.
    const other = parseCacheKey('b', sources.slice(0, 2), NO_UNITS);
    await writeParsed(dir, other, loadTexts(sources.slice(0, 2)));
    cpSync(join(dir, `${other}.bin`), file);
    expect(readParsed(dir, key), 'another load').toBeNull();
  });

  it('never throws when the folder cannot be written', async () => {
    const blocked = join(dir, 'a-file');
    writeFileSync(blocked, '');
    await expect(writeParsed(join(blocked, 'parsed'), 'k'.repeat(64), loadTexts(sources.slice(0, 1)))).resolves.toBeUndefined();
    if (process.getuid?.() !== 0) {
      chmodSync(dir, 0o500);
      await expect(writeParsed(dir, 'k'.repeat(64), loadTexts(sources.slice(0, 1)))).resolves.toBeUndefined();
      chmodSync(dir, 0o700);
    }
  });

  it('keeps the 32 most recently written loads', async () => {
    const one = loadTexts(sources.slice(0, 1));
    for (let i = 0; i < 34; i++) {
      const key = i.toString(16).padStart(64, '0');
      await writeParsed(dir, key, one);
      utimesSync(join(dir, `${key}.bin`), 1_000_000 + i, 1_000_000 + i);
    }
    await writeParsed(dir, 'f'.repeat(64), one);
    const left = readdirSync(dir).sort();
    expect(left).toHaveLength(32);
    expect(left, 'the three oldest are gone').not.toContain(`${'0'.repeat(64)}.bin`);
    expect(left).not.toContain(`${'2'.padStart(64, '0')}.bin`);
    expect(left).toContain(`${'3'.padStart(64, '0')}.bin`);
  });
});

describe('liq with its parse cache (the real bin/liq)', () => {
  it('prints the same dashboard from the cache as from parsing, and sees an edited file at once', () => {
    const data = join(dir, 'data');
    cpSync(FRED, data, { recursive: true });
    const cache = join(dir, 'cache');
    const env = { LIQ_CACHE_DIR: cache };
    const args = ['check', data, '--json', '--as-of', '2019-09-17'];

    const fresh = liq([...args, '--no-parse-cache'], { env });
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(existsSync(join(cache, 'parsed')), '--no-parse-cache keeps nothing').toBe(false);

    const first = liq(args, { env });
    expect(readdirSync(join(cache, 'parsed')).filter((f) => f.endsWith('.bin'))).toHaveLength(1);
    expect(statSync(join(cache, 'parsed')).mode & 0o777, 'a private folder: the series are the user\'s data').toBe(0o700);
    const second = liq(args, { env });
    expect(first.stdout).toBe(fresh.stdout);
    expect(second.stdout, 'read from the cache').toBe(fresh.stdout);

    // SOFR on 2019-09-17 was 5.25; make it 4.25 and the latest SOFR−RRP spread must follow.
    const sofr = join(data, 'SOFR.csv');
    writeFileSync(sofr, readFileSync(sofr, 'utf8').replace('2019-09-17,5.25', '2019-09-17,4.25'));
    const edited = liq(args, { env });
    const latest = (out: string): unknown => (JSON.parse(out) as { indicators: { id: string; metrics: Record<string, unknown> }[] }).indicators.find((i) => i.id === 'sofr_rrp_spread')?.metrics.latestBp;
    expect(latest(fresh.stdout), '5.25 − 2.00 = 325 bp').toBe(325);
    expect(latest(edited.stdout), '4.25 − 2.00 = 225 bp').toBe(225);
    expect(readdirSync(join(cache, 'parsed')).filter((f) => f.endsWith('.bin'))).toHaveLength(2);
  });

  it('keeps nothing for an input with problems', () => {
    const cache = join(dir, 'cache');
    const bad = liq(['check', 'fixtures/bad/value-nan.csv'], { env: { LIQ_CACHE_DIR: cache } });
    expect(bad.code).toBe(65);
    expect(existsSync(join(cache, 'parsed')) ? readdirSync(join(cache, 'parsed')) : []).toEqual([]);
  });
});
