/**
 * The --state file of `liq report`: the statuses of the last run, as JSON, so the next run
 * can tell what changed. Written atomically (a reader or a killed run never leaves half a
 * file); a missing file means "first run". Checked by hand, not by zod: zod stays off the
 * report's path (it is loaded only for a config file).
 */
import { readFile } from 'node:fs/promises';
import type { StatusSnapshot } from '../engine/status-change.ts';
import { Overall, Status, type IndicatorId } from '../engine/types.ts';
import { dataError, inputError } from '../errors.ts';
import { shown } from './shown.ts';
import { writeFileAtomic } from './write-atomic.ts';

const FORMAT = 'liq-state';
const VERSION = 1;
/** A state file is a few hundred bytes; anything much bigger is not one. */
const MAX_BYTES = 64 * 1024;

const OVERALL = new Set<string>(Object.values(Overall));
const STATUS = new Set<string>(Object.values(Status));

/** The last run's statuses, or null if the file does not exist (the first run). */
export async function readState(path: string): Promise<StatusSnapshot | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    throw inputError(`--state ${shown(path, 200)}: cannot read it (${code ?? 'error'})`);
  }
  const bad = (why: string) =>
    dataError(`${shown(path, 200)}: not a liq state file (${why}); delete it and the next run starts afresh, without an alert`);
  if (text.length > MAX_BYTES) throw bad(`${text.length} bytes`);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw bad('not JSON');
  }
  if (typeof doc !== 'object' || doc === null) throw bad('not a JSON object');
  const d = doc as Record<string, unknown>;
  if (d.format !== FORMAT) throw bad(`"format" is not "${FORMAT}"`);
  if (d.version !== VERSION) throw bad(`version ${shown(String(d.version))}, this liq reads ${VERSION}`);
  if (typeof d.asOf !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(d.asOf)) throw bad('"asOf" is not a YYYY-MM-DD date');
  if (typeof d.status !== 'string' || !OVERALL.has(d.status)) throw bad('"status" is not ok, watch, stress or unknown');
  if (typeof d.indicators !== 'object' || d.indicators === null || Array.isArray(d.indicators)) throw bad('"indicators" is not an object');
  const indicators: Partial<Record<IndicatorId, Status>> = {};
  for (const [id, status] of Object.entries(d.indicators)) {
    if (typeof status !== 'string' || !STATUS.has(status)) throw bad(`indicator ${shown(id)} has status ${shown(String(status))}`);
    indicators[id as IndicatorId] = status as Status;
  }
  return { asOf: d.asOf, status: d.status as Overall, indicators };
}

export async function writeState(path: string, snapshot: StatusSnapshot): Promise<void> {
  const doc = { format: FORMAT, version: VERSION, asOf: snapshot.asOf, status: snapshot.status, indicators: snapshot.indicators };
  await writeFileAtomic(path, `${JSON.stringify(doc, null, 2)}\n`);
}
