import { expect } from 'vitest';
/**
 * The alignment of each column of the table headed by `first`, read from its delimiter row
 * as a GFM renderer reads it: `---:` right, `:---:` center, `:---` or `---` left.
 */
export function alignments(md: string, first: string): { head: string[]; align: string[] } {
  const lines = md.split('\n');
  const at = lines.findIndex((l) => l.startsWith(`| ${first} |`));
  expect(at, `a table headed ${first}`).toBeGreaterThanOrEqual(0);
  const cells = (line: string): string[] => line.slice(1, -1).split('|').map((c) => c.trim());
  const head = cells(lines[at] ?? '');
  const delimiter = cells(lines[at + 1] ?? '');
  expect(delimiter, 'a delimiter cell per heading').toHaveLength(head.length);
  const align = delimiter.map((d) => {
    expect(d, 'a GFM delimiter cell').toMatch(/^:?-{3,}:?$/);
    return d.endsWith(':') ? (d.startsWith(':') ? 'center' : 'right') : 'left';
  });
  return { head, align };
}

