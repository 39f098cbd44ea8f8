/** Bounded reads: FIFOs, devices and folders, each ending with text or a clear error, never a hang. */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, openSync, closeSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { liqFailure } from '../../test/helpers/liq-error.ts';
import { LiqError } from '../errors.ts';
import { parseSize, readInputs, size } from './read.ts';

const SOFR = fileURLToPath(new URL('../../fixtures/fred/SOFR.csv', import.meta.url));
let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'liq-read-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const mkfifo = (path: string): string => {
  expect(spawnSync('mkfifo', [path]).status).toBe(0);
  return path;
};

const failure = (run: () => Promise<unknown>): Promise<LiqError> => liqFailure(run, 'read');

describe.skipIf(process.platform === 'win32')('readInputs', () => {
  it('skips a FIFO in a scanned folder and reads the regular files beside it', async () => {
    copyFileSync(SOFR, join(dir, 'SOFR.csv'));
    mkfifo(join(dir, 'EFFR.csv'));
    const sources = await readInputs([dir]);
    expect(sources.map((s) => s.name)).toEqual([join(dir, 'SOFR.csv')]);
  });

  it('reads a named FIFO as a stream, waiting a little for a writer that starts after liq', async () => {
    const fifo = mkfifo(join(dir, 'sofr.csv'));
    // The writer starts after liq has opened the FIFO: liq waits for it (a few seconds at most).
    const writer = spawn('sh', ['-c', `sleep 0.5; cat "${SOFR}" > "${fifo}"`]);
    const closed = new Promise((resolve) => writer.on('close', resolve));
    const [source] = await readInputs([fifo]);
    expect(source?.text.startsWith('observation_date,SOFR\n')).toBe(true);
    await closed;
  });

  it('gives up on a writer that goes silent, after the idle wait', async () => {
    const fifo = mkfifo(join(dir, 'stuck.csv'));
    const writer = spawn('sh', ['-c', `exec 3>"${fifo}"; printf 'date,sofr\\n' >&3; sleep 30`]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    const error = await failure(() => readInputs([fifo], undefined, { maxBytes: 1024 ** 3, idleMs: 500 }));
    expect(error.message).toBe(`${fifo}: nothing arrived for 0.5 s (is the writing process stuck?)`);
    expect(Date.now() - started).toBeLessThan(3000);
    writer.kill();
  });

  it('counts a stream against the size limit as it arrives', async () => {
    const error = await failure(() => readInputs(['/dev/urandom'], undefined, { maxBytes: 1000, idleMs: 5000 }));
    expect(error.exitCode).toBe(66);
    expect(error.message).toBe('/dev/urandom sent more than 1000 bytes, over the size limit of 1000 bytes: not a file of daily series (raise the limit with --max-input-size if it really is one)');
  });

  it('refuses a socket and reads nothing from it', async () => {
    const { createServer } = await import('node:net');
    const path = join(dir, 'sock.csv');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(path, resolve));
    const error = await failure(() => readInputs([path]));
    expect(error.message).toBe(`cannot read ${path}: it is a socket, not a file`);
    await new Promise((resolve) => server.close(resolve));
  });

  it('still reads an ordinary file whole', async () => {
    const fd = openSync(join(dir, 'empty.csv'), 'w');
    closeSync(fd);
    const [source] = await readInputs([join(dir, 'empty.csv')]);
    expect(source?.text).toBe('');
  });
});

describe('sizes', () => {
  it('reads --max-input-size and names sizes', () => {
    expect(parseSize('1G')).toBe(1024 ** 3);
    expect(parseSize('500M')).toBe(500 * 1024 ** 2);
    expect(parseSize('64 KiB')).toBe(65536);
    expect(parseSize('1073741824')).toBe(1073741824);
    expect(parseSize('1.5k')).toBe(1536);
    for (const bad of ['', 'lots', '-1', '0', '1e3', '2X']) expect(parseSize(bad), bad).toBeNull();
    expect(size(2 * 1024 ** 3)).toBe('2 GiB');
    expect(size(34_100)).toBe('33.3 KiB');
    expect(size(12)).toBe('12 bytes');
  });
});
