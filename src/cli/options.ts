/** Options shared by the commands, and their checking (a bad value is a usage error, exit 64). */
import { Option, type Command } from 'commander';
import { dateProblem, parseIsoDay, type Day } from '../domain/dates.ts';
import { usageError } from '../errors.ts';

export interface CommonOptions {
  format?: string;
  json?: boolean;
  asOf?: string;
  asPublished?: boolean;
  config?: string;
  unit?: string[];
  color?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  debug?: boolean;
  exitStatus?: boolean;
  /** --max-input-size: 500M, 2G, bytes. */
  maxInputSize?: string;
}

/** What --format accepts, per command; the first is the default. Declared here so main.ts need not load a command to list them. */
export const FORMATS = {
  check: ['table', 'json', 'md', 'csv', 'nagios', 'prometheus'],
  compare: ['table', 'json', 'md'],
  history: ['auto', 'chart', 'table', 'csv', 'json'],
  report: ['auto', 'md', 'html', 'json', 'prometheus'],
  config: ['table', 'json'],
  fetch: ['text', 'json'],
  outlook: ['table', 'chart', 'json', 'csv'],
} as const satisfies Record<string, readonly string[]>;

export const formatOption = (formats: readonly string[], what = 'output format'): Option =>
  new Option('-f, --format <format>', what).choices(formats).default(formats[0]);

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** A command that reads data files (check, compare, history, report), with the options all of them take. */
export function dataCommand(program: Command, name: 'check' | 'compare' | 'history' | 'report'): Command {
  return program
    .command(name)
    .argument('[files...]', 'CSV files, directories of .csv files, or - for stdin')
    .addOption(formatOption(FORMATS[name]))
    .option('--json', 'shorthand for --format json')
    .option('--as-of <date>', 'judge as of this date (YYYY-MM-DD), using only data dated on or before it')
    .option('--as-published', 'use only what had been published by the morning of the as-of date (honest backtests)')
    .option('-c, --config <file>', 'thresholds config (JSON); default $LIQ_CONFIG, then ./liq.config.json')
    .option('--unit <name=unit>', 'declare the unit of a column or series, e.g. reserves=millions (repeatable)', collect)
    .option('--max-input-size <size>', 'refuse an input larger than this (default 1G; e.g. 200M, 4G)')
    .option('--net-liquidity <formula>', 'net liquidity formula: "fed_assets - tga - rrp" (default) or "reserves + rrp - tga"')
    .option('--exit-status', 'exit with the status: ok 0, watch 1, stress 2, unknown or failure 3 (monitoring)')
    .option('--no-color', 'never colour the output')
    .option('-q, --quiet', 'print no notes on stderr')
    .option('--verbose', name === 'report' ? 'say what was written, and print the loader\'s notes, on stderr' : 'notes name every skipped file and ignored column')
    .option('--debug', 'show stack traces for errors');
}

export function resolveFormat(options: CommonOptions, formats: readonly string[]): string {
  if (options.json === true) {
    if (!formats.includes('json')) throw usageError(`--json is not available here; formats: ${formats.join(', ')}`);
    return 'json';
  }
  return options.format ?? (formats[0] as string);
}

export function parseDayOption(flag: string, text: string | undefined): Day | undefined {
  if (text === undefined) return undefined;
  const day = parseIsoDay(text);
  if (day === null) {
    // Name the bad part of a well-formed date ("month 13"); otherwise say the form.
    const problem = dateProblem(text);
    const what = problem === null || problem.startsWith('expected') ? 'expected a date as YYYY-MM-DD' : `${problem}, expected a real date as YYYY-MM-DD`;
    throw usageError(`${flag} "${text}": ${what}, e.g. ${flag} 2019-09-16`);
  }
  return day;
}
