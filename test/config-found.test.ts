/**
 * A config file liq finds by itself changes the thresholds: the person must see it. The
 * table's headline names it, the JSON says where it came from (`config: {path, foundBy}`).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liq, ROOT } from './helpers/run-liq.ts';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'liq-found-'));
  writeFileSync(join(dir, 'liq.config.json'), JSON.stringify({ thresholds: { sofr_rrp_spread: { watch: 12 } } }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FRED = join(ROOT, 'fixtures/fred/');
const args = ['check', FRED, '--as-of', '2019-09-17'];

describe('a config found by discovery', () => {
  it('is named in the table headline', () => {
    const run = liq(args, { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[1]).toBe('thresholds from liq.config.json, found in the current folder (liq config lists them)');
    // and it did change a threshold: watch at 12 bp instead of 10
    expect(run.stdout).toMatch(/^SOFR − ON RRP\s+≥ 12 bp\s+≥ 25 bp$/m); // the levels table
  });

  it('is in the JSON with how it was found', () => {
    const doc = JSON.parse(liq([...args, '--json'], { cwd: dir }).stdout);
    expect(doc.config).toEqual({ path: 'liq.config.json', foundBy: './liq.config.json' });
    const byEnv = JSON.parse(liq([...args, '--json'], { env: { LIQ_CONFIG: join(dir, 'liq.config.json') } }).stdout);
    expect(byEnv.config).toEqual({ path: join(dir, 'liq.config.json'), foundBy: '$LIQ_CONFIG' });
  });

  it('is not repeated in the headline when named by --config, and is null without one', () => {
    const named = liq([...args, '--config', join(dir, 'liq.config.json')]);
    expect(named.stdout.split('\n')[1]).toBe('');
    expect(JSON.parse(liq([...args, '--config', join(dir, 'liq.config.json'), '--json']).stdout).config.foundBy).toBe('--config');
    expect(JSON.parse(liq([...args, '--json']).stdout).config).toBeNull();
  });
});
