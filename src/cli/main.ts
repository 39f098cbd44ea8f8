/**
 * The command line: declarations only. Each command's module is imported inside its
 * action, so `liq --help` loads nothing heavy, and main() is the one place that turns
 * errors into text and exit codes.
 */
import { Argument, Command, CommanderError } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { visible } from '../domain/visible.ts';
import { ExitCode, LiqError } from '../errors.ts';
import { dataCommand, FORMATS, formatOption, type CommonOptions } from './options.ts';
import { footer, HELP } from './help.ts';
import { INDICATOR_IDS } from '../engine/types.ts';
import { SERIES } from '../domain/catalog.ts';
import { unknownLine } from '../report/plugin-text.ts';

/** What a command hands back: the exit code, and how a failure must be reported. */
export interface RunContext {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  readonly isTTY: boolean;
  /** The screen's width, for tables, charts and help: the terminal's, else $COLUMNS, else 100. */
  readonly columns: number;
}

export async function main(argv: readonly string[], io: Partial<RunContext> = {}): Promise<number> {
  const ctx: RunContext = {
    stdout: io.stdout ?? stdoutWriter,
    stderr: io.stderr ?? stderrWriter,
    env: io.env ?? process.env,
    isTTY: io.isTTY ?? process.stdout.isTTY === true,
    columns: io.columns ?? screenWidth(process.stdout.columns, io.env ?? process.env),
  };
  let code: number = ExitCode.ok;
  // Read from argv too: commander's own errors (unknown option, bad --format) come before
  // any action sees its options, and in monitoring mode they must exit 3 all the same.
  let { monitoring, nagios } = monitoringFlags(argv);
  let debug = argv.includes('--debug');
  const program = buildProgram(ctx, (c) => (code = c), (opts) => {
    monitoring = opts.exitStatus === true || opts.format === 'nagios';
    nagios = opts.format === 'nagios';
    debug = opts.debug === true;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    return reportFailure(error, ctx, { monitoring, nagios, debug });
  }
}

function buildProgram(ctx: RunContext, setCode: (code: number) => void, seen: (opts: CommonOptions) => void): Command {
  const program = new Command('liq')
    .description('Dollar funding-market liquidity stress from FRED and Treasury CSV series.')
    .version(pkg.version, '-V, --version')
    .exitOverride()
    // Help is wrapped to the screen's width, as the tables are.
    .configureOutput({ writeOut: (s) => ctx.stdout(s), writeErr: (s) => ctx.stderr(s), outputError: () => {}, getOutHelpWidth: () => ctx.columns, getErrHelpWidth: () => ctx.columns })
    .showSuggestionAfterError(true)
    .addHelpText('after', () => footer(HELP.program, ctx.columns));

  const run = (load: () => Promise<{ run: (files: string[], opts: CommonOptions & Record<string, unknown>, ctx: RunContext) => Promise<number> }>) =>
    async (files: string[], opts: CommonOptions & Record<string, unknown>) => {
      seen(opts);
      const command = await load();
      setCode(await command.run(files, opts, ctx));
    };

  dataCommand(program, 'check')
    .description('the dashboard: data coverage, every indicator, overall status')
    .option('--cached', 'read the `liq fetch` cache, offline, and say how old each series is (give no files)')
    .option('--fetch', 'update the `liq fetch` cache, then read it (give no files)')
    .addHelpText('after', () => footer(HELP.check + seriesList(), ctx.columns))
    .action(run(() => import('./check.ts')));

  program
    .command('fetch')
    .description('download the series from FRED, the New York Fed and the Treasury into the cache folder (incremental)')
    .argument('[series...]', 'only these (a cache column such as SOFR or sofr_p99, or a series such as iorb); default all')
    .option('--since <date>', 'ask every source from this date (YYYY-MM-DD), not from what the cache holds')
    .option('--dir <dir>', 'the cache folder (default $LIQ_CACHE_DIR, else $XDG_CACHE_HOME/liq, else ~/.cache/liq)')
    .option('--timeout <seconds>', 'per request (default 20, or $LIQ_FETCH_TIMEOUT)')
    .option('--retries <n>', 'retries after a 5xx, a timeout or a dropped connection (default 2, or $LIQ_FETCH_RETRIES)')
    .option('--deadline <seconds>', 'for the whole run: what is not fetched by then fails (default 300, or $LIQ_FETCH_DEADLINE)')
    .addOption(formatOption(FORMATS.fetch, 'text (lines on stderr) or json (a summary on stdout)'))
    .option('--json', 'shorthand for --format json')
    .option('-q, --quiet', 'print only failures')
    .option('--debug', 'show stack traces for errors')
    .addHelpText('after', () => footer(HELP.fetch, ctx.columns))
    .action(async (names: string[], opts: CommonOptions) => {
      seen(opts);
      const { run: fetch } = await import('./fetch.ts');
      setCode(await fetch(names, opts, ctx));
    });

  dataCommand(program, 'compare')
    .description('now against the eve and the spike of a funding episode (default: the September 2019 repo spike)')
    .option('--episode <episode>', '2019-09 (bundled reference), a month (2020-03), a date (2020-03-16), NAME=DATE, or a config episode name')
    .addHelpText('after', () => footer(HELP.compare, ctx.columns))
    .action(run(() => import('./compare.ts')));

  dataCommand(program, 'history')
    .description('an indicator (--indicator) or the overall status and a backtest (--all) on every business day')
    .option('-i, --indicator <id>', 'the indicator, e.g. sofr_rrp_spread')
    .option('--all', 'the overall status through time, with a backtest summary')
    .option('--from <date>', 'first day (YYYY-MM-DD)')
    .option('--to <date>', 'last day (YYYY-MM-DD)')
    .option('--metric <key>', 'the metric to chart (default: the indicator\'s main one)')
    .option('--calm <from..to>', 'with --all: count stress days in a calm period, e.g. 2021-01-01..2024-12-31')
    .addHelpText('after', () => footer(HELP.history + indicatorList(), ctx.columns))
    .action(run(() => import('./history.ts')));

  dataCommand(program, 'report')
    .description('the daily report for cron: markdown, a self-contained HTML page with charts, or JSON, written atomically')
    .option('-o, --out <file>', 'where to write the report (- for stdout); required')
    .option('--episode <episode>', 'the episode to compare with (default 2019-09, the bundled reference)')
    .option('--state <file>', 'keep the statuses of this run in FILE, to tell the next run what changed')
    .option('--notify <url>', 'with --state: POST one JSON message (Slack-compatible) to this webhook when a status changed')
    .option('--notify-timeout <seconds>', 'per attempt (default 10)')
    .option('--notify-retries <n>', 'retries after a timeout, a dropped connection, a 5xx or a 429 (default 2)')
    .addHelpText('after', () => footer(HELP.report, ctx.columns))
    .action(run(() => import('./report.ts')));

  program
    .command('outlook')
    .description('the weekly path of Fed assets, TGA, ON RRP and reserves for N weeks, and when each threshold line is crossed')
    .argument('[files...]', 'CSV files, directories of .csv files, or - for stdin')
    .option('--weeks <n>', `weeks to project (default 26)`)
    .option('--scenario <file>', 'named scenarios (JSON), run side by side; default: the trailing paces of the data')
    .addOption(formatOption(FORMATS.outlook))
    .option('--json', 'shorthand for --format json')
    .option('--as-of <date>', 'project from this date (YYYY-MM-DD), using only data dated on or before it')
    .option('--as-published', 'use only what had been published by the morning of the as-of date (honest backtests)')
    .option('-c, --config <file>', 'thresholds config (JSON): its watch levels are the threshold lines')
    .option('--unit <name=unit>', 'declare the unit of a column or series, e.g. reserves=millions (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
    .option('--no-color', 'never colour the output')
    .option('-q, --quiet', 'print no notes on stderr')
    .option('--debug', 'show stack traces for errors')
    .addHelpText('after', () => footer(HELP.outlook, ctx.columns))
    .action(run(() => import('./outlook.ts')));

  program
    .command('config')
    .description('print the thresholds in effect and where each came from (default or config file)')
    .option('-c, --config <file>', 'thresholds config (JSON); default $LIQ_CONFIG, then ./liq.config.json')
    .addOption(formatOption(FORMATS.config))
    .option('--json', 'shorthand for --format json')
    .option('--no-color', 'never colour the output')
    .option('--debug', 'show stack traces for errors')
    .addHelpText('after', () => footer(HELP.config, ctx.columns))
    .action(async (opts: CommonOptions & Record<string, unknown>) => {
      seen(opts);
      const { run: runConfig } = await import('./config-cmd.ts');
      setCode(await runConfig([], opts, ctx));
    });

  program
    .command('schema')
    .description('print the JSON Schema of `liq check --json` output')
    .addHelpText('after', () => footer(HELP.schema, ctx.columns))
    .action(async () => {
      const { runSchema } = await import('./schema.ts');
      setCode(runSchema(ctx));
    });

  program
    .command('completion')
    .description('print a shell completion script (bash, zsh or fish) for commands, options, formats and indicator ids')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(['bash', 'zsh', 'fish']))
    .addHelpText('after', () => footer(HELP.completion, ctx.columns))
    .action(async (shell: string) => {
      const { completionScript } = await import('./completion.ts');
      ctx.stdout(completionScript(shell, program));
      setCode(ExitCode.ok);
    });

  return program;
}

/** The series names a file's columns may use (FRED ids work too), for `check --help`. */
const seriesList = (): string => `\nSeries (column or series names; FRED ids such as WRESBAL work too): ${Object.keys(SERIES).join(', ')}.\n`;

/** The indicator ids `--indicator` takes, for `history --help`. */
const indicatorList = (): string => `\nIndicators (--indicator ID): ${INDICATOR_IDS.join(', ')}.\n`;

/** The terminal's width when stdout is one, else a positive $COLUMNS, else 100. */
export function screenWidth(terminal: number | undefined, env: NodeJS.ProcessEnv): number {
  if (terminal !== undefined && terminal > 0) return terminal;
  const columns = Number(env.COLUMNS);
  return Number.isInteger(columns) && columns > 0 ? columns : 100;
}

/** Whether argv asks for monitoring exit codes (--exit-status) or the plugin line (--format nagios). */
export function monitoringFlags(argv: readonly string[]): { monitoring: boolean; nagios: boolean } {
  const end = argv.indexOf('--');
  const args = end < 0 ? argv : argv.slice(0, end);
  const nagios = args.some((a, i) => a === '--format=nagios' || a === '-fnagios' || ((a === '--format' || a === '-f') && args[i + 1] === 'nagios'));
  return { monitoring: nagios || args.includes('--exit-status'), nagios };
}

/**
 * The single place where failures become text on stderr and an exit code. Every line is
 * passed through `visible`: a problem may quote a file name, a config key or a server's
 * words, and none of them may drive the terminal or break the line.
 */
function reportFailure(error: unknown, ctx: RunContext, mode: { monitoring: boolean; nagios: boolean; debug: boolean }): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return ExitCode.ok;
    // Commander's own messages span lines ("Did you mean …?"); what the user typed is inside them.
    const message = error.message.replace(/^error: /, '').split('\n').map(visible).join('\n');
    ctx.stderr(`liq: ${message}\n(liq --help shows the commands and options)\n`);
    if (mode.nagios) ctx.stdout(unknownLine(message));
    return mode.monitoring ? ExitCode.unknown : ExitCode.usage;
  }
  if (error instanceof LiqError) {
    for (const problem of error.problems) ctx.stderr(`liq: ${visible(problem)}\n`);
    if (mode.debug) ctx.stderr(`${error.stack ?? ''}\n`);
    if (mode.nagios) ctx.stdout(unknownLine(visible(error.problems[0] ?? error.message)));
    return mode.monitoring ? ExitCode.unknown : error.exitCode;
  }
  const err = error instanceof Error ? error : new Error(String(error));
  ctx.stderr(`liq: internal error: ${visible(err.message)}\n`);
  ctx.stderr(mode.debug ? `${err.stack ?? ''}\n` : '(this is a bug in liq; run again with --debug for the stack trace and report it)\n');
  if (mode.nagios) ctx.stdout(unknownLine(`internal error: ${visible(err.message)}`));
  return mode.monitoring ? ExitCode.unknown : ExitCode.software;
}

/**
 * A writer to stdout or stderr that a closed pipe silences (`liq … | head -1`, `2>&1 | head
 * -1`, a monitor that stops reading): what is left to say is dropped, the command runs to
 * its end, and the exit code is still its own (the verdict's with --exit-status), not 1
 * from an unhandled 'error' nor 0 from leaving early. Any other write error stays an error.
 */
export function pipeWriter(stream: NodeJS.WriteStream): (text: string) => void {
  let watched = false;
  let closed = false;
  return (text) => {
    if (!watched) {
      watched = true;
      stream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE') throw error;
        closed = true;
      });
    }
    if (!closed) stream.write(text);
  };
}

const stdoutWriter = pipeWriter(process.stdout);
const stderrWriter = pipeWriter(process.stderr);
