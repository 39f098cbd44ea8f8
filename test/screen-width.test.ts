/**
 * Tables fit the screen: liq renders at $COLUMNS when stdout is not a terminal (else the
 * terminal's width, else 100). At 80 columns no indicator row of check, compare or config
 * wraps; at 200 no cell wraps and no file name is cut.
 */
import { describe, expect, it } from 'vitest';
import { SERIES } from '../src/domain/catalog.ts';
import { INDICATOR_IDS } from '../src/engine/types.ts';
import { displayWidth } from '../src/report/layout.ts';
import { liq } from './helpers/run-liq.ts';

const at = (width: number, ...args: string[]): string[] => {
  const run = liq(args, { env: { COLUMNS: String(width) } });
  expect(run.code, run.stderr).toBeLessThanOrEqual(3);
  return run.stdout.split('\n');
};

/** The lines from the one starting with `heading` to the next blank line. */
function block(lines: readonly string[], heading: string): string[] {
  const start = lines.findIndex((l) => l.startsWith(heading));
  expect(start, `a table headed ${heading}`).toBeGreaterThanOrEqual(0);
  const end = lines.indexOf('', start);
  return lines.slice(start, end < 0 ? undefined : end);
}

const widest = (lines: readonly string[]): number => Math.max(...lines.map(displayWidth));

describe.each([80, 120, 200])('at %i columns', (width) => {
  it('check, compare, config and the backtest fit on every line', () => {
    for (const args of [
      ['check', 'fixtures/fred/', '--as-of', '2025-10-31'],
      ['compare', 'fixtures/fred/', '--as-of', '2025-10-31'],
      ['config'],
      ['history', 'fixtures/fred/', '--all', '--format', 'table', '--to', '2020-12-31'],
    ]) {
      const lines = at(width, ...args);
      expect(widest(lines), `${args.join(' ')}:\n${lines.join('\n')}`).toBeLessThanOrEqual(width);
    }
  });

  it('check wraps no indicator row', () => {
    const rows = block(at(width, 'check', 'fixtures/fred/', '--as-of', '2025-10-31'), 'Indicator').slice(1);
    expect(rows.length).toBeGreaterThanOrEqual(11);
    for (const row of rows) expect(row, 'a row, not the rest of a wrapped one').toMatch(/^\S.*\s(STRESS|WATCH|OK|UNKNOWN|INFO|n\/a)\s+(\d{4}-\d{2}-\d{2}!?|—)$/);
  });

  it('compare wraps no measure row', () => {
    const args = ['compare', 'fixtures/fred/', 'fixtures/bundled/', '--as-of', '2025-10-31'];
    const labels = (JSON.parse(liq([...args, '--json']).stdout) as { rows: { label: string }[] }).rows.map((r) => r.label);
    const lines = block(at(width, ...args), 'Measure');
    // The rows after the overall status, without the note on columns left out for the width.
    const rows = lines.slice(lines.findIndex((l) => l.startsWith('Overall status')) + 1).filter((l) => !/^\((.*): on a wider screen/.test(l));
    expect(rows, 'one line per measure').toHaveLength(labels.length);
    // A measure with no value on the eve (TGCR begins in 2024) ends with the spike's dash.
    rows.forEach((row, i) => expect(row, 'the whole measure, then its values: not the rest of a wrapped one').toMatch(new RegExp(`^${(labels[i] ?? '').replace(/[()]/g, '\\$&')}  +\\S.*(tighter|looser|same|the eve|—)$`)));
  });

  it('config wraps no rule', () => {
    const rows = block(at(width, 'config'), 'Indicator').slice(1);
    // One line per indicator, or (narrow) one per level with the indicator on the first.
    // A rule longer than the column (calendar's two conditions at 80) breaks only after an
    // "or": each condition stays whole on its line.
    rows.forEach((row, i) => {
      if (/^\s+[a-zA-Z]+ [<>=]+ \S+\s*$/.test(row) && /\bor(?:\s+default)?\s*$/.test(rows[i - 1] ?? '')) return;
      expect(row).toMatch(width >= 120 ? /^[a-z_]+\s+\S.*default$/ : /^(?:[a-z_]+)?\s+(?:watch|stress)\s+\S.*(?:\bor|default)$/);
    });
    expect(rows.join('\n')).toContain('belowUpperBp <= 5 or effrIorbBp >= 0');
  });
});

describe('at 200 columns', () => {
  it('cuts no file name and wraps no cell of the coverage', () => {
    const lines = block(at(200, 'check', 'fixtures/fred/', '--as-of', '2025-10-31'), 'Series');
    expect(lines.join('\n')).not.toContain('…');
    for (const row of lines.slice(1)) expect(row).toMatch(/^[a-z_0-9]+\s/);
    expect(lines.join('\n')).toContain('WRESBAL_millions_2021-06_2026-06.csv (millions)');
  });
});

describe('the width liq reads', () => {
  it('is 100 without a terminal or $COLUMNS, and ignores a $COLUMNS that is not a width', () => {
    const plain = liq(['check', 'fixtures/fred/', '--as-of', '2025-10-31']).stdout.split('\n');
    const junk = liq(['check', 'fixtures/fred/', '--as-of', '2025-10-31'], { env: { COLUMNS: 'wide' } }).stdout.split('\n');
    expect(widest(plain)).toBeLessThanOrEqual(100);
    expect(widest(plain), 'it uses the room it has').toBeGreaterThan(80);
    expect(junk).toEqual(plain);
  });
});

describe('--help', () => {
  it.each([80, 120])('wraps to %i columns, never breaking a word', (width) => {
    const words = (text: string): string => text.replace(/\s+/g, ' ').trim();
    for (const command of ['', 'check', 'compare', 'history', 'report', 'config', 'fetch', 'schema']) {
      const args = [...(command === '' ? [] : [command]), '--help'];
      const run = liq(args, { env: { COLUMNS: String(width) } });
      expect(run.code).toBe(0);
      expect(widest(run.stdout.split('\n')), `liq ${command} --help:\n${run.stdout}`).toBeLessThanOrEqual(width);
      // The same words in the same order as on a screen wide enough for every line: only spaces and line breaks differ.
      expect(words(run.stdout)).toBe(words(liq(args, { env: { COLUMNS: '1000' } }).stdout));
    }
  });

  it('lists the indicator ids under history, the series names under check', () => {
    const history = liq(['history', '--help'], { env: { COLUMNS: '80' } }).stdout.replace(/\s+/g, ' ');
    for (const id of INDICATOR_IDS) expect(history).toContain(` ${id}`);
    const check = liq(['check', '--help'], { env: { COLUMNS: '80' } }).stdout.replace(/\s+/g, ' ');
    for (const name of Object.keys(SERIES)) expect(check).toContain(` ${name}`);
  });
});
