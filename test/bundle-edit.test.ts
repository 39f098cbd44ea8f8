/**
 * What runs is what is in dist/: no compiled copy of an older bundle can stand in for it.
 * A same-length edit of one byte of the bundle (the version string) must change what liq
 * prints — the case a code cache keyed on the bundle's length or name would get wrong.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/run-liq.ts';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const work = mkdtempSync(join(tmpdir(), 'liq-bundle-edit-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const version = (root: string): string =>
  spawnSync(process.execPath, [join(root, 'bin/liq.cjs'), '--version'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } }).stdout.trim();

describe('the built bundle', () => {
  it('runs its own bytes: a one-byte, same-length edit shows in the next run', () => {
    cpSync(join(ROOT, 'bin'), join(work, 'bin'), { recursive: true });
    cpSync(join(ROOT, 'dist'), join(work, 'dist'), { recursive: true });
    expect(version(work), 'the copy runs as built').toBe(pkg.version);

    const bundle = join(work, 'dist/liq.cjs');
    const before = readFileSync(bundle, 'latin1');
    const literal = `"${pkg.version}"`;
    expect(before.split(literal).length - 1, 'the version appears once in the bundle').toBe(1);
    const edited = `"${pkg.version.slice(0, -1)}${pkg.version.endsWith('9') ? '8' : '9'}"`;
    writeFileSync(bundle, before.replace(literal, edited), 'latin1');
    expect(readFileSync(bundle).length, 'same length').toBe(Buffer.byteLength(before, 'latin1'));

    expect(version(work)).toBe(edited.slice(1, -1));
  });
});
