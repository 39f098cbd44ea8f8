/** Which episode `liq compare` compares with: the bundled 2019 reference, or one from the data. */
import { dateProblem, formatDay } from '../domain/dates.ts';
import type { SeriesSet } from '../domain/series.ts';
import { locateEpisode, snapshot, type EpisodeReference } from '../engine/compare.ts';
import type { AssessOptions } from '../engine/assess.ts';
import { REFERENCE_2019 } from '../engine/episodes.ts';
import { usageError } from '../errors.ts';

const BUNDLED: EpisodeReference = REFERENCE_2019;

export interface ResolvedEpisode {
  readonly reference: EpisodeReference;
  /** "bundled" or "data". */
  readonly source: string;
}

/**
 * `spec` is empty or 2019-09 (the bundled reference), a config episode name, NAME=DATE,
 * a month (YYYY-MM: its worst SOFR day) or a date (YYYY-MM-DD).
 */
export function resolveEpisode(spec: string | undefined, named: Readonly<Record<string, string>>, all: SeriesSet, options: Omit<AssessOptions, 'asOf'>): ResolvedEpisode {
  if (spec === undefined || spec === BUNDLED.name) return { reference: BUNDLED, source: 'bundled' };
  let name = spec;
  let when = named[spec];
  const pair = /^([^=]+)=(.+)$/.exec(spec);
  if (pair !== null) {
    name = pair[1] as string;
    when = pair[2] as string;
  }
  when ??= spec;
  if (!/^\d{4}-\d{2}(-\d{2})?$/.test(when)) {
    const known = Object.keys(named);
    throw usageError(`--episode "${spec}": expected 2019-09, a month (2020-03), a date (2020-03-16), NAME=DATE${known.length > 0 ? `, or one of the config's episodes: ${known.join(', ')}` : ''}`);
  }
  const problem = dateProblem(when, when.length === 7);
  if (problem !== null) throw usageError(`--episode "${spec}": ${problem}`);
  const located = locateEpisode(all, when);
  // A period the data do not cover is a wrong argument, like any other bad --episode (64).
  if (located === null) throw usageError(`--episode ${spec}: the data hold no SOFR observations for ${when} and the day before; the episode needs them${sofrRange(all)}`);
  return {
    reference: { name, eve: snapshot(all, located.eve, options), spike: snapshot(all, located.spike, options), source: `computed from the input data (spike ${formatDay(located.spike)})` },
    source: 'data',
  };
}

/** " (SOFR runs from 2018-04-03 to 2026-07-30)", or nothing without SOFR. */
function sofrRange(all: SeriesSet): string {
  const dates = all.get('sofr')?.dates;
  const first = dates?.[0];
  const last = dates?.at(-1);
  return first === undefined || last === undefined ? '' : ` (SOFR runs from ${formatDay(first)} to ${formatDay(last)})`;
}
