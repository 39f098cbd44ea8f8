/** The loader's one entry point: paths in, clean series (or located problems) out. */
import type { SeriesName } from '../domain/catalog.ts';
import type { Series } from '../domain/series.ts';
import { dataError, usageError } from '../errors.ts';
import { ObservationStore } from './collect.ts';
import { unitScale, type DeclaredUnits } from './columns.ts';
import { readSource, type SourceText } from './parse.ts';
import { DEFAULT_LIMITS, readInputs } from './read.ts';
import { SERIES, lookupSeries, unitNamesFor } from '../domain/catalog.ts';

export interface Loaded {
  readonly series: Map<SeriesName, Series>;
  /** Things worth a word that are not errors, e.g. ignored columns. */
  readonly notices: readonly string[];
}

export interface LoadOptions {
  /** `--unit name=unit` declarations. */
  readonly units?: readonly string[];
  readonly stdin?: () => Promise<string>;
  /** Notes name every file skipped and column ignored, not only their count. */
  readonly verbose?: boolean;
  /** The largest input accepted, in bytes (--max-input-size); default 1 GiB. */
  readonly maxInputBytes?: number | undefined;
}

export async function loadPaths(paths: readonly string[], options: LoadOptions = {}): Promise<Loaded> {
  if (paths.length === 0) throw usageError('no input files: give CSV files, a directory, or - for stdin (e.g. liq check fixtures/fred/)');
  const declared = parseUnitFlags(options.units ?? []);
  const sources = await readInputs(paths, options.stdin, { ...DEFAULT_LIMITS, maxBytes: options.maxInputBytes ?? DEFAULT_LIMITS.maxBytes });
  return loadTexts(await Promise.all(sources.map(fromWorkbook)), declared, { verbose: options.verbose === true });
}

/**
 * A workbook's data sheet as CSV text (src/io/xlsx.ts, its own bundle: loaded only when an
 * input is one). One that cannot be read is a located problem like any bad file.
 */
async function fromWorkbook(source: SourceText): Promise<SourceText> {
  if (source.bytes === undefined) return source;
  const { workbookText } = await import('./xlsx.ts');
  const read = await workbookText(source.bytes);
  if ('problem' in read) throw dataError(`${source.name}:1:1: ${read.problem}`);
  const { bytes: _bytes, ...rest } = source;
  return { ...rest, text: read.text };
}

/** Pure of I/O: parses texts already read. */
export function loadTexts(sources: readonly SourceText[], declared: DeclaredUnits = new Map(), options: { readonly verbose?: boolean } = {}): Loaded {
  const store = new ObservationStore(options.verbose === true);
  const notices: string[] = [];
  for (const source of sources) {
    readSource(source, store, declared, notices);
    if (store.full) break;
  }
  const series = store.problems.length === 0 ? store.finish() : new Map<SeriesName, Series>();
  if (store.problems.length > 0) {
    const more = store.full ? ['(stopped after the first problems; fix these and run again)'] : [];
    throw dataError([...store.problems, ...more]);
  }
  if (series.size === 0) throw dataError(`${sources.map((s) => s.name).join(', ')}: no observations found (every value cell is empty)`);
  return { series, notices: [...notices, ...store.notices] };
}

function parseUnitFlags(flags: readonly string[]): DeclaredUnits {
  const declared = new Map<string, string>();
  for (const flag of flags) {
    const match = /^\s*([^=\s]+)\s*=\s*([A-Za-z]+)\s*$/.exec(flag);
    if (match === null) throw usageError(`--unit "${flag}": expected NAME=UNIT, e.g. --unit reserves=millions`);
    const name = (match[1] as string).toLowerCase();
    const unit = (match[2] as string).toLowerCase();
    const found = lookupSeries(name);
    if (found === undefined) throw usageError(`--unit "${flag}": "${name}" is not a series or FRED id liq knows (e.g. reserves, tga, WALCL)`);
    const dimension = SERIES[found.series].dimension;
    const scale = unitScale(unit);
    if (scale === undefined) throw usageError(`--unit "${flag}": unknown unit "${unit}"; use one of: ${unitNamesFor(dimension).join(', ')}`);
    if (scale.dimension !== dimension) {
      throw usageError(`--unit "${flag}": ${found.series} is a ${dimension}, so its unit is one of: ${unitNamesFor(dimension).join(', ')}`);
    }
    declared.set(name, unit);
  }
  return declared;
}
