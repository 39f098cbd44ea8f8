import { describe, expect, it } from 'vitest';
import { day, october2025, seriesSet } from '../../test/helpers/series.ts';
import { assess } from '../engine/assess.ts';
import { deriveSeries } from '../engine/derive.ts';
import { displayWidth } from './layout.ts';
import { PLAIN } from './paint.ts';
import { renderCheckTable } from './table.ts';

const assessment = assess(deriveSeries(seriesSet(october2025())), { asOf: day('2025-10-31') });
/** Wide enough for the one-table layout. */
const text = renderCheckTable(assessment, PLAIN, 200);
const lines = text.split('\n');
const row = (title: string) => lines.find((l) => l.startsWith(title)) ?? '';

/** The lines of the table whose heading line starts with `heading`, up to the blank line after it. */
function block(all: readonly string[], heading: string): string[] {
  const start = all.findIndex((l) => l.startsWith(heading));
  const end = all.indexOf('', start);
  return all.slice(start, end < 0 ? undefined : end);
}

describe('renderCheckTable', () => {
  it('heads the dashboard with the as-of date and the overall status', () => {
    expect(lines[0], 'a Friday 31st: the month-end').toBe('liq · as of 2025-10-31 (month-end) · overall STRESS');
  });

  it.each([80, 100, 120, 200])('fits %i columns on every line', (width) => {
    for (const line of renderCheckTable(assessment, PLAIN, width).split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
  });

  it('wraps no indicator row at 80 columns: the levels get a table of their own', () => {
    const narrow = renderCheckTable(assessment, PLAIN, 80).split('\n');
    const titles = assessment.indicators.map((r) => r.title);
    const longestFirst = [...titles].sort((a, b) => b.length - a.length);
    const values = block(narrow, 'Indicator');
    expect(values[0]).toMatch(/^Indicator\s+Value\s+Change\s+Status\s+Data$/);
    // A wrapped row would go on in a line that starts blank, under the title.
    expect(values.slice(1).map((l) => longestFirst.find((t) => l.startsWith(`${t} `)) ?? l)).toEqual(titles);
    expect(narrow.find((l) => l.startsWith('SOFR − ON RRP'))).toMatch(/^SOFR − ON RRP\s+26\.9 bp \(10d\)\s+\+8\.6 bp vs prev\s+STRESS\s+2025-10-30$/);
    // Levels: a line per level (watch, stress), each whole.
    const levels = block(narrow, 'Levels');
    expect(levels[0]).toBe('Levels');
    for (const line of levels.slice(1)) expect(line, 'an indicator title or blank, then the level and its rule').toMatch(/^(?:\S.*?)?\s+(?:watch|stress)\s+\S/);
    const at = levels.findIndex((l) => l.startsWith('SOFR − ON RRP'));
    expect(levels.slice(at, at + 2).map((l) => l.replace(/\s+/g, ' '))).toEqual(['SOFR − ON RRP watch ≥ 10 bp', ' stress ≥ 25 bp']);
    expect(levels.find((l) => l.startsWith('QT pace')), 'no row for an indicator without levels').toBeUndefined();
  });

  it('keeps one row per indicator, and cuts no file name, on a wide screen', () => {
    expect(block(lines, 'Indicator')).toHaveLength(assessment.indicators.length + 1);
    expect(lines.some((l) => l.startsWith('Levels'))).toBe(false);
    expect(text).not.toContain('…');
  });

  it('shows one row per indicator with its value, thresholds and status', () => {
    expect(row('SOFR − ON RRP')).toMatch(/^SOFR − ON RRP\s+26\.9 bp \(10d\)\s+\+8\.6 bp vs prev\s+≥ 10 bp\s+≥ 25 bp\s+STRESS\s+2025-10-30$/); // the oldest input: the RRP rate of 10-30
    expect(row('SOFR − IORB')).toMatch(/11\.9 bp \(10d\)\s+latest 32 bp/);
    expect(row('SOFR > ceiling')).toMatch(/7 of 20 days\s+run 5, max \+22/);
    expect(row('EFFR in range')).toMatch(/14 bp to top\s+−4 bp vs IORB.*OK/);
    expect(row('SRF take-up')).toMatch(/—\s+—.*n\/a\s+—$/);
    expect(row('Reserves ')).toMatch(/2,848 bn\s+−389 bn \/52w\s+< 3,000 bn\s+—\s+WATCH\s+2025-10-29$/);
    expect(row('QT pace')).toMatch(/−18\.5 bn\/mo\s+−55\.5 bn \/13w.*INFO/);
  });

  it('marks a stale input in the row and explains it below', () => {
    expect(row('TGA'), 'the TGA of 10-15 is 16 days old').toMatch(/2025-10-15!$/);
    expect(text.replace(/\n {8}/g, ' '), 'wrapped under its label').toContain('!       Treasury General Account dated 2025-10-15 is 16 days old (stale after 14): TGA, Net liquidity');
  });

  it('gives the reason for every watch and stress, and what is unavailable', () => {
    expect(text.replace(/\n {8}/g, ' ')).toContain('STRESS  SOFR − ON RRP: 10-day mean 26.9 bp is above the 25 bp stress level; SOFR − ON RRP at or above 25 bp on');
    expect(lines).toContain('WATCH   Reserves: level 2,848 bn is below the 3,000 bn watch level');
    expect(lines).toContain('n/a     SRF take-up: needs SRF / repo operations take-up: no data on or before the as-of date');
    expect(lines, 'the TGA of 10-15 is stale on 10-31 but its change is over +300 bn: still watch').toContain('WATCH   TGA: 13-week change +529 bn is above the +300 bn watch level');
  });

  it('labels derived series in the coverage and the notes', () => {
    expect(lines.find((l) => l.startsWith('srf_rate'))).toMatch(/derived$/);
    expect(lines).toContain('derived by FOMC rules where the data stop: effr, rrp_rate, srf_rate, target_lower');
    expect(lines).toContain('net liquidity = fed_assets - tga - rrp');
  });

  it('has no colour codes with the plain paint', () => {
    expect(text).not.toMatch(/\x1b\[/);
  });
});

describe('renderCheckTable notes at 80 columns', () => {
  it('wrap within the terminal’s width, under their label', () => {
    const narrow = renderCheckTable(assessment, PLAIN, 80, { ageDays: null });
    const notes = narrow.split('\n\n').at(-1) ?? '';
    for (const line of notes.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
    expect(notes).toContain('\n        ');
  });
});
