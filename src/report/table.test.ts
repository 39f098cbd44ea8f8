import { describe, expect, it } from 'vitest';
import { day, october2025, seriesSet } from '../../test/helpers/series.ts';
import { assess } from '../engine/assess.ts';
import { deriveSeries } from '../engine/derive.ts';
import { PLAIN } from './paint.ts';
import { renderCheckTable } from './table.ts';

const assessment = assess(deriveSeries(seriesSet(october2025())), { asOf: day('2025-10-31') });
const text = renderCheckTable(assessment, PLAIN);
const lines = text.split('\n');
const row = (title: string) => lines.find((l) => l.startsWith(title)) ?? '';

describe('renderCheckTable', () => {
  it('heads the dashboard with the as-of date and the overall status', () => {
    expect(lines[0]).toBe('liq · as of 2025-10-31 · overall STRESS');
  });

  it('fits 100 columns on every line', () => {
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(100);
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
    expect(lines).toContain('STRESS  SOFR − ON RRP: 10-day mean 26.9 bp is above the 25 bp stress level');
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
