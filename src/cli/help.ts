import { Help } from 'commander';

/**
 * What --help shows after each command's options: a few paragraphs, one line each (they
 * are wrapped to the screen when shown), then examples, the commands as people actually
 * run them.
 */
export const HELP = {
  program: `
Examples:
  liq check fixtures/fred/                      the dashboard on a folder of FRED downloads
  liq check SOFR.csv WRESBAL.csv --as-of 2019-09-16
  liq check data/ --json | jq .status           script it
  liq check data/ --exit-status -q              exit 0 ok, 1 watch, 2 stress, 3 unknown

Exit codes: 0 success (any status, unless --exit-status); 64 usage; 65 bad input data; 66 input not found or unreadable; 69 the --notify webhook did not take the message; 73 cannot write output; 70 internal error.
With --exit-status or --format nagios: ok 0, watch 1, stress 2, unknown and every failure 3.
`,
  check: `
Inputs: FRED downloads (observation_date,SOFR or DATE,WRESBAL; "." is missing), wide files (date,sofr,rrp_rate,reserves,...), long files (date,series,value[,unit]), the Treasury's Daily Treasury Statement operating-cash export, a directory of .csv files, or - (stdin).
Units: rates in percent, levels in USD billions; FRED ids are converted (WALCL millions). Declare others in the header (reserves[millions]) or with --unit reserves=millions.

Examples:
  liq check fixtures/fred/
  liq check fixtures/fred/ --as-of 2019-09-17
  liq check fixtures/fred/ --as-of 2019-09-16 --as-published
  cat wide.csv | liq check - --json | jq '.indicators[] | select(.status=="stress") | .id'
  liq check fixtures/fred/ --format nagios       one plugin line with performance data
  liq check fixtures/fred/ --format prometheus   the Prometheus text format
  30 7 * * 1-5  liq check ~/liq-data/ --exit-status -q || mail -s "liq: not ok" me@example.com
`,
  compare: `
The bundled reference holds the indicators on 2019-09-16 (the eve) and 2019-09-17 (SOFR 5.25 %), computed from FRED data by scripts/make-reference.ts, so only your current data are needed. Other episodes are computed from your data: a month picks its worst SOFR day.

Examples:
  liq compare fixtures/fred/
  liq compare fixtures/fred/ --as-of 2025-10-31 --json | jq '.rows[] | select(.atOrBeyondEve)'
  liq compare fixtures/fred/ --episode 2020-03
  liq compare fixtures/fred/ --episode covid=2020-03-16
`,
  outlook: `
Examples:
  liq outlook fixtures/fred/ --as-of 2025-06-04           26 weeks from the data of that day
  liq outlook data/ --weeks 52 --scenario scenarios.json  named scenarios side by side
  liq outlook data/ --format csv > path.csv               every series of every path

Defaults from the data: Fed assets at their trailing 13-week pace, the TGA held, ON RRP falling at its trailing 13-week pace to a floor of 0 (never refilling), other liabilities at their trailing trend; reserves = assets − TGA − ON RRP − other, week by week.
Scenario file (amounts in USD bn; perMonth negative for runoff; each entry holds from its date):
  { "scenarios": { "base": {},
      "tga-rebuild": { "tga": { "target": 850, "by": "2025-12-31" } },
      "qt-ends": { "assets": [ { "from": "2025-12-01", "perMonth": 0 },
                               { "from": "2025-12-12", "perMonth": 40 } ],
                   "rrp": { "floor": 0 } } } }
A bad scenario file (unknown key, wrong type) exits 64 naming the key.
`,
  history: `
On a terminal --format auto draws a chart (--indicator) or the backtest (--all); piped, it writes CSV. JSON: an array of {date, status, metrics, stale} (the metric keys of check --json), or {points, backtest, leadTimes} with --all.

The backtest judges each business day as check --as-of would (add --as-published for what was known that morning), from the first day with full 20-day windows. A stress onset is a stress day after at least 5 business days without stress.

Examples:
  liq history fixtures/fred/ -i sofr_rrp_spread --from 2019-06-01 --to 2019-12-31
  liq history fixtures/fred/ -i reserves_gdp --format csv > reserves_gdp.csv
  liq history fixtures/fred/ --all --calm 2021-01-01..2024-12-31
  liq history fixtures/fred/ --all --as-published --json | jq '.backtest.stressOnsets'
`,
  fetch: `
Downloads every series liq knows that has a public source (or only the ones named), one FRED-format CSV each (observation_date,ID): FRED's CSV download, or the FRED API when FRED_API_KEY is set; from the New York Fed, the reference rates' percentiles and volumes, TGCR, BGCR, OBFR and the repo operation results (srf take-up, srf_submitted bids, the SRF's published rate srf_rate); from the Treasury's Fiscal Data API, the Daily Treasury Statement's TGA (tga_daily).
Only dates after what the cache holds are asked for (the last 5 observations again, so a revision replaces the old value). A failing series is named; the others are still saved.
Then \`liq check --cached\` works offline, and \`liq check --fetch\` fetches and checks.

Cache folder: --dir, else $LIQ_CACHE_DIR, else $XDG_CACHE_HOME/liq, else ~/.cache/liq.
Sources: $LIQ_FRED_URL (https://fred.stlouisfed.org), $LIQ_FRED_API_URL (https://api.stlouisfed.org), $LIQ_NYFED_URL (https://markets.newyorkfed.org), $LIQ_TREASURY_URL (https://api.fiscaldata.treasury.gov).
Exit codes: 0 all saved; 66 some series could not be fetched; 73 the cache cannot be written; 64 a bad flag or a name that is no series liq fetches.

Examples:
  liq fetch                                     update the cache (the first run takes it all)
  liq fetch --since 2024-01-01                  ask again from a date, to take in revisions
  liq fetch tga_daily srf srf_rate              only these series
  liq fetch --dir ~/liq-data && liq check ~/liq-data/
  liq check --cached                            offline: the cache alone, with its age
  15 7 * * 1-5  liq check --fetch --exit-status -q || mail -s "liq: not ok" me@example.com
`,
  report: `
The report: as-of date and overall status, the indicators with their reasons, what changed since the previous business day (statuses and metric moves), stale or unavailable inputs, the comparison with September 2019 (--episode for another), and the data coverage. HTML adds six-month charts of the key indicators with their watch and stress zones: one self-contained page, no scripts or external files. JSON is the document of check --json plus "changes" and "comparison".

--format auto (the default) picks html, json or prometheus from the --out extension (.html, .json, .prom), else md. prometheus is for node_exporter's textfile collector. The file is written to a temporary file beside it, flushed, then renamed over it: a reader never sees half a report, and a failed run leaves the previous one as it was. Nothing is printed on success unless --verbose (or --out -, which writes to stdout).

Examples:
  liq report fixtures/fred/ --out report.md
  liq report fixtures/fred/ --out report.html --as-of 2019-09-17
  liq report fixtures/fred/ --out /var/lib/prometheus/node-exporter/liq.prom
  liq report fixtures/fred/ --out - --format md | mail -s "liq daily" me@example.com
  liq report fixtures/fred/ --out - --json | jq '.changes.indicators[] | select(.statusChanged)'
  # one JSON message (Slack-compatible) only when a status changed:
  liq report data/ --out r.html --state ~/.liq-state.json --notify "$LIQ_WEBHOOK"
  # crontab: 07:30 on weekdays; with --exit-status: ok 0, watch 1, stress 2, unknown or failure 3
  30 7 * * 1-5  liq report ~/liq-data/ --out ~/reports/liq-$(date +\\%F).html --exit-status || echo "liq exit $?"
`,
  config: `
Config discovery: --config FILE, else $LIQ_CONFIG, else ./liq.config.json; without one, the built-in defaults (docs/indicators.md says why each is what it is). Each level shows its rules as a config file writes them (metric, comparison, value) and where it came from.

Examples:
  liq config
  liq config --config ops/liq.config.json
  LIQ_CONFIG=ops/liq.config.json liq config --json | jq '.thresholds.sofr_rrp_spread'
`,
  completion: `
Completes commands, options, formats, indicator ids and file names, from the same definitions as --help.

Examples:
  source <(liq completion bash)             this shell (add it to ~/.bashrc)
  liq completion bash > ~/.local/share/bash-completion/completions/liq
  liq completion zsh > "\${fpath[1]}/_liq"   then start a new zsh
  liq completion fish > ~/.config/fish/completions/liq.fish
`,
  schema: `
Examples:
  liq schema > liq-check.schema.json
  liq check fixtures/fred/ --as-of 2019-09-17 --json > check.json   # a document it describes
`,
} as const;

/**
 * A help footer wrapped to `width` columns by commander's own wrapping: paragraphs at
 * spaces; examples whose comments (after two or more spaces) do not all fit beside them
 * get every comment on the line below, and a command still too long goes on with a
 * deeper indent.
 */
export function footer(text: string, width: number): string {
  const help = new Help();
  const wrap = (line: string, room: number): string[] => help.boxWrap(line, Math.max(help.minWidthToWrap, room)).split('\n');
  const lines = text.split('\n');
  const commented = (line: string): boolean => /^ +\S.* {2,}\S/.test(line);
  const commentsBelow = lines.some((line) => commented(line) && line.length > width);
  return lines
    .flatMap((line) => {
      const indent = /^ */.exec(line)?.[0] ?? '';
      if (indent === '') return line.length <= width ? [line] : wrap(line, width);
      if (line.length <= width && !(commentsBelow && commented(line))) return [line];
      const deeper = `${indent}    `;
      const [command = '', comment] = commented(line) ? line.slice(indent.length).split(/ {2,}(?=\S)(?!.* {2,}\S)/) : [line.slice(indent.length)];
      const out = wrap(command, width - indent.length).map((l, i) => (i === 0 ? `${indent}${l}` : `${deeper}${l}`));
      if (comment !== undefined) out.push(...wrap(comment, width - deeper.length).map((l) => `${deeper}${l}`));
      return out;
    })
    .join('\n');
}
