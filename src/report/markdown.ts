/** The dashboard as GitHub-flavoured markdown: for reports, issues and chat. */
import type { Assessment, SeriesCoverage } from '../engine/types.ts';
import { indicatorCells } from './display.ts';
import { num, seriesDecimals } from './format.ts';
import { asOfText, reasonText } from './words.ts';
import { visible } from '../domain/visible.ts';

/** A markdown table cell: control characters shown (a newline would end the row), pipes escaped. */
export function mdEscape(text: string): string {
  return visible(text).replace(/\|/g, '\\|');
}

/** A non-breaking hyphen (U+2011): looks like "-", but no line ends after it. */
const NB_HYPHEN = '\u2011';

/**
 * A date in a table cell, kept on one line: a browser squeezing a wide table breaks
 * "2025-10-31" after a hyphen ("2025-10-" over "31", seen in Chromium rendering our
 * markdown at 1280 and 390 px), and markdown has no other way to forbid it (GitHub strips
 * styles and <nobr>). Only table cells get it: prose, JSON and CSV keep plain hyphens.
 */
export function unbrokenDates(text: string): string {
  return text.replace(/(?<![\w.-])(\d{4})-(\d{2})(?:-(\d{2}))?(?![\w.-])/g, (_, y: string, m: string, d: string | undefined) => [y, m, ...(d === undefined ? [] : [d])].join(NB_HYPHEN));
}

/**
 * A GitHub-flavoured markdown table; the columns in `right` (numbers) are right-aligned by
 * `---:` in the delimiter row, and dates are unbroken (unbrokenDates) except in the
 * columns `asTyped` (file names: shown exactly as they are on disk).
 */
export function mdTable(head: readonly string[], rows: readonly (readonly string[])[], options: { right?: readonly number[]; asTyped?: readonly number[] } = {}): string {
  const asTyped = new Set(options.asTyped ?? []);
  const line = (cells: readonly string[]): string => `| ${cells.map((c, i) => (asTyped.has(i) ? mdEscape(c) : unbrokenDates(mdEscape(c)))).join(' | ')} |`;
  const right = new Set(options.right ?? []);
  const delimiter = `| ${head.map((_, i) => (right.has(i) ? '---:' : '---')).join(' | ')} |`;
  return [line(head), delimiter, ...rows.map(line)].join('\n');
}

const INDICATORS_HEAD = ['Indicator', 'Value', 'Change', 'Watch', 'Stress', 'Status', 'Data', 'Why'];

export function indicatorsMarkdown(assessment: Assessment): string {
  return mdTable(
    INDICATORS_HEAD,
    assessment.indicators.map((r) => {
      const { value, change, watch, stress, inputs } = indicatorCells(r);
      const status = r.status === 'stress' || r.status === 'watch' ? `**${r.status}**` : r.status;
      const data = r.stale.length > 0 ? `${inputs} (stale)` : inputs;
      return [r.title, value, change, watch, stress, status, data, reasonText(r)];
    }),
    { right: [1] }, // the values; a change cell is often words ("GDP 2025-07", "latest 32 bp")
  );
}

/** The coverage table's headings in every form: terminal, markdown and HTML. */
export const COVERAGE_HEAD = ['Series', 'First', 'Last', 'Obs', 'Last value', 'Source'] as const;

/** A series' last value as every coverage table shows it: "5.25 %", "1,393.6 bn", "50.35 bn" of SRF take-up. */
export function lastValueText(s: SeriesCoverage): string {
  const decimals = seriesDecimals(s.name) ?? { min: 1, max: 1 };
  return s.unit === 'percent' ? `${num(s.lastValue, 2)} %` : `${num(s.lastValue, decimals.max, decimals.min)} bn`;
}

/** The data-coverage rows as plain text, shared by the markdown and HTML reports. */
export function coverageRows(assessment: Assessment): string[][] {
  return assessment.series.map((s) => [
    s.name,
    s.first,
    s.stale ? `${s.last} (stale)` : s.last,
    String(s.count),
    lastValueText(s),
    [...s.sources.map(visible), ...(s.derivedCount > 0 ? [`${s.derivedCount} derived`] : [])].join(', '),
  ]);
}

export function coverageMarkdown(assessment: Assessment): string {
  return mdTable(COVERAGE_HEAD, coverageRows(assessment), { right: [3, 4], asTyped: [5] }); // Obs, Last value; the files
}

export function checkMarkdown(assessment: Assessment, ageDays: number | null = null): string {
  return [
    `# liq: ${assessment.status.toUpperCase()} ${asOfText(assessment.asOf, ageDays, assessment.asOfDayTypes, assessment.asPublished)}`,
    '',
    '## Indicators',
    '',
    indicatorsMarkdown(assessment),
    '',
    '## Data',
    '',
    coverageMarkdown(assessment),
    '',
  ].join('\n');
}
