/**
 * What a header cell means: which series it feeds and how its unit is known. Canonical
 * names and FRED ids are both accepted, in any case; a unit may be declared as a suffix,
 * `reserves[millions]` or `reserves (millions)`, or with `--unit reserves=millions`.
 */
import { SERIES, UNITS, lookupSeries, unitNamesFor, type SeriesName, type UnitScale } from '../domain/catalog.ts';
import type { UnitRule } from './collect.ts';
import { shown } from './shown.ts';

const UNIT_SUFFIX = /^(.*?)\s*[[(]\s*([A-Za-z]+)\s*[\])]$/;

export type ColumnMeaning =
  | { readonly kind: 'series'; readonly series: SeriesName; readonly rule: UnitRule; readonly label: string; /** The name or FRED id it was read as, upper case (WTREGEN for WTREGEN.csv's `value`). */ readonly id: string }
  | { readonly kind: 'unknown'; readonly label: string }
  | { readonly kind: 'problem'; readonly message: string };

/** Units the user declared with --unit, keyed by lower-case column name or series name; each already fits its series (load.ts). */
export type DeclaredUnits = ReadonlyMap<string, string>;

/**
 * Resolves one header cell. `fallbackName` names the series of a bare `value` column
 * (FRED API/pandas files are named after the id: WTREGEN.csv holds `date,value`).
 */
export function interpretColumn(header: string, declared: DeclaredUnits, fallbackName: string | null): ColumnMeaning {
  const label = header.trim();
  const suffix = UNIT_SUFFIX.exec(label);
  let base = suffix ? (suffix[1] as string) : label;
  const unitText = suffix ? (suffix[2] as string).toLowerCase() : undefined;

  if (base.toLowerCase() === 'value') {
    if (fallbackName === null) {
      return { kind: 'problem', message: `a "value" column needs a series name, and stdin has no file name to take it from: name the column instead (date,SOFR)` };
    }
    const named = seriesFromFileName(fallbackName);
    if (named === null) {
      const file = fallbackName.replace(/^.*[\\/]/, '');
      return {
        kind: 'problem',
        message: `cannot tell which series the "value" column holds: the file name "${shown(file)}" is not a series or FRED id; rename the file after one (SOFR.csv, WRESBAL.csv) or name the column (date,SOFR)`,
      };
    }
    base = named;
  }
  const found = lookupSeries(base);
  if (found === undefined) return { kind: 'unknown', label };

  const dimension = SERIES[found.series].dimension;
  if (unitText !== undefined) {
    const scale = unitScale(unitText);
    const allowed = unitNamesFor(dimension).join(', ');
    if (scale === undefined) return { kind: 'problem', message: `unknown unit "${unitText}" for ${found.series}; use one of: ${allowed}` };
    if (scale.dimension !== dimension) {
      return { kind: 'problem', message: `unit "${unitText}" does not fit ${found.series} (a ${dimension}); use one of: ${allowed}` };
    }
    return { kind: 'series', series: found.series, label, id: base.toUpperCase(), rule: { kind: 'known', scale, basis: 'declared' } };
  }
  // A --unit declaration: already checked against its series when the flags were read (load.ts).
  const flagged = declared.get(base.toLowerCase()) ?? declared.get(found.series);
  if (flagged !== undefined) {
    return { kind: 'series', series: found.series, label, id: base.toUpperCase(), rule: { kind: 'known', scale: unitScale(flagged) as UnitScale, basis: 'declared' } };
  }
  if (found.fred !== null) {
    const id = base.toUpperCase();
    const rule: UnitRule =
      found.fred.unit.kind === 'magnitude'
        ? { kind: 'magnitude' }
        : { kind: 'known', scale: UNITS[found.fred.unit.unit] as (typeof UNITS)[string], basis: `FRED ${id}` };
    return { kind: 'series', series: found.series, label, id: base.toUpperCase(), rule };
  }
  // No unit given: the canonical one. A rate column is still checked for being written as fractions (collect.ts mayBeFractions).
  const scale = (dimension === 'rate' ? UNITS.percent : UNITS.billions) as UnitScale;
  return { kind: 'series', series: found.series, label, id: base.toUpperCase(), rule: { kind: 'known', scale, basis: 'default' } };
}

/**
 * A long-format file's own unit cell, as agencies write it — `USD bn`, `Mil. of U.S. $`,
 * `Billions of Dollars`, `Percent`, `%` — read as one of liq's unit names; undefined if
 * it is none. Words that only say "US dollars" are dropped; what remains names the scale.
 */
export function unitFromCell(text: string): UnitScale | undefined {
  const plain = text.toLowerCase().trim();
  if (plain === '%') return UNITS.percent;
  const words = plain
    .replace(/u\.\s*s\.|\$/g, ' ')
    .split(/[^a-z%]+/)
    .filter((w) => w !== '' && w !== 'of' && w !== 'us' && w !== 'usd' && w !== 'in' && w !== 'points');
  if (words.length === 0) return /\$|usd|dollar/.test(plain) ? UNITS.dollars : undefined;
  if (words.length === 1 && (words[0] === 'dollars' || words[0] === 'dollar')) return UNITS.dollars;
  const scaleWord = words.filter((w) => w !== 'dollars' && w !== 'dollar');
  if (scaleWord.length !== 1) return undefined;
  const word = scaleWord[0] as string;
  const aliases: Readonly<Record<string, string>> = {
    bil: 'billions', bill: 'billions', billion: 'billions', b: 'billions',
    mil: 'millions', mill: 'millions', million: 'millions', m: 'millions', mm: 'millions',
    thous: 'thousands', thousand: 'thousands', k: 'thousands',
    tril: 'trillions', trillion: 'trillions', t: 'trillions',
    '%': 'percent', per: 'percent', cent: 'percent',
    bps: 'bp', basis: 'bp',
  };
  return unitScale(aliases[word] ?? word);
}

/**
 * A long-format row's series and unit cells: the series named by its label, the unit
 * read from its own cell. An unknown label is an unknown series; a known label with a
 * unit liq cannot read is a problem with the unit, named as such.
 */
export function interpretLongCells(label: string, unit: string, declared: DeclaredUnits): ColumnMeaning {
  const named = interpretColumn(label, declared, null);
  if (named.kind !== 'series' || unit === '') return named;
  const dimension = SERIES[named.series].dimension;
  const allowed = unitNamesFor(dimension).join(', ');
  const scale = unitFromCell(unit);
  if (scale === undefined) return { kind: 'problem', message: `unknown unit "${shown(unit)}" for ${named.series}; use one of: ${allowed} (or USD bn, Mil. of U.S. $, Percent)` };
  if (scale.dimension !== dimension) return { kind: 'problem', message: `unit "${shown(unit)}" does not fit ${named.series} (a ${dimension}); use one of: ${allowed}` };
  return { kind: 'series', series: named.series, label, id: named.id, rule: { kind: 'known', scale, basis: 'declared' } };
}

/** A unit by name; own keys only, so "constructor" is an unknown unit, not Object's. */
export function unitScale(name: string): UnitScale | undefined {
  return Object.hasOwn(UNITS, name) ? UNITS[name] : undefined;
}

/** The series a file name stands for: `WTREGEN.csv`, `WRESBAL_millions_2021-06.csv`, `sofr.csv`. */
function seriesFromFileName(path: string): string | null {
  const base = path.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  if (lookupSeries(base) !== undefined) return base;
  const head = base.split(/[_\-. ]/)[0] ?? '';
  return lookupSeries(head) !== undefined ? head : null;
}
