import { ExitCode } from '../errors.ts';
import type { Overall } from '../engine/types.ts';

/** The monitoring convention (--exit-status): ok 0, watch 1, stress 2, unknown 3. */
export function exitForStatus(status: Overall, monitoring: boolean): number {
  if (!monitoring) return ExitCode.ok;
  return { ok: ExitCode.ok, watch: ExitCode.watch, stress: ExitCode.stress, unknown: ExitCode.unknown }[status];
}
