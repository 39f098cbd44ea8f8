/**
 * Gathers observations from many files into one clean series each: converted to the
 * canonical unit, sorted, identical duplicates merged, conflicts reported with both
 * places. Storage is typed arrays (about 18 bytes an observation) so a million-row file
 * stays small.
 */
import { SERIES, MILLIONS_IF_MAX_ABOVE, UNIT_VINTAGE_IDS, UNITS, type SeriesName, type UnitScale, type Dimension } from '../domain/catalog.ts';
import { formatDay, type Day } from '../domain/dates.ts';
import { grouped } from '../domain/grouped.ts';
import type { Series, SeriesSource } from '../domain/series.ts';
import { dataError } from '../errors.ts';
import { marketHoliday, weekday } from '../domain/calendar.ts';

/** How a column's unit is to be decided once its file has been read. */
export type UnitRule =
  | { readonly kind: 'known'; readonly scale: UnitScale; readonly basis: string }
  | { readonly kind: 'magnitude' };

/** One file column (or long-format label) feeding one series. */
interface Segment {
  readonly file: string;
  readonly column: number;
  readonly label: string;
  readonly series: SeriesName;
  readonly rule: UnitRule;
  /** The name or FRED id the column was read as (WTREGEN, WDTGAL, tga), upper case. */
  readonly id: string;
  maxAbs: number;
  /** Values whose magnitude exceeds MILLIONS_IF_MAX_ABOVE, for a unit decided by magnitude. */
  countAbove: number;
  maxDecimals: number;
  firstLine: number;
  /** The earliest date the column holds, so a source can be left out before it begins. */
  firstDay: number;
  count: number;
  resolved: { scale: UnitScale; basis: string } | null;
  /** Where its observations go: the column of its series, shared with the series' other segments. */
  readonly values: Column;
}

class Column {
  dates = new Int32Array(256);
  values = new Float64Array(256);
  lines = new Int32Array(256);
  segments = new Uint16Array(256);
  length = 0;

  /** Appends `count` observations of one segment from the run arrays, starting at `from`. */
  pushRun(dates: Int32Array, values: Float64Array, lines: Int32Array, from: number, count: number, segment: number): void {
    while (this.length + count > this.dates.length) this.grow();
    const at = this.length;
    this.dates.set(dates.subarray(from, from + count), at);
    this.values.set(values.subarray(from, from + count), at);
    this.lines.set(lines.subarray(from, from + count), at);
    this.segments.fill(segment, at, at + count);
    this.length += count;
  }

  push(day: Day, value: number, line: number, segment: number): void {
    if (this.length === this.dates.length) this.grow();
    const i = this.length++;
    this.dates[i] = day;
    this.values[i] = value;
    this.lines[i] = line;
    this.segments[i] = segment;
  }

  private grow(): void {
    const size = this.dates.length * 2;
    const grow = <T extends Int32Array | Float64Array | Uint16Array>(old: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.dates = grow(this.dates, (n) => new Int32Array(n));
    this.values = grow(this.values, (n) => new Float64Array(n));
    this.lines = grow(this.lines, (n) => new Int32Array(n));
    this.segments = grow(this.segments, (n) => new Uint16Array(n));
  }
}

const MAX_PROBLEMS = 12;
const RELATIVE_TOLERANCE = 1e-9;

export class ObservationStore {
  private readonly columns = new Map<SeriesName, Column>();
  private readonly segments: Segment[] = [];
  /** Segments of the file being read, settled by endFile(). */
  private openSegments: number[] = [];
  readonly problems: string[] = [];
  /** Notes on what was read but not used (rows of invented business days, files skipped). */
  readonly notices: string[] = [];
  /** Files of a folder that hold no series liq knows, by folder. */
  private readonly skipped = new Map<string, string[]>();

  /** `verbose`: notes list every name (skipped files, ignored columns), not only a count. */
  constructor(readonly verbose = false) {}

  /** A file found in a folder that holds no series liq knows: skipped, with one note per folder. */
  skip(folder: string, file: string): void {
    const files = this.skipped.get(folder) ?? [];
    files.push(file);
    this.skipped.set(folder, files);
  }

  get full(): boolean {
    return this.problems.length >= MAX_PROBLEMS;
  }

  problem(message: string): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(message);
  }

  openSegment(file: string, column: number, label: string, series: SeriesName, rule: UnitRule, readAs = ''): number {
    // Segment ids are stored as Uint16; past that the input is not a set of time series.
    if (this.segments.length >= 0xffff) throw dataError(`${file}: too many series columns and labels (over 65,535 across the inputs)`);
    const id = this.segments.length;
    let values = this.columns.get(series);
    if (values === undefined) {
      values = new Column();
      this.columns.set(series, values);
    }
    this.segments.push({ file, column, label, series, rule, id: readAs, maxAbs: 0, countAbove: 0, maxDecimals: 0, firstLine: 0, firstDay: Infinity, count: 0, resolved: null, values });
    this.openSegments.push(id);
    return id;
  }

  /** Records one raw value (in its file's unit), with the line it came from. */
  add(segmentId: number, day: Day, raw: number, line: number, decimals: number): void {
    const segment = this.segments[segmentId] as Segment;
    segment.values.push(day, raw, line, segmentId);
    const abs = Math.abs(raw);
    noteValues(segment, 1, abs, abs > MILLIONS_IF_MAX_ABOVE ? 1 : 0, decimals, line, day);
  }

  /**
   * Records `count` raw values of one segment at once, as add() would one by one: from
   * index `from` of the run arrays, with `maxDecimals` the most decimals any was written with.
   */
  addRun(segmentId: number, dates: Int32Array, values: Float64Array, lines: Int32Array, from: number, count: number, maxDecimals: number): void {
    if (count === 0) return;
    const segment = this.segments[segmentId] as Segment;
    segment.values.pushRun(dates, values, lines, from, count, segmentId);
    let maxAbs = 0;
    let countAbove = 0;
    let firstDay = Infinity;
    for (let i = from; i < from + count; i++) {
      const abs = Math.abs(values[i] as number);
      maxAbs = Math.max(maxAbs, abs);
      countAbove += abs > MILLIONS_IF_MAX_ABOVE ? 1 : 0;
      firstDay = Math.min(firstDay, dates[i] as number);
    }
    noteValues(segment, count, maxAbs, countAbove, maxDecimals, lines[from] as number, firstDay);
  }

  /** Settles the unit of every column of the file just read and converts its values. */
  endFile(firstIndex: ReadonlyMap<SeriesName, number>): void {
    for (const id of this.openSegments) {
      const segment = this.segments[id] as Segment;
      segment.resolved = resolveUnit(segment);
      const small = declaredTooSmall(segment);
      if (small !== null) this.problem(`${this.place(segment, segment.firstLine)}: ${small}`);
      if (looksLikeFractions(segment)) {
        this.problem(
          `${this.place(segment, segment.firstLine)}: ${segment.label} looks like rates written as fractions ` +
            `(largest ${segment.maxAbs}, written with ${segment.maxDecimals} decimals): write percent (5.25 for 5.25 %), ` +
            `or declare the unit in the header: ${segment.label}[fraction]`,
        );
      }
    }
    for (const [series, column] of this.columns) {
      const start = firstIndex.get(series) ?? 0;
      const info = SERIES[series];
      for (let i = start; i < column.length; i++) {
        const segment = this.segments[column.segments[i] as number] as Segment;
        const { scale } = segment.resolved as { scale: UnitScale };
        const raw = column.values[i] as number;
        // Exact either way, as every scale has num or den 1: raw × num, or raw / den.
        const value = (raw * scale.num) / scale.den;
        column.values[i] = value;
        if (value < info.plausible[0] || value > info.plausible[1]) {
          this.problem(`${this.place(segment, column.lines[i] as number)}: ${implausible(series, raw, value, scale, segment)}`);
          if (this.full) break;
        }
      }
    }
    this.openSegments = [];
  }

  /** Where each series' observations stand now, so endFile() converts only the new ones. */
  mark(): Map<SeriesName, number> {
    return new Map([...this.columns].map(([name, column]) => [name, column.length]));
  }

  private place(segment: Segment, line: number): string {
    return `${segment.file}:${line}:${segment.column}`;
  }

  /** Sorts, merges identical duplicates and reports conflicting ones; the loaded series. Call once: it consumes the store. */
  finish(): Map<SeriesName, Series> {
    const result = new Map<SeriesName, Series>();
    for (const [name, column] of this.columns) {
      if (name === 'tga') this.oneTgaMeasure(column);
      const series = this.finishColumn(name, column);
      if (series !== null) result.set(name, series);
    }
    for (const [folder, files] of this.skipped) {
      const names = files.map((f) => f.slice(folder.length).replace(/^[\\/]/, ''));
      this.notices.push(
        `${folder}: skipped ${files.length} file${files.length === 1 ? '' : 's'} with no series liq knows` +
          (this.verbose ? `: ${names.join(', ')}` : ' (--verbose lists them)'),
      );
    }
    for (const [file, { count, series, example }] of this.filled) {
      this.notices.push(
        `${file}: dropped ${grouped(count, 0)} row${count === 1 ? '' : 's'} of ${[...series].join(', ')} on weekends or market holidays repeating the business day before ` +
          `(e.g. ${example}): the file was saved calendar-daily, and those days did not trade`,
      );
    }
    return result;
  }

  private finishColumn(name: SeriesName, column: Column): Series | null {
    const n = column.length;
    if (n === 0) return null;
    // The common case, one file per series in date order: nothing to sort or merge.
    if (strictlyIncreasing(column.dates, n)) {
      const kept = SERIES[name].businessDaily ? this.dropFilledDays(name, column.dates, column.values, n, (k) => k, column) : n;
      if (kept < 0) return null;
      return { name, dates: column.dates.slice(0, kept), values: column.values.slice(0, kept), derived: null, sources: this.sourcesOf(name) };
    }
    const order = sortedOrder(column.dates, n);
    // Already in date order (the common case), the merge compacts the column in place: it
    // writes slot `kept` only after reading slot k ≥ kept, and a million-row column then
    // needs no second full-size copy (memory proportional to rows, with a small constant).
    const dates = order === null ? column.dates : new Int32Array(n);
    const values = order === null ? column.values : new Float64Array(n);
    let kept = 0;
    let keptAt = -1;
    // Where each kept observation came from (its index in the column), to name it in a note.
    const origin = SERIES[name].businessDaily ? new Int32Array(n) : null;
    for (let k = 0; k < n; k++) {
      const i = order === null ? k : (order[k] as number);
      const day = column.dates[i] as number;
      const value = column.values[i] as number;
      if (kept > 0 && dates[kept - 1] === day) {
        const previous = values[kept - 1] as number;
        if (!sameValue(previous, value)) {
          const a = this.segments[column.segments[keptAt] as number] as Segment;
          const b = this.segments[column.segments[i] as number] as Segment;
          this.problem(
            `${this.place(b, column.lines[i] as number)}: ${name} on ${formatDay(day)} is ${fmt(value)} here but ${fmt(previous)} at ` +
              `${this.place(a, column.lines[keptAt] as number)} (conflicting observations: keep one source per series, or fix the date)`,
          );
          if (this.full) return null;
        }
        continue;
      }
      dates[kept] = day;
      values[kept] = value;
      if (origin !== null) origin[kept] = i;
      keptAt = i;
      kept++;
    }
    if (origin !== null) kept = this.dropFilledDays(name, dates, values, kept, (k) => origin[k] as number, column);
    if (kept <= 0) return null;
    return { name, dates: dates.slice(0, kept), values: values.slice(0, kept), derived: null, sources: this.sourcesOf(name) };
  }

  /**
   * WTREGEN (the week's average) and WDTGAL (the Wednesday level) are two H.4.1 measures of
   * the TGA that differ on every shared date: given both, `tga` is WDTGAL, the Wednesday
   * level like WALCL's (net liquidity subtracts one from the other), and WTREGEN is left
   * out with a note, not reported as conflicts.
   */
  private oneTgaMeasure(column: Column): void {
    const of = (id: string) => this.segments.filter((s) => s.series === 'tga' && s.id === id && s.count > 0);
    const average = of('WTREGEN');
    if (average.length === 0 || of('WDTGAL').length === 0) return;
    const dropped = new Set(average.map((s) => this.segments.indexOf(s)));
    let kept = 0;
    for (let i = 0; i < column.length; i++) {
      if (dropped.has(column.segments[i] as number)) continue;
      column.dates[kept] = column.dates[i] as number;
      column.values[kept] = column.values[i] as number;
      column.lines[kept] = column.lines[i] as number;
      column.segments[kept] = column.segments[i] as number;
      kept++;
    }
    column.length = kept;
    for (const s of average) s.count = 0;
    this.notices.push(
      `tga: both WTREGEN (week average) and WDTGAL (Wednesday level) given; using WDTGAL, the Wednesday level like WALCL, and not ${[...new Set(average.map((s) => s.file))].join(', ')}`,
    );
  }

  /**
   * Business days are never invented (a business-daily series has no Saturday, Sunday or
   * market-holiday observation): rows on such days that repeat the business day before
   * were forward-filled by whoever saved the file, and are dropped with one note per file;
   * a weekend row with a value of its own is refused, since no rule says what it is. Works
   * in place on sorted, merged arrays; returns how many observations are kept, or -1 when
   * the problems are full.
   */
  private dropFilledDays(name: SeriesName, dates: Int32Array, values: Float64Array, n: number, originOf: (k: number) => number, column: Column): number {
    let kept = 0;
    for (let k = 0; k < n; k++) {
      const day = dates[k] as number;
      const value = values[k] as number;
      const closed = closedDay(day, SERIES[name].repoMarket);
      if (closed !== null) {
        const repeats = kept > 0 && sameValue(values[kept - 1] as number, value);
        const i = originOf(k);
        const segment = this.segments[column.segments[i] as number] as Segment;
        const line = column.lines[i] as number;
        if (repeats) {
          this.noteFilled(segment, name, closed, day, value, dates[kept - 1] as number, line);
          continue;
        }
        if (closed.weekend) {
          this.problem(
            `${this.place(segment, line)}: ${name} has an observation on ${closed.name} ${formatDay(day)} (${fmt(value)}), but it is published on business days only ` +
              `and this is not a copy of the day before: check the dates (shifted by a time zone?), or remove the weekend rows`,
          );
          if (this.full) return -1;
          continue;
        }
      }
      dates[kept] = day;
      values[kept] = value;
      kept++;
    }
    return kept;
  }

  /** Forward-filled rows dropped, by file (in the order met), for one note each. */
  private readonly filled = new Map<string, { count: number; series: Set<SeriesName>; example: string }>();

  private noteFilled(segment: Segment, name: SeriesName, closed: ClosedDay, day: Day, value: number, before: Day, line: number): void {
    let entry = this.filled.get(segment.file);
    if (entry === undefined) {
      entry = { count: 0, series: new Set(), example: `line ${line}, ${closed.name} ${formatDay(day)}: ${name} ${fmt(value)} as on ${formatDay(before)}` };
      this.filled.set(segment.file, entry);
    }
    entry.count++;
    entry.series.add(name);
  }

  private sourcesOf(name: SeriesName): SeriesSource[] {
    return this.segments
      .filter((s) => s.series === name && s.count > 0)
      .map((s) => ({ file: s.file, column: s.label, unit: s.resolved?.scale.name ?? '?', unitBasis: s.resolved?.basis ?? '', first: s.firstDay }));
  }
}

/**
 * Folds `count` new values of a segment into its statistics: their largest magnitude, how
 * many exceed MILLIONS_IF_MAX_ABOVE, the most decimals, the first one's line, the earliest day.
 * Every field is written on every call, not only when it changes: add() runs this per value
 * before V8 has optimised anything, and a store V8 has not yet seen run (the first value over
 * the millions threshold, say) would throw the optimised code away when it does.
 */
function noteValues(segment: Segment, count: number, maxAbs: number, countAbove: number, maxDecimals: number, firstLine: number, firstDay: number): void {
  segment.maxAbs = Math.max(segment.maxAbs, maxAbs);
  segment.countAbove += countAbove;
  segment.maxDecimals = Math.max(segment.maxDecimals, maxDecimals);
  segment.firstLine = segment.count === 0 ? firstLine : segment.firstLine;
  segment.firstDay = Math.min(segment.firstDay, firstDay);
  segment.count += count;
}

function resolveUnit(segment: Segment): { scale: UnitScale; basis: string } {
  const { rule } = segment;
  if (rule.kind === 'known') return { scale: rule.scale, basis: rule.basis };
  // By magnitude, decided by most values, not the largest: one mistyped value in a billions
  // file must not turn the whole file into millions (it is then reported as implausible instead).
  const millions = segment.countAbove * 2 > segment.count;
  const share = `${grouped(segment.countAbove, 0)} of ${grouped(segment.count, 0)} values`;
  return millions
    ? { scale: UNITS.millions as UnitScale, basis: `${share} > ${grouped(MILLIONS_IF_MAX_ABOVE, 0)}` }
    : { scale: UNITS.billions as UnitScale, basis: `${share} > ${grouped(MILLIONS_IF_MAX_ABOVE, 0)}` };
}

/**
 * Rates written as fractions (0.0525 for 5.25 %) are plausible percents in a zero-rate era,
 * so they are caught by shape: every value at most 0.25 and some written with more than
 * three decimals, which percent rates (quoted to the basis point) never need.
 */
function looksLikeFractions(segment: Segment): boolean {
  return mayBeFractions(segment.rule) && segment.count > 0 && segment.maxAbs <= 0.25 && segment.maxDecimals > 3;
}

/**
 * Whether a column could hold rates written as fractions: a percent column whose unit the
 * user did not declare. That includes FRED ids, because the canonical names sofr, effr,
 * iorb are also FRED ids and a hand-made `date,sofr` file is read as FRED's percent.
 */
export function mayBeFractions(rule: UnitRule): boolean {
  return rule.kind === 'known' && rule.scale.name === 'percent' && rule.basis !== 'declared';
}

function implausible(series: SeriesName, raw: number, value: number, scale: UnitScale, segment: Segment): string {
  const info = SERIES[series];
  const [lo, hi] = info.plausible;
  const unit = info.dimension === 'rate' ? 'percent' : 'USD billions';
  const read = scale.name === 'percent' || scale.name === 'billions' ? '' : ` (${fmt(raw)} ${scale.name})`;
  const base = `${series} value ${fmt(value)}${read} is implausible in ${unit} (expected ${fmt(lo)} to ${fmt(hi)})`;
  if (value < 0 && info.dimension === 'level') return `${series} value ${fmt(raw)} is negative, but a balance or volume cannot be (expected 0 or more; check the sign and the column)`;
  const fit = betterUnit(info.dimension, raw, lo, hi, scale);
  if (fit === null) return `${base}; check the column and its unit`;
  const column = segment.label.replace(/\s*\[.*\]$/, '');
  const how = segment.rule.kind === 'magnitude' ? `` : `: declare it in the header, e.g. ${fit.split(' or ').map((u) => `${column}[${u}]`).join(' or ')}`;
  return `${base} — a likely unit mistake; it fits if the file is in ${fit}${how}`;
}

/** Every unit in which the raw value would be plausible ("thousands or dollars"), or null. */
function betterUnit(dimension: Dimension, raw: number, lo: number, hi: number, current: UnitScale): string | null {
  const fits: string[] = [];
  for (const [name, scale] of Object.entries(UNITS)) {
    if (scale.dimension !== dimension || scale.name !== name || scale === current) continue;
    const v = scale.den === 1 ? raw * scale.num : raw / scale.den;
    if (v >= lo && v <= hi) fits.push(name);
  }
  return fits.length === 0 ? null : fits.join(' or ');
}

/**
 * A unit declared for WRESBAL or WTREGEN (whose unit FRED changed between vintages) that
 * the file's magnitudes contradict the small way: `--unit WRESBAL=millions` on a billions
 * file would read reserves of 3.2 bn. (The large way, billions declared on a millions
 * file, is caught as implausibly large.)
 */
function declaredTooSmall(segment: Segment): string | null {
  if (segment.rule.kind !== 'known' || segment.rule.basis !== 'declared' || segment.count === 0) return null;
  if (!UNIT_VINTAGE_IDS.has(segment.id)) return null;
  if (segment.rule.scale.den <= 1 || segment.countAbove * 2 > segment.count) return null;
  const largest = (segment.maxAbs * segment.rule.scale.num) / segment.rule.scale.den;
  return (
    `${segment.id} declared in ${segment.rule.scale.name}, but most of its ${grouped(segment.count, 0)} values are at most ${grouped(MILLIONS_IF_MAX_ABOVE, 0)}: ` +
    `read so, its largest would be ${fmt(largest)} bn, implausibly small — the file is in billions (drop the declaration, or declare ${segment.label.replace(/\s*\[.*\]$/, '')}[billions])`
  );
}

interface ClosedDay {
  readonly name: string;
  readonly weekend: boolean;
}

const SATURDAY: ClosedDay = { name: 'Saturday', weekend: true };
const SUNDAY: ClosedDay = { name: 'Sunday', weekend: true };

/** Saturday or Sunday, or (for a repo market series) a US bond-market holiday; null on a business day. */
function closedDay(day: Day, repoMarket: boolean): ClosedDay | null {
  const dow = weekday(day);
  if (dow === 6) return SATURDAY;
  if (dow === 0) return SUNDAY;
  if (!repoMarket) return null;
  const holiday = marketHoliday(day);
  return holiday === null ? null : { name: holiday, weekend: false };
}

function sameValue(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

const fmt = (v: number): string => (Number.isInteger(v) ? grouped(v, 3, 0) : String(Number(v.toPrecision(12))));

function strictlyIncreasing(dates: Int32Array, n: number): boolean {
  for (let i = 1; i < n; i++) if ((dates[i] as number) <= (dates[i - 1] as number)) return false;
  return true;
}

/** A stable by-date order, or null when the dates are already non-decreasing. */
function sortedOrder(dates: Int32Array, n: number): Int32Array | null {
  let sorted = true;
  for (let i = 1; i < n; i++) {
    if ((dates[i] as number) < (dates[i - 1] as number)) {
      sorted = false;
      break;
    }
  }
  if (sorted) return null;
  // Each observation as one number, (day − earliest) × n + i, sorted natively: by date,
  // and among equal dates by position, so the sort is stable. Exact: at most about
  // 110,000 days × 10^7 rows, far below 2^53. (A comparator sort is several times slower
  // on cold code, and this runs whenever two files feed one series.)
  let earliest = Infinity;
  for (let i = 0; i < n; i++) earliest = Math.min(earliest, dates[i] as number);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = ((dates[i] as number) - earliest) * n + i;
  keys.sort();
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) order[k] = (keys[k] as number) % n;
  return order;
}
