/**
 * The bench's machinery: run two commands in alternating pairs and compare them as ratios,
 * so that whatever else the machine is doing (two cores, other engineers' tests) weighs on
 * both sides alike; and read a process's peak RSS.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const LIQ = join(ROOT, 'bin/liq.cjs');
export const CSV_PARSE_ONLY = join(ROOT, 'bench/csv-parse-only.mjs');
const REPORT_RSS = join(ROOT, 'bench/report-rss.mjs');

/** A node command: arguments after `node`, run from the repository root. */
export interface NodeCommand {
  readonly label: string;
  readonly args: readonly string[];
}

export interface Comparison {
  readonly subject: string;
  readonly baseline: string;
  readonly pairs: number;
  /** Median wall time of each side, in ms. */
  readonly subjectMs: number;
  readonly baselineMs: number;
  /** Median of the per-pair ratios subject / baseline. */
  readonly ratio: number;
}

export const median = (values: readonly number[]): number => {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/**
 * Runs `node ARGS` once with stdout discarded; wall time in ms.
 * @throws If the command fails, because a failing run would time an error message.
 */
export function timeNode(command: NodeCommand, env: NodeJS.ProcessEnv = process.env): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, command.args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${command.label} exited ${result.status ?? result.signal}: ${result.stderr.slice(0, 2000)}`);
  return ms;
}

/**
 * Times `subject` against `baseline` in `pairs` alternating pairs (AB, BA, AB, …, after one
 * unmeasured warm-up of each so the file cache is hot) and takes medians.
 */
export function compare(subject: NodeCommand, baseline: NodeCommand, pairs: number): Comparison {
  timeNode(subject);
  timeNode(baseline);
  const a: number[] = [];
  const b: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < pairs; i++) {
    let s: number;
    let t: number;
    if (i % 2 === 0) {
      s = timeNode(subject);
      t = timeNode(baseline);
    } else {
      t = timeNode(baseline);
      s = timeNode(subject);
    }
    a.push(s);
    b.push(t);
    ratios.push(s / t);
  }
  return { subject: subject.label, baseline: baseline.label, pairs, subjectMs: median(a), baselineMs: median(b), ratio: median(ratios) };
}

/** Peak resident set size of one run of `node ARGS`, in MB (10^6 bytes), reported by the process itself. */
export function peakRssMb(command: NodeCommand): number {
  const dir = mkdtempSync(join(tmpdir(), 'liq-rss-'));
  const file = join(dir, 'rss');
  try {
    timeNode({ label: command.label, args: ['--import', REPORT_RSS, ...command.args] }, { ...process.env, LIQ_BENCH_RSS_FILE: file });
    return (Number(readFileSync(file, 'utf8')) * 1024) / 1e6;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Verdict against a target: the bench reports, it does not fail the build on noise. */
export const verdict = (value: number, target: number): 'ok' | 'MISSED' => (value <= target ? 'ok' : 'MISSED');
