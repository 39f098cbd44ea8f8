/**
 * The parse cache: what loading a set of inputs gave (the clean series and the notes),
 * kept in the cache folder's `parsed/`, one file per set of inputs.
 *
 * Why: an analyst runs liq many times a day on the same downloads, and reading and
 * checking every row (40,000 for full FRED histories) is most of a run, all on code V8 has
 * not optimised yet (SPEC §7). What a load gives depends on nothing but the inputs' names
 * and bytes, the --unit declarations and liq's own code, so a SHA-256 of exactly those
 * names the file: any change to any input, or another build of liq, looks up another
 * file, and a stale result cannot be found. Only clean loads are kept; a file with
 * problems is read and reported every time.
 *
 * The cache is a convenience, never a source of failure: a file that is missing, short,
 * damaged (its payload has its own SHA-256) or from another format is a miss, and a
 * folder that cannot be written is simply not written.
 *
 * A file: "LIQPARSE", the header's length (uint32), the header (JSON: key, notes, and each
 * series' name, length and sources), zero padding to a multiple of 8, then each series'
 * dates (int32) and values (float64), each padded to a multiple of 8; little-endian.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { SERIES, type SeriesName } from '../domain/catalog.ts';
import type { Series, SeriesSource } from '../domain/series.ts';
import type { Loaded } from './load.ts';
import type { SourceText } from './parse.ts';
import { writeFileAtomic } from './write-atomic.ts';

const MAGIC = 'LIQPARSE';
/** Files kept; the least recently used beyond this are removed when one is written. */
const KEEP = 32;

interface Header {
  readonly key: string;
  readonly notices: readonly string[];
  readonly series: readonly { readonly name: SeriesName; readonly length: number; readonly sources: readonly SeriesSource[] }[];
  /** SHA-256 of everything after the header's padding. */
  readonly payload: string;
}

/**
 * The key of a load: liq's build, the machine's byte order (the arrays are stored as they
 * are in memory), the unit declarations, and every input's name and text. Each part is
 * length-prefixed, so no two different lists of inputs can run together.
 */
export function parseCacheKey(build: string, sources: readonly SourceText[], declared: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256');
  const part = (text: string): void => {
    hash.update(`${Buffer.byteLength(text)}:`);
    hash.update(text);
  };
  part(build);
  part(endianness());
  part(JSON.stringify([...declared].sort()));
  for (const source of sources) {
    part(source.name);
    part(source.named ? 'named' : 'unnamed');
    part(source.text);
  }
  return hash.digest('hex');
}

const fileFor = (dir: string, key: string): string => join(dir, `${key}.bin`);

/** The load kept under `key`, or null when there is none (or none that is whole). */
export function readParsed(dir: string, key: string): Loaded | null {
  let file: Buffer;
  try {
    file = readFileSync(fileFor(dir, key));
  } catch {
    return null;
  }
  try {
    return decode(file, key);
  } catch {
    return null; // damaged: as good as absent, and the next clean load replaces it
  }
}

function decode(file: Buffer, key: string): Loaded | null {
  if (file.length < 12 || file.toString('latin1', 0, 8) !== MAGIC) return null;
  const headerLength = file.readUInt32LE(8);
  const payloadStart = padded(12 + headerLength);
  if (payloadStart > file.length) return null;
  const header = JSON.parse(file.toString('utf8', 12, 12 + headerLength)) as Header;
  if (header.key !== key) return null;
  const payload = file.subarray(payloadStart);
  if (createHash('sha256').update(payload).digest('hex') !== header.payload) return null;
  const series = new Map<SeriesName, Series>();
  let at = 0;
  for (const { name, length, sources } of header.series) {
    if (!Object.hasOwn(SERIES, name) || !Number.isInteger(length) || length < 1) return null;
    const dates = new Int32Array(length);
    const values = new Float64Array(length);
    at = copyInto(payload, at, dates);
    at = copyInto(payload, at, values);
    series.set(name, { name, dates, values, derived: null, sources });
  }
  return at === payload.length ? { series, notices: header.notices } : null;
}

/** Fills `array` from `payload` at byte `at` (copied: the file's bytes need not be aligned); the next offset. */
function copyInto(payload: Buffer, at: number, array: Int32Array | Float64Array): number {
  const end = at + array.byteLength;
  if (end > payload.length) throw new RangeError('short payload');
  new Uint8Array(array.buffer).set(payload.subarray(at, end));
  return padded(end);
}

/**
 * Keeps `loaded` under `key`, then removes the least recently written files beyond KEEP.
 * Never throws: a cache that cannot be written only means the next run parses again.
 */
export async function writeParsed(dir: string, key: string, loaded: Loaded): Promise<void> {
  try {
    // Private: the series are the user's data, which may not be public.
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // Not durable: a file a power cut leaves damaged fails its checksum and is parsed again.
    await writeFileAtomic(fileFor(dir, key), encode(key, loaded), { durable: false });
    prune(dir);
  } catch {
    // read-only home, full disk, …: liq works the same without its cache
  }
}

function encode(key: string, loaded: Loaded): Buffer {
  const all = [...loaded.series.values()];
  const chunks: Buffer[] = [];
  for (const s of all) {
    chunks.push(alignedBytes(s.dates), alignedBytes(s.values));
  }
  const payload = Buffer.concat(chunks);
  const header: Header = {
    key,
    notices: loaded.notices,
    series: all.map((s) => ({ name: s.name, length: s.dates.length, sources: s.sources })),
    payload: createHash('sha256').update(payload).digest('hex'),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const head = Buffer.alloc(padded(12 + json.length));
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(json.length, 8);
  json.copy(head, 12);
  return Buffer.concat([head, payload]);
}

/** The array's bytes, zero-padded to a multiple of 8. */
function alignedBytes(array: Int32Array | Float64Array): Buffer {
  const bytes = Buffer.alloc(padded(array.byteLength));
  bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  return bytes;
}

const padded = (n: number): number => Math.ceil(n / 8) * 8;

function prune(dir: string): void {
  const files = readdirSync(dir)
    .filter((name) => /^[0-9a-f]{64}\.bin$/.test(name))
    .map((name) => {
      try {
        return { path: join(dir, name), time: statSync(join(dir, name)).mtimeMs };
      } catch {
        return null;
      }
    })
    .filter((f): f is { path: string; time: number } => f !== null)
    .sort((a, b) => b.time - a.time);
  for (const stale of files.slice(KEEP)) {
    try {
      unlinkSync(stale.path);
    } catch {
      // another run removed it first
    }
  }
}
