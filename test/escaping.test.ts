/**
 * Clean terminals: a file name, a config path or a server's words may hold an ESC (clear
 * the screen, retitle the window, plant a link) or a newline (split a table row). Every
 * human output shows them as escapes (`\x1b`, `\n`); JSON keeps them exact.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liq, ROOT } from './helpers/run-liq.ts';

// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
// No slash or backslash: it is one file name (OSC 8 and OSC 0 end with BEL here).
const EVIL = 'sofr\u001b[2J\u001b]0;pwned\u0007\u001b]8;;evil.example\u0007link\nrow.csv';

let dir = '';
let data = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'liq-escape-'));
  data = join(dir, 'data');
  mkdirSync(data);
  for (const f of ['EFFR.csv', 'IORB.csv', 'RRPONTSYAWARD.csv', 'DFEDTARL.csv', 'DFEDTARU.csv']) copyFileSync(join(ROOT, 'fixtures/fred', f), join(data, f));
  copyFileSync(join(ROOT, 'fixtures/fred/SOFR.csv'), join(data, EVIL));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('a hostile file name', () => {
  it('is shown escaped, on one line, in the terminal table', () => {
    const run = liq(['check', data]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(RAW_CONTROL);
    // A name longer than its column is cut with "…", never split at its newline.
    expect(run.stdout).toContain('sofr\\x1b[2J\\x1b]0;pwned\\x07');
    const row = run.stdout.split('\n').find((l) => l.startsWith('sofr '));
    expect(row, 'the sofr row holds its source').toContain('sofr\\x1b[2J');
  });

  it('is escaped in markdown (one row per series) and HTML, and exact in JSON', () => {
    const md = liq(['check', data, '--format', 'md']);
    expect(md.stdout).not.toMatch(RAW_CONTROL);
    expect(md.stdout).toContain('\\nrow.csv');
    const json = liq(['check', data, '--json']);
    expect(JSON.parse(json.stdout).series.find((s: { name: string }) => s.name === 'sofr').sources[0]).toContain(EVIL);
    const out = join(dir, 'report.html');
    const report = liq(['report', data, '--out', out]);
    expect(report.code, report.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
    expect(html).toContain('sofr\\x1b[2J');
  });

  it('is escaped in every error, named file and config path alike', () => {
    const missing = liq(['check', join(dir, 'gone\u001b[31m.csv')]);
    expect(missing.code).toBe(66);
    expect(missing.stderr).toBe(`liq: cannot read ${join(dir, 'gone\\x1b[31m.csv')}: no such file or directory\n`);
    const config = liq(['check', data, '--config', join(dir, 'x\u001b]0;t\u0007.json')]);
    expect(config.code).toBe(66);
    expect(config.stderr).not.toMatch(RAW_CONTROL);
    expect(config.stderr).toContain('x\\x1b]0;t\\x07.json');
  });
});
