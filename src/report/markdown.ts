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

export function mdTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.map(mdEscape).join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

export function indicatorsMarkdown(assessment: Assessment): string {
  return mdTable(
    ['Indicator', 'Value', 'Change', 'Watch', 'Stress', 'Status', 'Data', 'Why'],
    assessment.indicators.map((r) => {
      const { value, change, watch, stress, inputs } = indicatorCells(r);
      const status = r.status === 'stress' || r.status === 'watch' ? `**${r.status}**` : r.status;
      const data = r.stale.length > 0 ? `${inputs} (stale)` : inputs;
      return [r.title, value, change, watch, stress, status, data, reasonText(r)];
    }),
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
  return mdTable(COVERAGE_HEAD, coverageRows(assessment));
}

export function checkMarkdown(assessment: Assessment, ageDays: number | null = null): string {
  const published = assessment.asPublished ? ' (as published that morning)' : '';
  return [
    `# liq: ${assessment.status.toUpperCase()} ${asOfText(assessment.asOf, ageDays)}${published}`,
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
