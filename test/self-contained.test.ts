/**
 * The repository documents itself: nothing in src/, bin/, docs/ or the README cites a
 * file outside it (a specification by section number, a sibling folder).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/run-liq.ts';

const files = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));

const SCANNED = [...files('src'), ...files('bin'), ...files('docs'), 'README.md'];

describe('the repository', () => {
  it('cites no file outside itself', () => {
    const found = SCANNED.flatMap((file) =>
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .flatMap((line, i) => (/SPEC(\.md| ?§)|\.\.\/shared\b|\/work\/shared/.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });

  it('has the documents the README points to', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const doc of ['docs/indicators.md', 'docs/data.md']) {
      expect(readme).toContain(`](${doc})`);
      expect(readFileSync(join(ROOT, doc), 'utf8').length).toBeGreaterThan(1000);
    }
  });
});
