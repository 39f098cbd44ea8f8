/**
 * Episode comparison (see Episodes in the README): the indicators now, on the eve of a funding episode and
 * on its worst day, side by side, with how close now stands to the eve.
 */
import { changeOverWeeks } from './_lib/change.ts';
import { Context } from './_lib/context.ts';
import { decimalDifference, spreadBp } from './_lib/numbers.ts';
import { civilFromDay, dayFromCivil, parseIsoDay, type Day } from '../domain/dates.ts';
import { indexAtOrBefore, type SeriesSet } from '../domain/series.ts';
import { assess, type AssessOptions } from './assess.ts';
import type { Assessment, IndicatorId, Metrics, Overall, Status } from './types.ts';
import { LazyVisible } from './visibility.ts';
import { item } from './_lib/arrays.ts';

/** One day's readings, as stored in the bundled reference and computed for "now". */
export interface Snapshot {
  readonly date: string;
  readonly status: Overall;
  readonly indicators: Readonly<Record<string, { readonly status: Status; readonly metrics: Metrics; readonly stale?: boolean }>>;
  /** Changes over the 52 weeks before the date, as the article compares them (USD bn). */
  readonly yearChanges: Readonly<Record<'reserves' | 'tga' | 'rrp', number | null>>;
}

export interface EpisodeReference {
  readonly name: string;
  readonly eve: Snapshot;
  readonly spike: Snapshot;
  /** Where the values came from (files, script), for the record. */
  readonly source: string;
}

type Direction = 'higher' | 'lower';

/** The rows of the comparison: which metric, and in which direction it means more strain. */
const COMPARISON_ROWS: readonly { indicator: IndicatorId | 'year_change'; metric: string; label: string; unit: string; worse: Direction; ratio: boolean }[] = [
  { indicator: 'sofr_rrp_spread', metric: 'latestBp', label: 'SOFR − ON RRP, that day', unit: 'bp', worse: 'higher', ratio: false },
  { indicator: 'sofr_rrp_spread', metric: 'avg10Bp', label: 'SOFR − ON RRP, 10-day mean', unit: 'bp', worse: 'higher', ratio: false },
  { indicator: 'sofr_iorb_spread', metric: 'latestBp', label: 'SOFR − IORB, that day', unit: 'bp', worse: 'higher', ratio: false },
  { indicator: 'sofr_above_ceiling', metric: 'count', label: 'Days SOFR > ceiling (of 20)', unit: 'days', worse: 'higher', ratio: false },
  { indicator: 'sofr_above_ceiling', metric: 'maxExcessBp', label: 'Max SOFR − ceiling (20 days)', unit: 'bp', worse: 'higher', ratio: false },
  { indicator: 'sofr_tail', metric: 'p99Bp', label: 'SOFR 99th percentile − SOFR', unit: 'bp', worse: 'higher', ratio: false },
  { indicator: 'sofr_tail', metric: 'shareAboveIorbMin', label: 'SOFR volume above IORB, at least', unit: '%', worse: 'higher', ratio: false },
  { indicator: 'calendar', metric: 'popBp', label: 'SOFR pop over plain days', unit: 'bp', worse: 'higher', ratio: false },
  { indicator: 'repo_segments', metric: 'tgcrRrpBp', label: 'TGCR − ON RRP', unit: 'bp', worse: 'higher', ratio: false },
  { indicator: 'repo_segments', metric: 'sofrTgcrBp', label: 'SOFR − TGCR', unit: 'bp', worse: 'higher', ratio: false },
  { indicator: 'effr_tail', metric: 'p75IorbBp', label: 'EFFR 75th percentile − IORB', unit: 'bp', worse: 'higher', ratio: false },
  { indicator: 'effr_in_range', metric: 'belowUpperBp', label: 'EFFR below top of range', unit: 'bp', worse: 'lower', ratio: false },
  { indicator: 'srf_usage', metric: 'latest', label: 'SRF take-up', unit: 'USD bn', worse: 'higher', ratio: false },
  { indicator: 'reserves', metric: 'level', label: 'Reserves', unit: 'USD bn', worse: 'lower', ratio: true },
  { indicator: 'reserves_gdp', metric: 'ratioPct', label: 'Reserves / GDP', unit: '%', worse: 'lower', ratio: true },
  { indicator: 'year_change', metric: 'reserves', label: 'Reserves, 52-week change', unit: 'USD bn', worse: 'lower', ratio: false },
  { indicator: 'tga', metric: 'level', label: 'TGA', unit: 'USD bn', worse: 'higher', ratio: true },
  { indicator: 'year_change', metric: 'tga', label: 'TGA, 52-week change', unit: 'USD bn', worse: 'higher', ratio: false },
  { indicator: 'rrp', metric: 'level', label: 'ON RRP take-up', unit: 'USD bn', worse: 'lower', ratio: true },
  { indicator: 'year_change', metric: 'rrp', label: 'ON RRP, 52-week change', unit: 'USD bn', worse: 'lower', ratio: false },
  { indicator: 'sofr_volume', metric: 'level', label: 'SOFR volume', unit: 'USD bn', worse: 'higher', ratio: true },
  { indicator: 'net_liquidity', metric: 'level', label: 'Net liquidity', unit: 'USD bn', worse: 'lower', ratio: true },
  { indicator: 'qt_pace', metric: 'perMonth', label: 'Fed assets, change per month', unit: 'USD bn', worse: 'lower', ratio: false },
];

export interface ComparisonRow {
  readonly indicator: string;
  readonly metric: string;
  readonly label: string;
  readonly unit: string;
  readonly now: number | null;
  readonly eve: number | null;
  readonly spike: number | null;
  /** now − eve. */
  readonly diff: number | null;
  /** now ÷ eve, for levels and ratios only. */
  readonly ratio: number | null;
  /** The direction in which the measure means more strain. */
  readonly worse: Direction;
  /** A change over time (shown with its sign), not a level. */
  readonly change: boolean;
  /** Whether now is at or past the eve's value in the direction of more strain. */
  readonly atOrBeyondEve: boolean | null;
  /** Now against the eve by the direction of strain: tighter (more strained), looser, or the same. */
  readonly versusEve: 'tighter' | 'looser' | 'same' | null;
  /** Whether the value now was computed from a stale input. */
  readonly nowStale: boolean;
}

export interface Comparison {
  readonly episode: string;
  readonly now: Snapshot;
  readonly eve: Snapshot;
  readonly spike: Snapshot;
  readonly rows: readonly ComparisonRow[];
  readonly summary: { readonly atOrBeyondEve: number; readonly comparable: number; readonly text: string };
}

export function snapshot(all: SeriesSet, asOf: Day, options: Omit<AssessOptions, 'asOf'> = {}): Snapshot {
  return snapshotOf(assess(all, { ...options, asOf }), all, asOf, options.asPublished ?? false);
}

/** The snapshot of an assessment already made for `asOf` (the daily report has one). */
export function snapshotOf(assessment: Assessment, all: SeriesSet, asOf: Day, asPublished: boolean): Snapshot {
  const ctx = new Context(new LazyVisible(all, asOf, asPublished), asOf);
  const change = (name: 'reserves' | 'tga' | 'rrp'): number | null => changeOverWeeks(ctx, name, 52).change;
  return {
    date: assessment.asOf,
    status: assessment.status,
    indicators: Object.fromEntries(assessment.indicators.map((r) => [r.id, { status: r.status, metrics: r.metrics, stale: r.stale.length > 0 }])),
    yearChanges: { reserves: change('reserves'), tga: change('tga'), rrp: change('rrp') },
  };
}

/** Whether a row's value in a snapshot rests on a stale input (the 52-week changes: their level's indicator). */
function staleIn(s: Snapshot, row: (typeof COMPARISON_ROWS)[number]): boolean {
  const id = row.indicator === 'year_change' ? row.metric : row.indicator;
  return s.indicators[id]?.stale === true;
}

function valueIn(s: Snapshot, row: (typeof COMPARISON_ROWS)[number]): number | null {
  const v = row.indicator === 'year_change' ? s.yearChanges[row.metric as 'reserves'] : s.indicators[row.indicator]?.metrics[row.metric];
  return typeof v === 'number' ? v : null;
}

export function compare(episode: string, now: Snapshot, eve: Snapshot, spike: Snapshot): Comparison {
  const rows = COMPARISON_ROWS.map((row): ComparisonRow => {
    const n = valueIn(now, row);
    const e = valueIn(eve, row);
    const versusEve = n === null || e === null ? null : n === e ? 'same' : (n > e) === (row.worse === 'higher') ? 'tighter' : 'looser';
    return {
      indicator: row.indicator,
      metric: row.metric,
      label: row.label,
      unit: row.unit,
      now: n,
      eve: e,
      spike: valueIn(spike, row),
      diff: n === null || e === null ? null : decimalDifference(n, e),
      ratio: row.ratio && n !== null && e !== null && e > 0 && n >= 0 ? n / e : null,
      worse: row.worse,
      change: row.metric.startsWith('change') || row.indicator === 'year_change' || row.metric === 'perMonth' || row.metric === 'maxExcessBp',
      atOrBeyondEve: versusEve === null ? null : versusEve !== 'looser',
      versusEve,
      nowStale: staleIn(now, row),
    };
  });
  const comparable = rows.filter((r) => r.atOrBeyondEve !== null);
  const beyond = comparable.filter((r) => r.atOrBeyondEve === true).length;
  return {
    episode,
    now,
    eve,
    spike,
    rows,
    summary: {
      atOrBeyondEve: beyond,
      comparable: comparable.length,
      text: `On ${now.date}, ${beyond} of ${comparable.length} measures are as tight as or tighter than on the eve of ${episode} (${eve.date}); the overall status is ${now.status} now, was ${eve.status} on the eve and ${spike.status} at the spike.`,
    },
  };
}

/**
 * The worst day of an episode given as a month (YYYY-MM): the business day on which SOFR
 * printed furthest above the ON RRP rate. 2019-09 gives 2019-09-17 (SOFR 5.25 %).
 * A date (YYYY-MM-DD) is taken as the worst day itself, or the last business day before it.
 * Returns the spike and its eve (the business day before), or null if the data lack it.
 */
export function locateEpisode(all: SeriesSet, spec: string): { spike: Day; eve: Day } | null {
  const sofr = all.get('sofr');
  if (sofr === undefined) return null;
  let spikeAt = -1; // the spike's index in SOFR's dates
  if (/^\d{4}-\d{2}$/.test(spec)) {
    const first = parseIsoDay(`${spec}-01`);
    if (first === null) return null;
    const { y, m } = civilFromDay(first);
    const nextMonth = m === 12 ? dayFromCivil(y + 1, 1, 1) : dayFromCivil(y, m + 1, 1);
    // Only at() is used: the ON RRP rate in force on each day of the month.
    const floors = new Context(all, nextMonth - 1);
    let best = -Infinity;
    for (let i = indexAtOrBefore(sofr.dates, first - 1) + 1; i < sofr.dates.length && item(sofr.dates, i) < nextMonth; i++) {
      const floor = floors.at('rrp_rate', item(sofr.dates, i));
      const spread = floor === null ? item(sofr.values, i) * 100 : spreadBp(item(sofr.values, i), floor.value);
      if (spread > best) {
        best = spread;
        spikeAt = i;
      }
    }
  } else {
    const day = parseIsoDay(spec);
    if (day === null) return null;
    spikeAt = indexAtOrBefore(sofr.dates, day);
  }
  if (spikeAt < 1) return null; // no spike, or no business day before it
  return { spike: item(sofr.dates, spikeAt), eve: item(sofr.dates, spikeAt - 1) };
}
