/**
 * The engine's reasons in words: each metric's name, each check a sentence with units and
 * the table's rounding ("10-day mean 26.9 bp is above the 25 bp stress level"), each
 * threshold with the metric it tests ("13w change ≥ +300 bn"). No JSON key reaches a
 * person: a metric without words here is named by its indicator's title, and a test
 * holds every indicator's metrics to having words.
 */
import { SERIES, type SeriesName } from '../domain/catalog.ts';
import type { Check, Comparison, IndicatorId, IndicatorResult, Level, MetricUnit, Reason, Rule, StaleInput, Unavailable } from '../engine/types.ts';
import type { DayType } from '../domain/calendar.ts';
import { COMPARISON_SIGNS } from './comparison.ts';
import { asOfNote, dayCountWords } from './day-words.ts';
import { DASH, metricText, num, valueText } from './format.ts';
import { versus } from '../engine/_lib/numbers.ts';

export interface MetricWords {
  /** A noun phrase for a sentence: "10-day mean", "13-week change". */
  readonly name: string;
  /** A short name for a threshold cell: "10d mean", "13w change". */
  readonly short: string;
  /** A change or difference: shown with a + when positive. */
  readonly signed?: boolean;
  /**
   * The reading as a whole clause, where "NAME VALUE is above…" would not read well:
   * (v, text) → "EFFR is 14 bp below the top of the range".
   */
  readonly clause?: (value: number, text: (v: number) => string) => string;
  /** A threshold in a clause sentence, where "5 bp or less" alone would not say of what. */
  readonly limit?: (op: Comparison, threshold: number, text: string) => string;
}

const LATEST_SPREAD: MetricWords = { name: 'latest spread', short: 'latest' };
const MEAN_10D: MetricWords = { name: '10-day mean', short: '10d mean' };

const aboveOrBelow = (what: string, above = 'above', below = 'below') => (v: number, text: (v: number) => string): string =>
  v === 0 ? `EFFR is at ${what}` : `EFFR is ${text(Math.abs(v))} ${v > 0 ? above : below} ${what}`;

const ceilingDays = (v: number): string => `SOFR above the ceiling on ${num(v, 0)} of the last 20 days`;

export const METRIC_WORDS: Readonly<Partial<Record<IndicatorId, Readonly<Record<string, MetricWords>>>>> = {
  sofr_rrp_spread: {
    latestBp: LATEST_SPREAD,
    avg10Bp: MEAN_10D,
    avg10PrevBp: { name: 'previous 10-day mean', short: 'prev 10d mean', signed: true },
    change10Bp: { name: 'change of the 10-day mean', short: '10d change', signed: true },
  },
  sofr_iorb_spread: { latestBp: LATEST_SPREAD, avg10Bp: MEAN_10D },
  sofr_above_ceiling: {
    count: { name: 'days above the ceiling in the last 20', short: 'days above', clause: ceilingDays, limit: (op, _t, text) => `at ${limit(op, text)} days` },
    streak: {
      name: 'run of days above the ceiling',
      short: 'run',
      clause: (v) => `SOFR above the ceiling ${num(v, 0)} business day${v === 1 ? '' : 's'} running`,
      limit: (op, _t, text) => `at ${limit(op, text)} days running`,
    },
    longestStreak: { name: 'longest run above the ceiling in the last 20 days', short: 'longest run' },
    maxExcessBp: { name: 'largest excess over the ceiling', short: 'max excess', signed: true },
    ceiling: { name: 'ceiling', short: 'ceiling' },
  },
  effr_in_range: {
    effr: { name: 'EFFR', short: 'EFFR' },
    aboveLowerBp: { name: 'distance above the bottom of the range', short: 'above bottom', clause: aboveOrBelow('the bottom of the range'), limit: (op, _t, text) => `at ${limit(op, text)} above the bottom` },
    belowUpperBp: {
      name: 'distance below the top of the range',
      short: 'to top',
      clause: aboveOrBelow('the top of the range', 'below', 'above'),
      limit: (op, t, text) => (op === '<=' ? (t === 0 ? 'at or above the top' : `within ${text} of the top`) : `at ${limit(op, text)} below the top`),
    },
    effrIorbBp: {
      name: 'EFFR minus IORB',
      short: 'vs IORB',
      signed: true,
      clause: aboveOrBelow('IORB'),
      limit: (op, t, text) => (op === '>=' && t === 0 ? 'at or above IORB' : `at ${limit(op, text)} above IORB`),
    },
  },
  srf_usage: {
    latest: { name: 'latest take-up', short: 'latest' },
    max20: { name: '20-day maximum', short: '20d max' },
    monthTotal: { name: 'month-to-date total', short: 'month total' },
  },
  reserves: {
    level: { name: 'level', short: 'level' },
    change52w: { name: '52-week change', short: '52w change', signed: true },
  },
  reserves_gdp: {
    ratioPct: { name: 'reserves / GDP', short: 'ratio' },
    gdp: { name: 'GDP', short: 'GDP' },
    gdpDate: { name: 'GDP quarter', short: 'GDP quarter' },
  },
  reserves_bank_assets: {
    ratioPct: { name: 'reserves / bank assets', short: 'ratio' },
    bankAssets: { name: 'bank assets', short: 'bank assets' },
    bankAssetsDate: { name: 'H.8 week', short: 'H.8 week' },
  },
  reserve_demand: {
    slopeBpPerPct: { name: 'estimated slope', short: 'slope' },
    slopeLow: { name: 'bottom of the slope’s band', short: 'band bottom' },
    slopeHigh: { name: 'top of the slope’s band', short: 'band top' },
    r2: { name: 'fit (r²)', short: 'r²' },
    weeks: { name: 'weeks fitted', short: 'weeks' },
    basis: { name: 'scale', short: 'scale' },
  },
  tga: {
    level: { name: 'level', short: 'level' },
    change13w: { name: '13-week change', short: '13w change', signed: true },
    measure: { name: 'measure', short: 'measure' },
  },
  rrp: {
    level: { name: 'take-up', short: 'level' },
    peak: { name: 'peak take-up', short: 'peak' },
    peakDate: { name: 'date of the peak', short: 'peak date' },
    drawdown: { name: 'fall from the peak', short: 'off peak', signed: true },
    drawdownPct: { name: 'fall from the peak', short: 'off peak' },
  },
  net_liquidity: {
    level: { name: 'level', short: 'level' },
    change4w: { name: '4-week change', short: '4w change', signed: true },
    change13w: { name: '13-week change', short: '13w change', signed: true },
  },
  qt_pace: {
    change13w: { name: '13-week change', short: '13w change', signed: true },
    perMonth: { name: 'monthly pace', short: 'per month', signed: true },
  },
  calendar: {
    date: { name: 'business day typed', short: 'day' },
    dayTypes: { name: 'day types', short: 'types' },
    popBp: { name: 'pop of SOFR − IORB over its plain-day median', short: 'pop', signed: true },
    typicalPopBp: { name: 'typical pop of the same day type over three years', short: 'typical pop', signed: true },
    popPercentile: {
      name: 'rank of the pop among the same day type over three years',
      short: 'pop rank',
      clause: (v, text) => `the pop ranks at ${text(v)} of the same day type over three years`,
      limit: (op, _t, text) => `at ${limit(op, text)}`,
    },
    pastDays: { name: 'days of the same type over three years', short: 'past days' },
    plainDaysAboveCeiling: {
      name: 'plain days above the ceiling in the last 20',
      short: 'plain days above',
      clause: (v) => `SOFR above the ceiling on ${num(v, 0)} plain day${v === 1 ? '' : 's'} of the last 20`,
      limit: (op, _t, text) => `at ${limit(op, text)} plain days`,
    },
    calendarDaysAboveCeiling: { name: 'calendar days above the ceiling in the last 20', short: 'calendar days above' },
  },
  sofr_tail: {
    p99Bp: { name: '99th percentile over SOFR', short: 'p99 − SOFR', signed: true },
    p99IorbBp: { name: '99th percentile minus IORB', short: 'p99 − IORB', signed: true },
    p75IorbBp: { name: '75th percentile minus IORB', short: 'p75 − IORB', signed: true },
    p25IorbBp: { name: '25th percentile minus IORB', short: 'p25 − IORB', signed: true },
    shareAboveIorbMin: {
      name: 'least share of SOFR volume above IORB',
      short: 'share above IORB',
      clause: (v, text) => (v === 0 ? 'the percentiles show no SOFR volume above IORB' : `at least ${text(v)} of SOFR volume traded above IORB`),
      limit: (op, _t, text) => `at ${limit(op, text)}`,
    },
    avg10P99Bp: { name: '10-day mean of the 99th percentile over SOFR', short: '10d p99 − SOFR', signed: true },
  },
  repo_segments: {
    tgcrRrpBp: { name: 'TGCR minus the ON RRP rate', short: 'TGCR − RRP', signed: true },
    sofrTgcrBp: { name: 'SOFR minus TGCR', short: 'SOFR − TGCR', signed: true },
    bgcrTgcrBp: { name: 'BGCR minus TGCR', short: 'BGCR − TGCR', signed: true },
    avg10TgcrRrpBp: { name: '10-day mean of TGCR minus the ON RRP rate', short: '10d TGCR − RRP', signed: true },
  },
  effr_tail: {
    p99IorbBp: { name: 'EFFR 99th percentile minus IORB', short: 'p99 − IORB', signed: true },
    p75IorbBp: { name: 'EFFR 75th percentile minus IORB', short: 'p75 − IORB', signed: true },
    volume: { name: 'fed funds volume', short: 'volume' },
    volumeChange52wPct: { name: '52-week change of fed funds volume', short: '52w volume change', signed: true },
  },
  sofr_volume: {
    level: { name: 'volume', short: 'volume' },
    avg20: { name: '20-day mean volume', short: '20d mean' },
    change20dPct: { name: 'change of the 20-day mean', short: '20d change', signed: true },
    change52wPct: { name: '52-week change', short: '52w change', signed: true },
  },
};

/** The words of one metric; an unknown one is named by its indicator, never by its key. */
export function metricWords(id: IndicatorId, metric: string): MetricWords {
  return METRIC_WORDS[id]?.[metric] ?? { name: 'value', short: 'value' };
}


/** "5 bp or less", "more than 0 bp": a threshold as a limit in words. */
function limit(op: Comparison, threshold: string): string {
  switch (op) {
    case '>=':
      return `${threshold} or more`;
    case '>':
      return `more than ${threshold}`;
    case '<=':
      return `${threshold} or less`;
    case '<':
      return `less than ${threshold}`;
  }
}

/** How a value stands to a threshold, in words that match whether the rule holds. */
function relation(c: Check): string {
  const side = versus(c.value, c.threshold); // as the engine judged it: noise is not a crossing
  if (side === 0) return c.holds ? 'is at' : `is at, not ${c.comparison === '>' ? 'above' : 'below'},`;
  return side > 0 ? 'is above' : 'is below';
}

/**
 * A check's value as text, with more digits where the unit's rounding would make it read
 * as the threshold it is not equal to (299.9 bn beside a 300 bn level).
 */
function valueOf(id: IndicatorId, c: Check, words: MetricWords): (v: number) => string {
  const sign = words.signed === true;
  const plain = (v: number): string => metricText(id, c.metric, v, c.unit, { sign });
  const collides = versus(c.value, c.threshold) !== 0 && plain(c.value) === plain(c.threshold);
  return collides ? (v) => valueText(v, c.unit, { sign, precise: true }) : plain;
}

/** A threshold as set, not rounded to the unit's decimals: 5 bn, 10 %, 0.5 bn. */
function thresholdText(value: number, unit: MetricUnit, words: MetricWords): string {
  return valueText(value, unit, { sign: words.signed === true, precise: true });
}

/** One check as a clause: "10-day mean 26.9 bp is above the 25 bp stress level". */
export function checkSentence(id: IndicatorId, c: Check): string {
  const words = metricWords(id, c.metric);
  const value = valueOf(id, c, words);
  const threshold = thresholdText(c.threshold, c.unit, words);
  if (words.clause !== undefined) {
    const stated = words.clause(c.value, (v) => valueOf(id, c, { ...words, signed: false })(v));
    const rule = `${c.level} ${words.limit?.(c.comparison, c.threshold, threshold) ?? `at ${limit(c.comparison, threshold)}`}`;
    return c.holds ? `${stated}: ${rule}` : `${stated} (${rule})`;
  }
  return `${words.name} ${value(c.value)} ${relation(c)} the ${threshold} ${c.level} level`;
}

/**
 * The as-of date as a headline says it, with the data's age when the command line found
 * them old ("as of 2026-07-30 — 124 days ago"); the age comes from the clock, read by the CLI.
 */
export function asOfText(asOf: string, ageDays: number | null = null, dayTypes: readonly DayType[] | null = null, asPublished = false): string {
  const day = dayTypes === null ? asOf : `${asOf} ${asOfNote(dayTypes, asPublished)}`;
  return ageDays === null ? `as of ${day}` : `as of ${day} — ${ageText(ageDays)}`;
}

/** "1 day", "3 days": a count and its noun. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** How old the data are, as every headline says it: "124 days ago". */
export function ageText(ageDays: number): string {
  return `${plural(ageDays, 'day')} ago`;
}

/** A series by its name in words: "ON RRP award rate", not rrp_rate. */
export function seriesWords(name: SeriesName): string {
  return SERIES[name].label.replace(/\s*\(.*\)$/, '');
}

function staleWords(s: StaleInput): string {
  return `${seriesWords(s.series)} ${s.ageDays} days old`;
}

/** Each stale input once (by series and date), with the titles of the indicators that used it. */
export function staleInputs(results: readonly Pick<IndicatorResult, 'title' | 'stale'>[]): { input: StaleInput; titles: string[] }[] {
  const byInput = new Map<string, { input: StaleInput; titles: string[] }>();
  for (const r of results) {
    for (const s of r.stale) {
      const key = `${s.series} ${s.date}`;
      const entry = byInput.get(key) ?? { input: s, titles: [] };
      entry.titles.push(r.title);
      byInput.set(key, entry);
    }
  }
  return [...byInput.values()];
}

/** A stale input in full: "ON RRP award rate dated 2025-11-12 is 260 days old (stale after 7)". */
export function staleText(s: StaleInput): string {
  return `${seriesWords(s.series)} dated ${s.date} is ${s.ageDays} days old (stale after ${s.limitDays})`;
}

function listWords(items: readonly string[], join: 'and' | 'or'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${join} ${items.at(-1)}`;
}

function unavailableWords(id: IndicatorId, why: Unavailable): string {
  const names = (series: readonly SeriesName[], join: 'and' | 'or'): string => listWords(series.map(seriesWords), join);
  switch (why.cause) {
    case 'missing':
      return why.anyOf ? `needs ${names(why.series, 'or')} in force on the days it judges` : `needs ${names(why.series, 'and')}: no data on or before the as-of date`;
    case 'history':
      return `needs ${why.need} of the last ${why.window} ${why.unit} with ${names(why.series, 'and')}, has ${why.have}`;
    case 'flat':
      return `${names(why.series, 'and')} did not change where the estimate needs them to: nothing to estimate from`;
    case 'metrics':
      return `not enough history for the ${listWords([...new Set(why.metrics.map((m) => metricWords(id, m).name))], 'or')}`;
  }
}

/** The daily reading a day count tests, for its sentence. */
const DAY_COUNT_SUBJECT: Partial<Record<IndicatorId, string>> = { sofr_rrp_spread: 'SOFR − ON RRP', sofr_iorb_spread: 'SOFR − IORB' };

/**
 * The sentence a person reads for an indicator's status; for the price indicators, the
 * kinds of day it counted: "7 of 20 days above the ceiling: 5 plain, 1 month-end, 1 mid-month".
 */
export function reasonText(result: Pick<IndicatorResult, 'id' | 'reason'> & { readonly days?: IndicatorResult['days'] }): string {
  const words = reasonWords(result.id, result.reason);
  const days = result.days === undefined || result.days === null ? null : dayCountWords(result.days, DAY_COUNT_SUBJECT[result.id] ?? 'SOFR');
  return days === null || result.reason.kind === 'unavailable' ? words : `${words}; ${days}`;
}

export function reasonWords(id: IndicatorId, reason: Reason): string {
  switch (reason.kind) {
    case 'met':
      return checkSentence(id, reason.check);
    case 'ok':
      return `${reason.checks.map((c) => checkSentence(id, c)).join('; ')}: ok`;
    case 'unknown':
      return `${listWords(reason.stale.map(staleWords), 'and')}: cannot confirm ok`;
    case 'unavailable':
      return unavailableWords(id, reason);
    case 'info':
      return 'for information: no threshold';
  }
}

/**
 * A level as a table cell: "≥ 25 bp", or with the metric it tests where that is not the
 * value the row shows ("13w change ≥ +300 bn", "run ≥ 3 or days above ≥ 5").
 */
export function levelText(result: Pick<IndicatorResult, 'id'>, level: Level, shownMetric: string, unitOf: (metric: string) => MetricUnit): string {
  if (level === null || level.length === 0) return DASH;
  return level
    .map((rule: Rule) => {
      const words = metricWords(result.id, rule.metric);
      const label = level.length === 1 && rule.metric === shownMetric ? '' : `${words.short} `;
      return `${label}${COMPARISON_SIGNS[rule.op]} ${thresholdText(rule.value, unitOf(rule.metric), words)}`;
    })
    .join(' or ');
}
